//! Fuzz target `ssh_input`: the bytes a participant's terminal sends over SSH, cut into packets
//! as the network might, through the decoder that turns them into the dashboard's key, mouse,
//! paste and resize events (`ui::decoder`, the local terminal's decoder too), with the lone-Esc timeout firing between packets
//! as it does when the client pauses. Shared by the fuzz target and `tests/it/fuzz_regressions.rs`.

use boucle::ui::decoder::InputDecoder;

/// First byte: how packets are cut and where the client pauses; the rest: the bytes typed.
pub fn run(data: &[u8]) {
    let Some((&control, mut bytes)) = data.split_first() else { return };
    let mut decoder = InputDecoder::new();
    let mut events = Vec::new();
    // A small generator seeded by the first byte: packet lengths from 1 to 64, and a pause (the
    // Esc timeout) after some of them.
    let mut state = u32::from(control) | 0x100;
    while !bytes.is_empty() {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let len = (state >> 16) as usize % 64 + 1;
        let (packet, rest) = bytes.split_at(len.min(bytes.len()));
        bytes = rest;
        events.extend(decoder.feed(packet));
        if state >> 12 & 3 == 0 && decoder.waiting() {
            events.extend(decoder.timed_out());
        }
    }
    if decoder.waiting() {
        events.extend(decoder.timed_out());
    }
    assert!(!decoder.waiting(), "bytes are still pending after the timeout");
    // Nothing decoded may come from nowhere: every event needs at least one byte.
    assert!(events.len() <= data.len(), "{} events from {} bytes", events.len(), data.len());
    // A paste, however long, is one event of at most its first 64 kB.
    for event in &events {
        if let boucle::ui::decoder::Event::Paste(text) = event {
            assert!(text.len() <= boucle::ui::decoder::PASTE_KEEP, "a paste of {} bytes was kept", text.len());
        }
    }
}
