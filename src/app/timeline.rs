//! The Timeline: who said what on the current topic, when — one lane per
//! speaker, one point per statement; a click opens the statement.

use super::style::speaker_colour;
use super::{OnRecordApp, Pending};
use crate::model::Statement;
use crate::worker::Request;
use chrono::{Datelike, NaiveDate};
use egui_plot::{Plot, PlotPoint, Points};

/// Days since 1970-01-01 for an ISO date ("2024-03-05", or just a year-month).
fn day_number(date: &str) -> Option<f64> {
    let mut parts = date.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1);
    let day: u32 = parts
        .next()
        .and_then(|d| d.get(..2)?.parse().ok())
        .unwrap_or(1);
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some((date - epoch).num_days() as f64)
}

fn date_of(day: f64) -> String {
    let Some(epoch) = NaiveDate::from_ymd_opt(1970, 1, 1) else {
        return String::new();
    };
    match epoch.checked_add_signed(chrono::Duration::days(day.round() as i64)) {
        Some(d) => format!("{}-{:02}-{:02}", d.year(), d.month(), d.day()),
        None => String::new(),
    }
}

impl OnRecordApp {
    /// The speakers the timeline shows: the chosen pair, else everyone.
    fn timeline_speakers(&self) -> Vec<String> {
        [&self.compare.speaker_a, &self.compare.speaker_b]
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && s != super::compare_view::SAME_SPEAKER)
            .collect()
    }

    fn refresh_timeline(&mut self) {
        let speakers = self.timeline_speakers();
        let topic = self.compare.topic.trim().to_string();
        let key = (topic.clone(), speakers.clone());
        if self.timeline.loaded_for.as_ref() == Some(&key) {
            return;
        }
        self.timeline.loaded_for = Some(key);
        self.timeline.statements.clear();
        let topic = Some(topic).filter(|t| !t.is_empty());
        if speakers.is_empty() {
            self.ask(
                Request::StatementsOnTopic {
                    speaker: None,
                    topic: topic.clone(),
                },
                Pending::Timeline,
            );
        }
        for speaker in speakers {
            self.ask(
                Request::StatementsOnTopic {
                    speaker: Some(speaker),
                    topic: topic.clone(),
                },
                Pending::Timeline,
            );
        }
    }

    pub(super) fn timeline_ui(&mut self, ui: &mut egui::Ui) {
        self.refresh_timeline();
        let topic = self.compare.topic.trim();
        ui.label(format!(
            "Statements {} over time{}. Click a point to open the statement.",
            if topic.is_empty() {
                "on any topic".to_string()
            } else {
                format!("on “{topic}”")
            },
            match self.timeline_speakers().as_slice() {
                [] => String::new(),
                names => format!(" by {}", names.join(" and ")),
            }
        ));
        // Lanes: one per speaker, in order of first statement.
        let mut lanes: Vec<Option<String>> = Vec::new();
        let mut dated: Vec<(f64, usize, &Statement)> = Vec::new();
        let mut undated = 0;
        for s in &self.timeline.statements {
            let lane = match lanes.iter().position(|l| *l == s.speaker) {
                Some(i) => i,
                None => {
                    lanes.push(s.speaker.clone());
                    lanes.len() - 1
                }
            };
            match s.date.as_deref().and_then(day_number) {
                Some(day) => dated.push((day, lane, s)),
                None => undated += 1,
            }
        }
        ui.small(match undated {
            0 => format!("{} statements plotted.", dated.len()),
            n => format!(
                "{} statements plotted; {n} undated ones are not.",
                dated.len()
            ),
        });
        let lane_names: Vec<String> = lanes
            .iter()
            .map(|l| l.clone().unwrap_or_else(|| "unattributed".into()))
            .collect();
        let names_for_axis = lane_names.clone();
        let statements: Vec<(f64, usize, String)> = dated
            .iter()
            .map(|(d, l, s)| (*d, *l, super::compare_view::snippet(&s.text, 80)))
            .collect();
        let response = Plot::new("timeline")
            .allow_scroll(false)
            .include_y(-0.5)
            .include_y(lanes.len() as f64 - 0.5)
            .x_axis_formatter(|mark, _| date_of(mark.value))
            .y_axis_formatter(move |mark, _| {
                let lane = mark.value.round();
                if (mark.value - lane).abs() < 1e-6 && lane >= 0.0 {
                    names_for_axis
                        .get(lane as usize)
                        .cloned()
                        .unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .label_formatter(move |hover| match hover {
                egui_plot::HoverPosition::NearDataPoint { position, .. } => statements
                    .iter()
                    .find(|(d, l, _)| {
                        (*d - position.x).abs() < 0.5 && (*l as f64 - position.y).abs() < 0.01
                    })
                    .map(|(d, _, text)| format!("{}\n{text}", date_of(*d))),
                _ => None,
            })
            .show(ui, |plot| {
                for (lane, name) in lane_names.iter().enumerate() {
                    let points: Vec<[f64; 2]> = dated
                        .iter()
                        .filter(|(_, l, _)| *l == lane)
                        .map(|(d, l, _)| [*d, *l as f64])
                        .collect();
                    plot.points(
                        Points::new(name.clone(), points)
                            .radius(5.0)
                            .filled(true)
                            .color(speaker_colour(lanes[lane].as_deref())),
                    );
                }
            });
        if response.response.clicked()
            && let Some(pos) = response.response.interact_pointer_pos()
        {
            let screen = |day: f64, lane: usize| {
                response
                    .transform
                    .position_from_point(&PlotPoint::new(day, lane as f64))
            };
            let nearest = dated.iter().min_by(|x, y| {
                screen(x.0, x.1)
                    .distance(pos)
                    .total_cmp(&screen(y.0, y.1).distance(pos))
            });
            // Only a click on (or right by) a point opens it.
            if let Some((day, lane, s)) = nearest
                && screen(*day, *lane).distance(pos) < 12.0
            {
                let (article, id) = (s.article_id, s.id);
                self.open_article_at(article, Some(id));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_day_numbers() {
        let day = day_number("2024-03-05").expect("a date");
        assert_eq!(date_of(day), "2024-03-05");
        assert_eq!(day_number("2024-03"), day_number("2024-03-01"));
        assert_eq!(day_number("not a date"), None);
    }
}
