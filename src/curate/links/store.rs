//! The results of `check --links`, kept with their date in `links.json` in the user's cache
//! folder, so that a second check within `--links-age` days asks nothing. A file that cannot
//! be read is ignored (everything is asked again); one that cannot be written is left.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Outcome;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Kept {
    /// When it was asked, in seconds since 1970.
    pub checked: u64,
    #[serde(flatten)]
    pub outcome: Outcome,
}

const FILE: &str = "links.json";

pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

pub fn read(dir: &Path) -> HashMap<String, Kept> {
    let Ok(bytes) = crate::files::read_regular(&dir.join(FILE)) else { return HashMap::new() };
    serde_json::from_slice(&bytes).unwrap_or_default()
}

pub fn write(dir: &Path, kept: &HashMap<String, Kept>) {
    let Ok(text) = serde_json::to_vec(kept) else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let _ = crate::files::write_atomic(&dir.join(FILE), &text, crate::files::Overwrite::Allowed, &[]);
}
