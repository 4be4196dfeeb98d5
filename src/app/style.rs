//! Colours and text formats: speakers' colours, diff marks, theme and text size.
//!
//! Colour is never the only signal: removed words are also struck through,
//! added words underlined, moved sentences carry an arrow, and statements in
//! the reader carry their speaker's name; the colours only speed reading up.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke, TextStyle, Ui};
use serde::{Deserialize, Serialize};

/// The user's choice of theme, persisted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Adds DejaVu Sans behind egui's own font: arrows, marks (↪ ≈ ★ ●) and
/// the letters of many more languages, the same on every machine (the
/// tests' image snapshots depend on it).
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert {
        name: "DejaVuSans".into(),
        data: FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
        families,
    });
}

pub const TEXT_SCALES: std::ops::RangeInclusive<f32> = 0.7..=2.0;

/// Eight colours that stay apart for common colour-vision deficiencies
/// (Okabe–Ito, plus two), for speakers in order of appearance.
const SPEAKER_COLOURS: [Color32; 8] = [
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(213, 94, 0),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(120, 94, 240),
    Color32::from_rgb(140, 140, 40),
];

/// A speaker's colour: stable for a name across runs and views.
pub fn speaker_colour(name: Option<&str>) -> Color32 {
    let Some(name) = name else {
        return Color32::GRAY;
    };
    // FNV-1a: stable across runs and platforms (std's hasher is not).
    let mut hash: u32 = 0x811c_9dc5;
    for b in name.to_lowercase().bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    SPEAKER_COLOURS[(hash as usize) % SPEAKER_COLOURS.len()]
}

/// A translucent wash of `colour` for text backgrounds.
pub fn wash(colour: Color32, dark: bool) -> Color32 {
    let alpha = if dark { 70 } else { 45 };
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha)
}

/// "Spokesperson, State Department": a role and an organisation, either
/// of which may be missing.
pub fn role_line(role: Option<&str>, organization: Option<&str>) -> String {
    [role, organization]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a stretch of compared text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    Removed,
    Added,
    Moved,
    Ignored,
    Shared,
}

pub struct Palette {
    pub removed: Color32,
    pub added: Color32,
    pub moved: Color32,
    pub ignored: Color32,
    pub shared: Color32,
    pub current: Color32,
}

pub fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            removed: Color32::from_rgb(255, 120, 120),
            added: Color32::from_rgb(110, 220, 130),
            moved: Color32::from_rgb(120, 170, 255),
            ignored: Color32::from_gray(140),
            shared: Color32::from_rgba_unmultiplied(230, 180, 0, 80),
            current: Color32::from_rgba_unmultiplied(255, 255, 255, 40),
        }
    } else {
        Palette {
            removed: Color32::from_rgb(190, 20, 20),
            added: Color32::from_rgb(0, 120, 40),
            moved: Color32::from_rgb(30, 80, 200),
            ignored: Color32::from_gray(130),
            shared: Color32::from_rgba_unmultiplied(255, 200, 0, 90),
            current: Color32::from_rgba_unmultiplied(0, 0, 0, 25),
        }
    }
}

/// Appends `text` to `job` with the look of `mark`.
pub fn append_marked(job: &mut LayoutJob, ui: &Ui, text: &str, mark: Mark) {
    let dark = ui.visuals().dark_mode;
    let p = palette(dark);
    let font = TextStyle::Body.resolve(ui.style());
    let plain = ui.visuals().text_color();
    let mut format = TextFormat::simple(font, plain);
    match mark {
        Mark::Plain => {}
        Mark::Removed => {
            format.color = p.removed;
            format.strikethrough = Stroke::new(1.5, p.removed);
            format.background = wash(p.removed, dark);
        }
        Mark::Added => {
            format.color = p.added;
            format.underline = Stroke::new(1.5, p.added);
            format.background = wash(p.added, dark);
        }
        Mark::Moved => {
            format.color = p.moved;
            format.italics = true;
        }
        Mark::Ignored => format.color = p.ignored,
        Mark::Shared => {
            format.background = p.shared;
            format.underline = Stroke::new(1.0, plain);
        }
    }
    job.append(text, 0.0, format);
}

/// A small label-sized format, for markers inside text.
pub fn small_format(ui: &Ui, colour: Color32) -> TextFormat {
    let size = TextStyle::Small.resolve(ui.style()).size;
    TextFormat::simple(FontId::proportional(size), colour)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_keeps_the_same_colour_whatever_the_case() {
        assert_eq!(
            speaker_colour(Some("John Kirby")),
            speaker_colour(Some("john kirby"))
        );
        assert_eq!(speaker_colour(None), Color32::GRAY);
    }

    #[test]
    fn the_two_spokesmen_of_the_seed_article_get_different_colours() {
        assert_ne!(
            speaker_colour(Some("John Kirby")),
            speaker_colour(Some("Matthew Miller"))
        );
    }
}
