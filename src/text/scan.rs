//! Scans of catalogue text that skip printable ASCII sixteen bytes at a time: the checks of
//! what cleaning would change read every byte of every file, and almost all of them are
//! printable ASCII, so a branch-free test per block (which the compiler turns into vector
//! compares) replaces a table lookup and a branch per byte. The callers look at the bytes
//! after the returned offset one at a time, as before.

const BLOCK: usize = 16;

/// Whether `b` is printable ASCII (space to `~`), or a line feed where `line_feed` says.
#[inline(always)]
fn plain(b: u8, line_feed: bool) -> bool {
    b.wrapping_sub(b' ') < 0x5f || (line_feed && b == b'\n')
}

/// Whether `b` is printable ASCII, a tab or a line end: none of them starts a character that
/// cleaning removes.
#[inline(always)]
fn harmless(b: u8) -> bool {
    b.wrapping_sub(b' ') < 0x5f || b == b'\n' || b == b'\t' || b == b'\r'
}

/// The length of the longest start of `bytes` made of whole blocks of printable ASCII (and line
/// feeds where `line_feed` says), then of such bytes one at a time: everything before it is
/// plain, and it is a character boundary of any UTF-8 text.
pub fn plain_prefix(bytes: &[u8], line_feed: bool) -> usize {
    let mut at = 0;
    for block in bytes.chunks_exact(BLOCK) {
        if !block.iter().fold(true, |all, &b| all & plain(b, line_feed)) {
            break;
        }
        at += BLOCK;
    }
    at + bytes[at..].iter().position(|&b| !plain(b, line_feed)).unwrap_or(bytes.len() - at)
}

/// Where the first block of `bytes[from..]` that holds something other than printable ASCII,
/// tabs and line ends starts (or where the bytes end): no character that cleaning removes
/// starts before it.
pub fn harmless_until(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    for block in bytes[from.min(bytes.len())..].chunks_exact(BLOCK) {
        if !block.iter().fold(true, |all, &b| all & harmless(b)) {
            return at;
        }
        at += BLOCK;
    }
    at.min(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::{harmless_until, plain_prefix};
    use proptest::prelude::*;

    proptest! {
        /// The plain start is exactly the bytes before the first one that is not plain, and
        /// no byte before the harmless offset is anything but printable ASCII, tab or a line
        /// end; both for texts mixing every kind of byte in runs of any length.
        #[test]
        fn scans_stop_where_a_byte_at_a_time_would(
            runs in prop::collection::vec((prop::sample::select(vec![b'a', b' ', b'\n', b'\t', b'\r', 0x1b, 0x7f, 0xc3, 0xe2]), 0..40usize), 0..12),
            from in 0..200usize,
            line_feed: bool,
        ) {
            let bytes: Vec<u8> = runs.iter().flat_map(|&(b, n)| std::iter::repeat_n(b, n)).collect();
            let plain = |b: u8| (b' '..=b'~').contains(&b) || (line_feed && b == b'\n');
            let expected = bytes.iter().position(|&b| !plain(b)).unwrap_or(bytes.len());
            prop_assert_eq!(plain_prefix(&bytes, line_feed), expected);
            let harmless = |b: u8| (b' '..=b'~').contains(&b) || matches!(b, b'\n' | b'\t' | b'\r');
            let until = harmless_until(&bytes, from);
            let first = bytes.iter().skip(from).position(|&b| !harmless(b)).map_or(bytes.len(), |i| from + i);
            prop_assert!(from.min(bytes.len()) <= until && until <= first);
            prop_assert!(first - until < 16, "a block of harmless bytes was not skipped");
        }
    }
}
