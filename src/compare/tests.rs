//! Unit and property tests of the comparison engine. Snapshot tests of
//! whole comparisons live in tests/integration/compare.rs.

use super::*;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn words_of(text: &str) -> Vec<String> {
    let mut w: Vec<String> = text.unicode_words().map(str::to_string).collect();
    w.sort();
    w
}

/// The words the ops give to each side, sorted.
fn op_words(c: &Comparison) -> (Vec<String>, Vec<String>) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for row in &c.rows {
        for op in &row.ops {
            if matches!(op.tag, OpTag::Equal | OpTag::Delete | OpTag::Ignored)
                && let Some(t) = &op.a
            {
                a.extend(t.unicode_words().map(str::to_string));
            }
            if matches!(op.tag, OpTag::Equal | OpTag::Insert | OpTag::Ignored)
                && let Some(t) = &op.b
            {
                b.extend(t.unicode_words().map(str::to_string));
            }
        }
    }
    a.sort();
    b.sort();
    (a, b)
}

#[test]
fn every_row_kind() {
    let a =
        "The talks will resume. We condemn the attack. Pakistan remains a partner. Aid is flowing.";
    let b = "The talks would resume. Pakistan remains a partner. We condemn the attack. A new envoy was named.";
    let c = compare(a, b, &Options::default());
    let kinds: Vec<RowKind> = c.rows.iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&RowKind::Moved), "{kinds:?}");
    assert!(kinds.contains(&RowKind::Reworded), "{kinds:?}");
    assert!(kinds.contains(&RowKind::Equal), "{kinds:?}");
    assert!(
        kinds.contains(&RowKind::Dropped) && kinds.contains(&RowKind::Added),
        "{kinds:?}"
    );
    assert_eq!(
        c.summary.moved
            + c.summary.reworded
            + c.summary.unchanged
            + c.summary.added
            + c.summary.dropped,
        c.rows.len()
    );
}

#[test]
fn one_sentence_split_in_two_is_one_row() {
    let a = "We support the ceasefire and we urge all parties to release the hostages.";
    let b = "We support the ceasefire. We urge all parties to release the hostages.";
    let c = compare(a, b, &Options::default());
    assert_eq!(c.rows.len(), 1, "{:#?}", c.rows);
    assert_eq!(c.rows[0].kind, RowKind::Reworded);
    assert_eq!(c.rows[0].b.as_deref(), Some(b));
}

#[test]
fn unrelated_texts_score_near_zero_and_identical_ones_one() {
    let a = "The harbour council approved the flood barrier plan after a long debate.";
    let b = "Wheat exports rose sharply in the first quarter, traders reported.";
    let c = compare(a, b, &Options::default());
    assert!(c.similarity < 0.15, "{}", c.similarity);
    assert_eq!(compare(a, a, &Options::default()).similarity, 1.0);
    assert_eq!(compare("", "", &Options::default()).similarity, 1.0);
}

#[test]
fn significance_categories() {
    let c = compare(
        "We support the plan and will act.",
        "We do not support the plan and may act. We strongly condemn it.",
        &Options::default(),
    );
    let categories: Vec<Category> = c.significant.iter().map(|s| s.category).collect();
    assert_eq!(categories.first(), Some(&Category::Negation));
    assert!(categories.contains(&Category::Modality));
}

#[test]
fn ignore_options_tag_differences_as_ignored() {
    let a = "The U.S. “will” act, Miller said.";
    let b = "the US \"will\" act Miller said";
    let strict = compare(a, b, &Options::default());
    assert!(
        strict
            .rows
            .iter()
            .flat_map(|r| &r.ops)
            .any(|o| o.tag == OpTag::Delete)
    );
    let lenient = compare(
        a,
        b,
        &Options {
            ignore_case: true,
            ignore_punctuation: true,
            ignore_typography: true,
            ignore_whitespace: true,
        },
    );
    assert!(
        lenient
            .rows
            .iter()
            .flat_map(|r| &r.ops)
            .all(|o| matches!(o.tag, OpTag::Equal | OpTag::Ignored)),
        "{:#?}",
        lenient.rows
    );
    assert!(
        lenient
            .rows
            .iter()
            .flat_map(|r| &r.ops)
            .any(|o| o.tag == OpTag::Ignored)
    );
    assert_eq!(lenient.summary.unchanged, 1);
    assert_eq!(lenient.similarity, 1.0);
}

#[test]
fn pathological_input_finishes() {
    let a = "word ".repeat(20_000);
    let b = "other ".repeat(20_000);
    let c = compare(&a, &b, &Options::default());
    assert!(c.similarity < 0.01);
    let (wa, _) = op_words(&c);
    assert_eq!(wa.len(), 20_000);
}

proptest! {
    #![proptest_config(crate::proptest_config(256))]

    #[test]
    fn any_unicode_input_is_accounted_for(a in "\\PC{0,120}", b in "\\PC{0,120}") {
        let c = compare(&a, &b, &Options::default());
        let (wa, wb) = op_words(&c);
        prop_assert_eq!(wa, words_of(&a));
        prop_assert_eq!(wb, words_of(&b));
        prop_assert!((0.0..=1.0).contains(&c.similarity));
    }

    #[test]
    fn prose_like_input_is_accounted_for_under_every_option(
        a in prop::collection::vec("(the|We|U\\.S\\.|will|would|not|deeply|concerned|talks|Pakistan|“|”|,|\\.|\\?|—|it’s|It's)", 0..40),
        b in prop::collection::vec("(the|We|U\\.S\\.|will|would|not|deeply|concerned|talks|Pakistan|“|”|,|\\.|\\?|—|it’s|It's)", 0..40),
        flags in 0u8..16,
    ) {
        let (a, b) = (a.join(" "), b.join(" "));
        let options = Options { ignore_case: flags & 1 != 0, ignore_punctuation: flags & 2 != 0, ignore_typography: flags & 4 != 0, ignore_whitespace: flags & 8 != 0 };
        let c = compare(&a, &b, &options);
        let (wa, wb) = op_words(&c);
        prop_assert_eq!(wa, words_of(&a));
        prop_assert_eq!(wb, words_of(&b));
    }

    #[test]
    fn similarity_is_one_for_identical_and_symmetric(a in "\\PC{0,80}", b in "\\PC{0,80}") {
        prop_assert_eq!(compare(&a, &a, &Options::default()).similarity, 1.0);
        prop_assert_eq!(compare(&a, &b, &Options::default()).similarity, compare(&b, &a, &Options::default()).similarity);
    }
}
