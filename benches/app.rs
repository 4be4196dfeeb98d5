//! The desktop app's frame time where size could hurt: the Library table
//! scrolled with 100 and with 100,000 articles. Only the rows on screen are
//! laid out, so the two should cost about the same.
//!
//! Run: `cargo bench --bench app`. Headless (egui_kittest, no GPU).

use divan::Bencher;
use egui_kittest::Harness;
use onrecord::app::{AppConfig, OnRecordApp, ScriptedPicker};
use onrecord::model::Article;
use std::time::Duration;

fn main() {
    divan::main();
}

fn articles(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| Article {
            id: i as i64 + 1,
            title: Some(format!("Spokesperson {} on talks, round {}", i % 97, i)),
            outlet: Some(format!("Outlet {}", i % 13)),
            url: None,
            byline: None,
            published: Some(format!(
                "20{:02}-{:02}-{:02}",
                10 + i % 15,
                1 + i % 12,
                1 + i % 28
            )),
            source_path: None,
            source_part: None,
            content_hash: format!("{i:064x}"),
            imported_at: "2026-01-01T00:00:00Z".into(),
            statement_count: (i % 17) as i64,
        })
        .collect()
}

#[divan::bench(args = [100, 100_000], sample_count = 30)]
fn library_table_frame_while_scrolling(bencher: Bencher, rows: usize) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = AppConfig {
        library: dir.path().join("bench.sqlite3"),
        picker: ScriptedPicker::new(),
        load_samples_if_empty: false,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |cc| OnRecordApp::new(cc, config));
    // Let the (empty) library answer first, so its lists don't replace ours.
    for _ in 0..50 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.state_mut().show_articles(articles(rows));
    h.step();
    h.hover_at(egui::pos2(150.0, 400.0));
    bencher.bench_local(|| {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -3.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    });
}
