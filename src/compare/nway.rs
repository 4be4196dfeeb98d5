//! N-way comparison: 3 to 6 statements on one point in a table — rows are
//! aligned sentences, columns are the statements — marking for each cell
//! whether its wording is shared with another column or unique.

use super::align::{Vocabulary, align, dice};
use super::sentences::split;
use super::{Options, sentence_key};
use serde::Serialize;

/// How a cell's wording relates to the other cells of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sharing {
    /// Word for word the same as another column (under the options).
    Shared,
    /// Mostly the same words as another column.
    Similar,
    /// Worded like no other column.
    Unique,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub text: String,
    pub sharing: Sharing,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NWayRow {
    /// One cell per column; `None` where that statement has nothing here.
    pub cells: Vec<Option<Cell>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NWay {
    pub columns: usize,
    pub rows: Vec<NWayRow>,
}

/// Aligns 2 to 6 texts sentence by sentence against the first.
pub fn nway(texts: &[&str], options: &Options) -> NWay {
    let columns = texts.len();
    let mut vocabulary = Vocabulary::default();
    let sentences: Vec<Vec<std::ops::Range<usize>>> = texts.iter().map(|t| split(t)).collect();
    let infos: Vec<Vec<_>> = texts
        .iter()
        .zip(&sentences)
        .map(|(t, ss)| {
            ss.iter()
                .map(|r| vocabulary.sentence(&t[r.clone()], &sentence_key(&t[r.clone()], options)))
                .collect()
        })
        .collect();
    // Rows keyed by the pivot's sentence index; sentences of other columns
    // with no pivot partner go into rows of their own after the pivot row
    // they follow.
    let pivot = &sentences[0];
    let mut grid: Vec<Vec<Option<String>>> =
        (0..pivot.len()).map(|_| vec![None; columns]).collect();
    for (k, r) in pivot.iter().enumerate() {
        grid[k][0] = Some(texts[0][r.clone()].to_string());
    }
    let mut extra: Vec<(usize, usize, String)> = Vec::new(); // (after pivot row, column, text)
    for c in 1..columns {
        let mut last_row = 0;
        for link in align(&infos[0], &infos[c]) {
            let text = if link.b.is_empty() {
                None
            } else {
                let ss = &sentences[c];
                Some(texts[c][ss[link.b.start].start..ss[link.b.end - 1].end].to_string())
            };
            match (link.a.is_empty(), text) {
                (false, Some(text)) => {
                    last_row = link.a.start;
                    grid[link.a.start][c] = Some(text);
                }
                (false, None) => last_row = link.a.start,
                (true, Some(text)) => extra.push((last_row, c, text)),
                (true, None) => {}
            }
        }
    }
    let mut rows: Vec<Vec<Option<String>>> = Vec::new();
    for (k, row) in grid.into_iter().enumerate() {
        rows.push(row);
        for (_, c, text) in extra.iter().filter(|(after, _, _)| *after == k) {
            let mut r = vec![None; columns];
            r[*c] = Some(text.clone());
            rows.push(r);
        }
    }
    if pivot.is_empty() {
        for (_, c, text) in &extra {
            let mut r = vec![None; columns];
            r[*c] = Some(text.clone());
            rows.push(r);
        }
    }
    let rows = rows
        .into_iter()
        .map(|cells| {
            let keys: Vec<Option<String>> = cells
                .iter()
                .map(|c| c.as_ref().map(|t| sentence_key(t, options)))
                .collect();
            let words: Vec<Option<Vec<u32>>> = cells
                .iter()
                .map(|c| c.as_ref().map(|t| vocabulary.sentence(t, "").words))
                .collect();
            let cells = cells
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    cell.as_ref().map(|text| {
                        let others = (0..columns).filter(|&j| j != i);
                        let sharing = if others
                            .clone()
                            .any(|j| keys[j].is_some() && keys[j] == keys[i])
                        {
                            Sharing::Shared
                        } else if others.clone().any(|j| match (&words[i], &words[j]) {
                            (Some(a), Some(b)) => dice(a, b) >= 0.5,
                            _ => false,
                        }) {
                            Sharing::Similar
                        } else {
                            Sharing::Unique
                        };
                        Cell {
                            text: text.clone(),
                            sharing,
                        }
                    })
                })
                .collect();
            NWayRow { cells }
        })
        .collect();
    NWay { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_spokespeople_on_one_point() {
        let a = "We are concerned about the attacks. We support dialogue.";
        let b = "We are concerned about the attacks. We urge restraint on all sides.";
        let c = "We support dialogue between the parties. The region needs calm.";
        let table = nway(&[a, b, c], &Options::default());
        assert_eq!(table.columns, 3);
        let first = &table.rows[0].cells;
        assert_eq!(first[0].as_ref().unwrap().sharing, Sharing::Shared);
        assert_eq!(first[1].as_ref().unwrap().sharing, Sharing::Shared);
        // every sentence of every column is somewhere in the table
        for (col, text) in [a, b, c].iter().enumerate() {
            for s in split(text) {
                let sentence = &text[s];
                assert!(
                    table.rows.iter().any(|r| r.cells[col]
                        .as_ref()
                        .is_some_and(|c| c.text.contains(sentence))),
                    "{sentence}"
                );
            }
        }
    }
}
