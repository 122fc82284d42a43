//! The server's host key: generated on first start, stored with mode 0600 in the data folder,
//! and the same on every later start, so participants' `known_hosts` stays valid from one
//! workshop to the next.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};

use crate::text::Lang;

/// `$XDG_DATA_HOME/boucle/ssh_host_ed25519_key`, else under `~/.local/share`.
pub fn default_path() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")))?;
    Some(data.join("boucle").join("ssh_host_ed25519_key"))
}

/// Whether the key was made now (to say so at start).
pub enum Origin {
    Loaded,
    Generated,
}

/// Reads the key at `path`, or makes one there when the file does not exist. Anything but a
/// regular file there (a FIFO would block the start until something wrote to it) is refused
/// at once, in `lang`.
pub fn load_or_generate(path: &Path, lang: Lang) -> io::Result<(PrivateKey, Origin)> {
    let shown = crate::text::visible::path(path);
    match std::fs::metadata(path) {
        Ok(meta) => {
            if let Some(special) = crate::files::special(meta.file_type()) {
                let message = crate::i18n::guards::not_a_regular_file(lang, &shown, special);
                return Err(io::Error::new(io::ErrorKind::InvalidInput, message));
            }
            if meta.permissions().mode() & 0o077 != 0 {
                return Err(io::Error::other(format!(
                    "{shown}: the host key is readable by others (mode {:o}); run `chmod 600 {shown}`",
                    meta.permissions().mode() & 0o777,
                )));
            }
            // Opened without blocking and read only if still a regular file.
            let unusable = |e: &dyn std::fmt::Display| io::Error::other(format!("{shown}: not a usable host key: {e}"));
            let bytes = crate::files::read_regular(path).map_err(|e| unusable(&e))?;
            let text = String::from_utf8(bytes).map_err(|e| unusable(&e))?;
            let key = russh::keys::decode_secret_key(&text, None).map_err(|e| unusable(&e))?;
            Ok((key, Origin::Loaded))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok((generate(path)?, Origin::Generated)),
        Err(e) => Err(io::Error::new(e.kind(), format!("{shown}: {e}"))),
    }
}

fn generate(path: &Path) -> io::Result<PrivateKey> {
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
        .map_err(|e| io::Error::other(format!("could not generate a host key: {e}")))?;
    let text = key.to_openssh(LineEnding::LF).map_err(|e| io::Error::other(format!("host key: {e}")))?;
    if let Some(folder) = path.parent() {
        let shown = crate::text::visible::path(folder);
        std::fs::create_dir_all(folder).map_err(|e| io::Error::new(e.kind(), format!("{shown}: {e}")))?;
    }
    // Created 0600 from the start (never world-readable for a moment), and never over a file
    // another process made meanwhile.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", crate::text::visible::path(path))))?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    Ok(key)
}

/// `SHA256:…`, as `ssh` shows it when it first meets the server.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_once_with_mode_600_then_loaded_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/key");
        let (first, origin) = load_or_generate(&path, Lang::En).unwrap();
        assert!(matches!(origin, Origin::Generated));
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        let (second, origin) = load_or_generate(&path, Lang::En).unwrap();
        assert!(matches!(origin, Origin::Loaded));
        assert_eq!(fingerprint(&first), fingerprint(&second));
        assert!(fingerprint(&first).starts_with("SHA256:"));
    }

    #[test]
    fn a_key_readable_by_others_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key");
        load_or_generate(&path, Lang::En).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let error = load_or_generate(&path, Lang::En).err().unwrap().to_string();
        assert!(error.contains("chmod 600"), "{error}");
    }

    /// A FIFO given as the host key is refused at once (reading it would wait for a writer
    /// forever), in the facilitator's language.
    #[cfg(unix)]
    #[test]
    fn a_fifo_as_the_host_key_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("key");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let (done, finished) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let _ = done.send(load_or_generate(&path, Lang::Fr).map(drop).map_err(|e| e.to_string()));
        });
        let refused = finished.recv_timeout(std::time::Duration::from_secs(30)).expect("no wait on the FIFO");
        let said = refused.unwrap_err();
        assert!(said.contains("une FIFO") && said.contains("pas un fichier ordinaire"), "{said}");
    }
}
