//! The sample library bundled in the binary: the seed article and synthetic
//! articles and transcripts in which Kirby, Miller and other spokespeople
//! speak on shared topics over several dates. build.rs validates
//! `assets/samples/manifest.tsv` and embeds every file it lists.

/// One bundled sample file.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub file: &'static str,
    pub outlet: Option<&'static str>,
    pub date: Option<&'static str>,
    pub transcript: bool,
    pub bytes: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/samples.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_embedded_with_their_metadata() {
        assert!(SAMPLES.len() >= 13);
        assert!(
            SAMPLES
                .iter()
                .any(|s| s.file == "kirby-miller-pakistan.txt")
        );
        assert!(SAMPLES.iter().filter(|s| s.transcript).count() >= 3);
        assert!(SAMPLES.iter().all(|s| std::str::from_utf8(s.bytes).is_ok()));
    }
}
