//! The protocol between processes: one JSON object a line, [`Drive`]s from a view that may
//! drive, [`Stage`]s to every view. A line longer than [`MAX_LINE`] or that does not parse is
//! an error for the connection, never a panic.

use std::io::{BufRead, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// No message comes near this: a room line is 80 columns, a deck of ids a few kilobytes.
pub const MAX_LINE: usize = 256 * 1024;

pub fn write<T: Serialize>(to: &mut impl Write, message: &T) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(message).map_err(std::io::Error::other)?;
    line.push(b'\n');
    to.write_all(&line)?;
    to.flush()
}

/// The next message; `Ok(None)` at the end of the stream.
pub fn read<T: DeserializeOwned>(from: &mut impl BufRead) -> std::io::Result<Option<T>> {
    let mut line = Vec::new();
    let read = std::io::Read::take(&mut *from, MAX_LINE as u64 + 1).read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.len() > MAX_LINE {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "line too long"));
    }
    serde_json::from_slice(&line).map(Some).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presentation::{Deck, Drive, Stage};

    #[test]
    fn drives_and_stages_go_through_a_line_each() {
        let mut buffer = Vec::new();
        let stage = Stage::new(Deck::Entries(vec!["a".into(), "b".into()]), 2, 5);
        write(&mut buffer, &Drive::RoomLine(Some("Pause\n10 h 30".into()))).unwrap();
        write(&mut buffer, &stage).unwrap();
        assert_eq!(buffer.iter().filter(|b| **b == b'\n').count(), 2, "a line break in a text is escaped");
        let mut reader = std::io::Cursor::new(buffer);
        assert_eq!(read::<Drive>(&mut reader).unwrap(), Some(Drive::RoomLine(Some("Pause\n10 h 30".into()))));
        assert_eq!(read::<Stage>(&mut reader).unwrap(), Some(stage));
        assert_eq!(read::<Stage>(&mut reader).unwrap(), None);
    }

    #[test]
    fn garbage_and_floods_are_errors() {
        let mut reader = std::io::Cursor::new(b"{\"Goto\": \"x\"}\n".to_vec());
        assert!(read::<Drive>(&mut reader).is_err());
        let mut reader = std::io::Cursor::new(vec![b'x'; MAX_LINE + 10]);
        assert!(read::<Drive>(&mut reader).is_err());
    }
}
