// Shared by build.rs (which builds the lexicon's buckets) and
// src/extract/lexicon.rs (which looks words up in them) through `include!`:
// both sides must compute the same bit.

/// The bit of a word's last byte in a lexicon bucket's mask: one bit per
/// lowercase letter, bit 26 for anything else.
fn last_letter_bit(byte: u8) -> u32 {
    if byte.is_ascii_lowercase() {
        1 << (byte - b'a')
    } else {
        1 << 26
    }
}
