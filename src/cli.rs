//! The command-line interface: the same library the app uses, for scripting,
//! tests and other tools. JSON shapes are documented in docs/cli.md and are
//! a contract: fields may be added, never renamed or removed.
//!
//! Exit codes: 0 all done; 1 some inputs failed (the others were done) or the
//! library could not be used; 2 usage error.

use crate::import::{self, ImportEvent};
use crate::model::{ExtractedStatement, ImportOutcome, ImportSummary};
use crate::report::plural;
use crate::session::{CompareMode, Session, SessionComparison};
use crate::store::{ArticleQuery, Library, StatementQuery};
use crate::{compare, report as reports, session, topics};
use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

#[derive(Debug, Parser)]
#[command(name = "onrecord", version = crate::VERSION, about = "On Record — who said what, in which words.", long_about = None)]
pub struct Cli {
    /// The library database (default: the platform's data directory).
    #[arg(long, global = true, env = "ONRECORD_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import files and folders (recursively) into the library.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List articles, newest first.
    Articles {
        /// Only articles whose title or outlet contains this text.
        #[arg(long)]
        filter: Option<String>,
        #[arg(long)]
        limit: Option<usize>,
    },
    /// List statements, oldest first.
    Statements {
        /// Only this speaker (name or alias).
        #[arg(long)]
        speaker: Option<String>,
        /// Only statements matching this full-text query.
        #[arg(long)]
        topic: Option<String>,
        /// Only statements of this article.
        #[arg(long)]
        article: Option<i64>,
        #[arg(long)]
        limit: Option<usize>,
    },
    /// List speakers with their roles and statement counts.
    Speakers,
    /// Full-text search over articles.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Print what would be extracted from files, without a library.
    Extract {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a consistent copy of the library (safe while it is in use).
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Import the bundled sample library.
    Samples,
    /// Correct a statement: give it another speaker, or say it is none.
    Correct {
        statement: i64,
        /// The speaker who really said it.
        #[arg(
            long,
            conflicts_with = "not_a_statement",
            required_unless_present = "not_a_statement"
        )]
        speaker: Option<String>,
        /// It is not a statement (a title, a slogan, a journalist's words).
        #[arg(long)]
        not_a_statement: bool,
    },
    /// Add a statement the extractor missed: byte offsets START..END of the
    /// article's body.
    AddStatement {
        article: i64,
        start: usize,
        end: usize,
        #[arg(long)]
        speaker: Option<String>,
        #[arg(long, default_value = "direct", value_parser = ["direct", "partial", "reported", "transcript"])]
        kind: String,
    },
    /// Extract statements again (all articles, or those given), keeping corrections.
    Reextract { articles: Vec<i64> },
    /// Merge one speaker into another (their statements and aliases move over).
    MergeSpeakers { from: String, into: String },
    /// Compare two statements (ids) or two texts (file paths), sentence by sentence and word by word.
    Compare {
        a: String,
        b: String,
        #[command(flatten)]
        options: CompareFlags,
    },
    /// Rank pairs of two speakers' statements by how much they speak to the
    /// same point; with one speaker (or the same twice), their statements over
    /// time, each with its change from the previous.
    Pair {
        #[arg(long)]
        speaker_a: String,
        #[arg(long)]
        speaker_b: Option<String>,
        /// A topic: FTS5 query, normalised terms, or a saved topic's name.
        #[arg(long)]
        topic: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        options: CompareFlags,
    },
    /// Topics: terms two or more speakers share, and saved topics.
    Topics {
        /// Save a topic: NAME and QUERY.
        #[arg(long, num_args = 2, value_names = ["NAME", "QUERY"])]
        save: Option<Vec<String>>,
        /// Only speakers whose statements match this topic.
        #[arg(long, default_value_t = 30)]
        limit: usize,
    },
    /// Other statements that reuse a long phrase of a statement (talking points).
    Reuse { statement: i64 },
    /// Align 3 to 6 statements on one point into a table.
    Nway {
        #[arg(num_args = 2..=6, required = true)]
        statements: Vec<i64>,
        #[command(flatten)]
        options: CompareFlags,
    },
    /// Comparison sessions: list, show, create, export, import, rename, delete.
    Session {
        #[command(subcommand)]
        command: SessionCommand,
    },
    /// Write a report of a session: one self-contained HTML page, or
    /// Markdown — the extension of --out says which.
    Report {
        /// A session's name in the library, or a .onrecord file.
        session: String,
        #[arg(long, value_name = "FILE.html|FILE.md")]
        out: PathBuf,
    },
}

/// `onrecord session …`
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// The saved sessions, most recently saved first.
    List,
    /// A session's comparisons, notes and statements.
    Show { name: String },
    /// Save a new session comparing statements (ids from `onrecord statements`).
    New {
        /// The session's name.
        #[arg(long)]
        name: String,
        #[command(flatten)]
        compare: CompareGroups,
        /// A note: the first --note goes with the first --compare, and so on.
        #[arg(long = "note", value_name = "TEXT")]
        notes: Vec<String>,
        /// How reports show pairs: their differences, or the wording both share.
        #[arg(long, default_value = "diff", value_parser = ["diff", "shared"])]
        mode: String,
        #[command(flatten)]
        options: CompareFlags,
    },
    /// Write a session to a .onrecord file (to send, or keep).
    Export {
        name: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Read a .onrecord file into the library, adding the statements it
    /// brings that the library lacks.
    Import { file: PathBuf },
    /// Give a session another name.
    Rename { old: String, new: String },
    /// Delete a session (its statements stay in the library).
    Delete { name: String },
}

/// `--compare ID ID [ID…]`, repeated: one group of statement ids per
/// occurrence (clap's derive has no `Vec<Vec<_>>`, so this is by hand).
#[derive(Debug, Clone, Default)]
pub struct CompareGroups(pub Vec<Vec<i64>>);

impl clap::FromArgMatches for CompareGroups {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let groups = matches
            .get_occurrences::<i64>("compare")
            .map(|groups| groups.map(|g| g.copied().collect()).collect())
            .unwrap_or_default();
        Ok(CompareGroups(groups))
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl clap::Args for CompareGroups {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.arg(
            clap::Arg::new("compare")
                .long("compare")
                .required(true)
                .num_args(2..=6)
                .value_names(["ID_A", "ID_B"])
                .action(clap::ArgAction::Append)
                .value_parser(clap::value_parser!(i64))
                .help("Statements to compare: two ids for a pair, three to six for a group; repeat for more comparisons"),
        )
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// Comparison options on the command line.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct CompareFlags {
    #[arg(long)]
    ignore_case: bool,
    #[arg(long)]
    ignore_punctuation: bool,
    /// Curly vs straight quotes, dashes, "U.S." vs "US".
    #[arg(long)]
    ignore_typography: bool,
}

impl CompareFlags {
    fn options(self) -> compare::Options {
        compare::Options {
            ignore_case: self.ignore_case,
            ignore_punctuation: self.ignore_punctuation,
            ignore_typography: self.ignore_typography,
            ..compare::Options::default()
        }
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        // `onrecord … | head`: the reader has all it wanted.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("onrecord: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// The library path: `--db`, `$ONRECORD_DB`, or the platform data directory.
pub fn default_db_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "OnRecord", "onrecord")
        .context("cannot find a home directory for the library; pass --db PATH")?;
    Ok(dirs.data_dir().join("library.sqlite3"))
}

fn open_library(cli: &Cli) -> Result<Library> {
    let path = match &cli.db {
        Some(path) => path.clone(),
        None => default_db_path()?,
    };
    Ok(Library::open(&path)?)
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let format = cli.format;
    // Not locked for the whole run: the import callback prints from the
    // import's writer thread.
    let mut out = std::io::stdout();
    let Some(command) = &cli.command else {
        #[cfg(feature = "gui")]
        if has_display() {
            return run_app(&cli);
        }
        return run_default(&cli, &mut out);
    };
    match command {
        Command::Extract { files } => extract_files(files, format, &mut out),
        Command::Import { paths } => {
            let mut library = open_library(&cli)?;
            import_paths(&mut library, paths, format, &mut out)
        }
        Command::Samples => {
            let mut library = open_library(&cli)?;
            let summary = import::import_samples(&mut library, &mut |_| {})?;
            print_summary(&summary, format, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Articles { filter, limit } => {
            let library = open_library(&cli)?;
            let articles = library.articles(&ArticleQuery {
                filter: filter.clone(),
                limit: *limit,
            })?;
            if format == OutputFormat::Json {
                return json(&articles, &mut out);
            }
            for a in &articles {
                writeln!(
                    out,
                    "{:>6}  {:10}  {:<24}  {:>3}  {}",
                    a.id,
                    a.published.as_deref().unwrap_or("—"),
                    truncate(a.outlet.as_deref().unwrap_or("—"), 24),
                    a.statement_count,
                    a.title.as_deref().unwrap_or("(untitled)")
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Statements {
            speaker,
            topic,
            article,
            limit,
        } => {
            let library = open_library(&cli)?;
            let query = StatementQuery {
                speaker: speaker.clone(),
                topic: topic.clone(),
                article_id: *article,
                limit: *limit,
            };
            // A topic matches by FTS5 query and by normalised terms ("Pakistan" finds "Islamabad").
            let statements = match topic {
                Some(topic) => {
                    let mut found = library.statements_on_topic(speaker.as_deref(), Some(topic))?;
                    found.retain(|s| article.is_none_or(|a| s.article_id == a));
                    found.truncate(limit.unwrap_or(usize::MAX));
                    found
                }
                None => library.statements(&query)?,
            };
            if format == OutputFormat::Json {
                return json(&statements, &mut out);
            }
            for s in &statements {
                writeln!(
                    out,
                    "{:>6}  {:10}  {:<10}  {}{}: “{}”",
                    s.id,
                    s.date.as_deref().unwrap_or("—"),
                    s.kind.as_str(),
                    s.speaker.as_deref().unwrap_or("(unknown)"),
                    role_suffix(s.role.as_deref(), s.organization.as_deref()),
                    s.text
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Speakers => {
            let library = open_library(&cli)?;
            let speakers = library.speakers()?;
            if format == OutputFormat::Json {
                return json(&speakers, &mut out);
            }
            for s in &speakers {
                writeln!(
                    out,
                    "{:>5}  {}{}",
                    s.statement_count,
                    s.name,
                    role_suffix(s.role.as_deref(), s.organization.as_deref())
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Search { query, limit } => {
            let library = open_library(&cli)?;
            let hits = library.search(query, *limit)?;
            if format == OutputFormat::Json {
                return json(&hits, &mut out);
            }
            for h in &hits {
                writeln!(
                    out,
                    "{:>6}  {:10}  {}",
                    h.article_id,
                    h.published.as_deref().unwrap_or("—"),
                    h.title.as_deref().unwrap_or("(untitled)")
                )?;
                writeln!(out, "        {}", h.snippet.replace('\n', " "))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Correct {
            statement,
            speaker,
            not_a_statement,
        } => {
            let mut library = open_library(&cli)?;
            match speaker {
                Some(name) if !not_a_statement => library.correct_speaker(*statement, name)?,
                _ => library.remove_statement(*statement)?,
            }
            done(
                format,
                &mut out,
                &format!("Corrected statement {statement}; the correction survives re-extraction."),
            )
        }
        Command::AddStatement {
            article,
            start,
            end,
            speaker,
            kind,
        } => {
            let mut library = open_library(&cli)?;
            let kind = crate::model::StatementKind::parse(kind)
                .unwrap_or(crate::model::StatementKind::Direct);
            let id = library.add_statement(*article, *start, *end, speaker.as_deref(), kind)?;
            if format == OutputFormat::Json {
                return json(&serde_json::json!({ "id": id }), &mut out);
            }
            writeln!(out, "Added statement {id}.")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Reextract { articles } => {
            let mut library = open_library(&cli)?;
            let ids = (!articles.is_empty()).then(|| articles.clone());
            let count =
                import::reextract(&mut library, ids, &AtomicBool::new(false), &mut |_, _| {})?;
            let statements = library.counts()?.statements;
            if format == OutputFormat::Json {
                return json(
                    &serde_json::json!({ "articles": count, "statements": statements }),
                    &mut out,
                );
            }
            writeln!(
                out,
                "Extracted {count} articles again; the library holds {statements} statements."
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::MergeSpeakers { from, into } => {
            let mut library = open_library(&cli)?;
            library.merge_speakers(from, into)?;
            done(format, &mut out, &format!("Merged '{from}' into '{into}'."))
        }
        Command::Compare { a, b, options } => {
            let (ta, tb) = (comparand(&cli, a)?, comparand(&cli, b)?);
            let result = compare::compare(&ta, &tb, &options.options());
            if format == OutputFormat::Json {
                return json(&result, &mut out);
            }
            print_comparison(&result, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Pair {
            speaker_a,
            speaker_b,
            topic,
            limit,
            options,
        } => {
            let library = open_library(&cli)?;
            let a = library.statements_on_topic(Some(speaker_a), topic.as_deref())?;
            if a.is_empty() {
                anyhow::bail!(
                    "no statements by '{speaker_a}'{}",
                    topic
                        .as_deref()
                        .map(|t| format!(" on '{t}'"))
                        .unwrap_or_default()
                );
            }
            match speaker_b
                .as_deref()
                .filter(|b| !b.eq_ignore_ascii_case(speaker_a))
            {
                Some(speaker_b) => {
                    let b = library.statements_on_topic(Some(speaker_b), topic.as_deref())?;
                    let texts_a: Vec<&str> = a.iter().map(|s| s.text.as_str()).collect();
                    let texts_b: Vec<&str> = b.iter().map(|s| s.text.as_str()).collect();
                    let everything = library.statements(&StatementQuery::default())?;
                    let corpus: Vec<&str> = everything.iter().map(|s| s.text.as_str()).collect();
                    let pairs: Vec<serde_json::Value> = topics::rank_pairs_in(
                        &texts_a, &texts_b, &corpus,
                    )
                    .into_iter()
                    .take(*limit)
                    .map(|p| serde_json::json!({ "score": p.score, "a": a[p.a], "b": b[p.b] }))
                    .collect();
                    if format == OutputFormat::Json {
                        return json(&serde_json::json!({ "pairs": pairs }), &mut out);
                    }
                    for p in &pairs {
                        writeln!(
                            out,
                            "{:.3}  #{} {} ↔ #{} {}",
                            p["score"].as_f64().unwrap_or(0.0),
                            p["a"]["id"],
                            truncate(p["a"]["text"].as_str().unwrap_or(""), 60),
                            p["b"]["id"],
                            truncate(p["b"]["text"].as_str().unwrap_or(""), 60)
                        )?;
                    }
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    let mut timeline = Vec::new();
                    for (k, s) in a.iter().enumerate() {
                        let change = k
                            .checked_sub(1)
                            .map(|p| compare::compare(&a[p].text, &s.text, &options.options()));
                        timeline.push(serde_json::json!({
                            "statement": s,
                            "similarity_to_previous": change.as_ref().map(|c| c.similarity),
                            "summary": change.as_ref().map(|c| c.summary),
                            "significant": change.as_ref().map(|c| &c.significant),
                        }));
                    }
                    if format == OutputFormat::Json {
                        return json(&serde_json::json!({ "timeline": timeline }), &mut out);
                    }
                    for t in &timeline {
                        writeln!(
                            out,
                            "{}  #{} {}",
                            t["statement"]["date"].as_str().unwrap_or("—"),
                            t["statement"]["id"],
                            truncate(t["statement"]["text"].as_str().unwrap_or(""), 80)
                        )?;
                        if let Some(sim) = t["similarity_to_previous"].as_f64() {
                            let changes: Vec<String> = t["significant"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .map(|s| {
                                    format!(
                                        "{}: {} → {}",
                                        s["category"].as_str().unwrap_or(""),
                                        s["a"].as_str().unwrap_or("∅"),
                                        s["b"].as_str().unwrap_or("∅")
                                    )
                                })
                                .collect();
                            writeln!(
                                out,
                                "        similarity to previous {sim:.2}{}",
                                if changes.is_empty() {
                                    String::new()
                                } else {
                                    format!("; {}", changes.join("; "))
                                }
                            )?;
                        }
                    }
                    Ok(ExitCode::SUCCESS)
                }
            }
        }
        Command::Topics { save, limit } => {
            let library = open_library(&cli)?;
            if let Some([name, query]) = save.as_deref() {
                library.save_topic(name, query)?;
            }
            let statements = library.statements(&StatementQuery::default())?;
            let pairs: Vec<(&str, &str)> = statements
                .iter()
                .filter_map(|s| Some((s.speaker.as_deref()?, s.text.as_str())))
                .collect();
            let suggested: Vec<topics::SuggestedTopic> = topics::suggest_topics(&pairs, 2)
                .into_iter()
                .take(*limit)
                .collect();
            let saved = library.saved_topics()?;
            if format == OutputFormat::Json {
                return json(
                    &serde_json::json!({ "suggested": suggested, "saved": saved }),
                    &mut out,
                );
            }
            for t in &saved {
                writeln!(out, "saved      {}: {}", t.name, t.query)?;
            }
            for t in &suggested {
                writeln!(
                    out,
                    "{:>3} speakers {:>4} statements  {}  ({})",
                    t.speakers.len(),
                    t.statements,
                    t.term,
                    t.speakers.join(", ")
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Reuse { statement } => {
            let library = open_library(&cli)?;
            let me = library.statement(*statement)?;
            let reuses = library.reuses(*statement)?;
            let dates = || {
                std::iter::once(me.date.clone())
                    .chain(reuses.iter().map(|r| r.statement.date.clone()))
                    .flatten()
            };
            let (first, last) = (dates().min(), dates().max());
            if format == OutputFormat::Json {
                return json(
                    &serde_json::json!({ "statement": me, "min_words": topics::reuse::MIN_WORDS, "reuses": reuses, "first_use": first, "last_use": last }),
                    &mut out,
                );
            }
            writeln!(
                out,
                "#{} {}: “{}”",
                me.id,
                me.speaker.as_deref().unwrap_or("(unknown)"),
                truncate(&me.text, 100)
            )?;
            for r in &reuses {
                writeln!(
                    out,
                    "  {}  #{} {} ({} words): “{}”",
                    r.statement.date.as_deref().unwrap_or("—"),
                    r.statement.id,
                    r.statement.speaker.as_deref().unwrap_or("(unknown)"),
                    r.words,
                    r.shared
                )?;
            }
            writeln!(
                out,
                "{} reuses; first use {}, last use {}",
                reuses.len(),
                first.as_deref().unwrap_or("—"),
                last.as_deref().unwrap_or("—")
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Nway {
            statements,
            options,
        } => {
            let library = open_library(&cli)?;
            let rows: Vec<crate::model::Statement> = statements
                .iter()
                .map(|id| library.statement(*id))
                .collect::<Result<_, _>>()?;
            let texts: Vec<&str> = rows.iter().map(|s| s.text.as_str()).collect();
            let table = compare::nway::nway(&texts, &options.options());
            if format == OutputFormat::Json {
                return json(
                    &serde_json::json!({ "statements": rows, "table": table }),
                    &mut out,
                );
            }
            for (r, row) in table.rows.iter().enumerate() {
                writeln!(out, "row {r}")?;
                for (c, cell) in row.cells.iter().enumerate() {
                    if let Some(cell) = cell {
                        writeln!(
                            out,
                            "  [{}] {:<7} {}",
                            rows[c].speaker.as_deref().unwrap_or("?"),
                            format!("{:?}", cell.sharing).to_lowercase(),
                            truncate(&cell.text, 90)
                        )?;
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Session { command } => session_command(&cli, command, format, &mut out),
        Command::Report {
            session,
            out: target,
        } => report(&cli, session, target, format, &mut out),
        Command::Backup { out: target } => {
            let library = open_library(&cli)?;
            library.backup(target)?;
            if format == OutputFormat::Json {
                return json(
                    &serde_json::json!({ "backup": target.display().to_string() }),
                    &mut out,
                );
            }
            writeln!(out, "Backed up the library to {}", target.display())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Whether a window can open here (X11 or Wayland).
#[cfg(feature = "gui")]
fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

#[cfg(feature = "gui")]
/// No command and a display: the desktop app, on the same library the CLI
/// uses (seeded with the samples on the first run).
fn run_app(cli: &Cli) -> Result<ExitCode> {
    let library = match &cli.db {
        Some(path) => path.clone(),
        None => default_db_path()?,
    };
    if let Some(dir) = library.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the library folder {}", dir.display()))?;
    }
    crate::app::run_native(crate::app::AppConfig {
        library,
        picker: std::sync::Arc::new(crate::app::NativePicker),
        load_samples_if_empty: true,
    })
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// No command and no display: open (and on first run seed) the library and
/// show where things stand and how to go on from the command line.
fn run_default(cli: &Cli, out: &mut impl Write) -> Result<ExitCode> {
    let mut library = open_library(cli)?;
    if library.counts()?.articles == 0 {
        let summary = import::import_samples(&mut library, &mut |_| {})?;
        writeln!(
            out,
            "Loaded the sample library: {} articles, {} statements.",
            summary.imported, summary.statements
        )?;
    }
    let counts = library.counts()?;
    if let Some(path) = library.path() {
        writeln!(
            out,
            "Library {}: {} articles, {} statements, {} speakers.\n",
            path.display(),
            counts.articles,
            counts.statements,
            counts.speakers
        )?;
    }
    use clap::CommandFactory;
    write!(out, "{}", Cli::command().render_help())?;
    Ok(ExitCode::SUCCESS)
}

fn import_paths(
    library: &mut Library,
    paths: &[PathBuf],
    format: OutputFormat,
    out: &mut (impl Write + Send),
) -> Result<ExitCode> {
    let (inputs, failures, skipped) = import::collect_inputs(paths);
    let show_progress = std::io::stderr().is_terminal() && format == OutputFormat::Text;
    // In text mode each file's line is printed as soon as its result is
    // durable, so a script (or a person) watching sees what is done even if
    // the import is interrupted.
    let mut write_error: Option<std::io::Error> = None;
    let mut on_event = |event: ImportEvent| match event {
        ImportEvent::Progress { done, total, path } if show_progress => {
            eprint!("\r\x1b[2K{done}/{total} {}", truncate(&path, 60));
        }
        ImportEvent::Committed(results) if format == OutputFormat::Text => {
            if show_progress {
                eprint!("\r\x1b[2K");
            }
            for r in results {
                let line = result_line(&r);
                if write_error.is_none()
                    && let Err(e) = writeln!(out, "{line}").and_then(|()| out.flush())
                {
                    write_error = Some(e);
                }
            }
        }
        _ => {}
    };
    let mut summary = import::import(library, inputs, &AtomicBool::new(false), &mut on_event)?;
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    if let Some(e) = write_error {
        return Err(e.into());
    }
    for failure in failures {
        if format == OutputFormat::Text {
            writeln!(out, "{}", result_line(&failure))?;
        }
        summary.add(&failure);
    }
    summary.skipped += skipped;
    print_summary(&summary, format, out)?;
    Ok(if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// One line of the text import report.
fn result_line(r: &crate::model::ImportResult) -> String {
    let name = match &r.part {
        Some(part) => format!("{} ({part})", r.path),
        None => r.path.clone(),
    };
    match &r.outcome {
        ImportOutcome::Imported {
            statements, title, ..
        } => format!(
            "imported   {name} — {} ({statements} statements)",
            title.as_deref().unwrap_or("untitled")
        ),
        ImportOutcome::Duplicate { article_id } => {
            format!("duplicate  {name} (already article {article_id})")
        }
        ImportOutcome::Failed { error } => format!("failed     {name}: {error}"),
    }
}

fn print_summary(
    summary: &ImportSummary,
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<()> {
    if format == OutputFormat::Json {
        serde_json::to_writer_pretty(&mut *out, summary)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} imported, {} duplicates, {} failed{} — {} statements found.",
        summary.imported,
        summary.duplicates,
        summary.failed.len(),
        if summary.skipped > 0 {
            format!(
                ", {} skipped (hidden or not a supported type)",
                summary.skipped
            )
        } else {
            String::new()
        },
        summary.statements
    )?;
    Ok(())
}

/// One file of `onrecord extract --format json`.
#[derive(Debug, Serialize)]
struct ExtractedFile {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    part: Option<String>,
    title: Option<String>,
    date: Option<String>,
    statements: Vec<ExtractedStatement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn extract_files(
    files: &[PathBuf],
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let mut results = Vec::new();
    let mut any_failed = false;
    for file in files {
        let shown = file.display().to_string();
        let input = import::Input::file(file);
        let failed = |error: String| ExtractedFile {
            file: shown.clone(),
            part: None,
            title: None,
            date: None,
            statements: vec![],
            error: Some(error),
        };
        match import::process(&input) {
            Err(error) => {
                any_failed = true;
                eprintln!("onrecord: {shown}: {error}");
                results.push(failed(error));
            }
            Ok(parts) => {
                for part in parts {
                    match part {
                        Ok(import::Prepared { doc, statements }) => results.push(ExtractedFile {
                            file: shown.clone(),
                            part: doc.part.clone(),
                            title: doc.title.clone(),
                            date: doc.published.clone(),
                            statements,
                            error: None,
                        }),
                        Err(import::PartFailure { part, error }) => {
                            any_failed = true;
                            match &part {
                                Some(p) => eprintln!("onrecord: {shown} ({p}): {error}"),
                                None => eprintln!("onrecord: {shown}: {error}"),
                            }
                            results.push(ExtractedFile {
                                part,
                                ..failed(error)
                            });
                        }
                    }
                }
            }
        }
    }
    if format == OutputFormat::Json {
        json(&results, out)?;
    } else {
        for r in &results {
            if r.error.is_some() {
                continue;
            }
            writeln!(
                out,
                "{} — {} ({})",
                r.file,
                r.title.as_deref().unwrap_or("untitled"),
                r.date.as_deref().unwrap_or("undated")
            )?;
            for s in &r.statements {
                writeln!(
                    out,
                    "  [{}] {}{}: “{}”",
                    s.kind.as_str(),
                    s.speaker.as_deref().unwrap_or(if s.ambiguous {
                        "(ambiguous)"
                    } else {
                        "(unknown)"
                    }),
                    role_suffix(s.role.as_deref(), s.organization.as_deref()),
                    s.text
                )?;
            }
        }
    }
    Ok(if any_failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The text to compare for a command-line argument: a statement id, or a file.
fn comparand(cli: &Cli, arg: &str) -> Result<String> {
    let path = std::path::Path::new(arg);
    if !path.exists()
        && let Ok(id) = arg.parse::<i64>()
    {
        return Ok(open_library(cli)?.statement(id)?.text);
    }
    let input = import::Input::file(path);
    let parts = import::process(&input).map_err(|e| anyhow::anyhow!("{arg}: {e}"))?;
    parts
        .into_iter()
        .find_map(Result::ok)
        .map(|p| p.doc.body)
        .with_context(|| format!("{arg}: no text to compare"))
}

/// Text rendering of a comparison: one line per row, changes inline —
/// [-removed-] and {+added+}; ignored differences in (~…~).
fn print_comparison(c: &compare::Comparison, out: &mut impl Write) -> Result<()> {
    use compare::{OpTag, RowKind};
    let s = c.summary;
    writeln!(
        out,
        "similarity {:.3} — {} unchanged, {} reworded, {} added, {} dropped, {} moved",
        c.similarity, s.unchanged, s.reworded, s.added, s.dropped, s.moved
    )?;
    for row in &c.rows {
        let marker = match row.kind {
            RowKind::Equal => "=",
            RowKind::Reworded => "~",
            RowKind::Added => "+",
            RowKind::Dropped => "-",
            RowKind::Moved => "↔",
        };
        let line: Vec<String> = row
            .ops
            .iter()
            .map(|op| match op.tag {
                OpTag::Equal => op.a.clone().unwrap_or_default(),
                OpTag::Delete => format!("[-{}-]", op.a.as_deref().unwrap_or("")),
                OpTag::Insert => format!("{{+{}+}}", op.b.as_deref().unwrap_or("")),
                OpTag::Ignored => {
                    format!("(~{}~)", op.b.as_deref().or(op.a.as_deref()).unwrap_or(""))
                }
            })
            .collect();
        writeln!(out, "{marker} {}", line.join(" "))?;
    }
    if !c.significant.is_empty() {
        writeln!(out, "significant changes:")?;
        for sig in &c.significant {
            writeln!(
                out,
                "  {:<9} {} → {}",
                sig.category.as_str(),
                sig.a.as_deref().unwrap_or("∅"),
                sig.b.as_deref().unwrap_or("∅")
            )?;
        }
    }
    if !c.shared_phrases.is_empty() {
        writeln!(
            out,
            "shared phrases: {}",
            c.shared_phrases
                .iter()
                .map(|p| format!("“{p}”"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    Ok(())
}

/// A command that only reports success.
fn done(format: OutputFormat, out: &mut impl Write, message: &str) -> Result<ExitCode> {
    if format == OutputFormat::Json {
        return json(&serde_json::json!({ "ok": true, "message": message }), out);
    }
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}

fn json<T: Serialize + ?Sized>(value: &T, out: &mut impl Write) -> Result<ExitCode> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

fn role_suffix(role: Option<&str>, organization: Option<&str>) -> String {
    match (role, organization) {
        (Some(r), Some(o)) => format!(" ({r}, {o})"),
        (Some(x), None) | (None, Some(x)) => format!(" ({x})"),
        (None, None) => String::new(),
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn session_command(
    cli: &Cli,
    command: &SessionCommand,
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<ExitCode> {
    match command {
        SessionCommand::List => {
            let sessions = open_library(cli)?.sessions()?;
            if format == OutputFormat::Json {
                return json(&sessions, out);
            }
            for s in &sessions {
                writeln!(
                    out,
                    "{:<19}  {:>3} comparison{}  {}",
                    s.updated_at
                        .get(..19)
                        .unwrap_or(&s.updated_at)
                        .replace('T', " "),
                    s.comparisons,
                    if s.comparisons == 1 { " " } else { "s" },
                    s.name
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        SessionCommand::Show { name } => {
            let session = open_library(cli)?.load_session(name)?;
            if format == OutputFormat::Json {
                return json(&session, out);
            }
            print_session(&session, out)?;
            Ok(ExitCode::SUCCESS)
        }
        SessionCommand::New {
            name,
            compare,
            notes,
            mode,
            options,
        } => {
            let compare = &compare.0;
            if notes.len() > compare.len() {
                eprintln!(
                    "onrecord: {} notes for {} comparison{}: each --note goes with one --compare, in order",
                    notes.len(),
                    compare.len(),
                    plural(compare.len())
                );
                return Ok(ExitCode::from(2));
            }
            let library = open_library(cli)?;
            if library.sessions()?.iter().any(|s| s.name == *name) {
                anyhow::bail!("a session named '{name}' already exists; choose another --name");
            }
            let mut comparisons = Vec::with_capacity(compare.len());
            for (k, ids) in compare.iter().enumerate() {
                let statements = ids
                    .iter()
                    .map(|id| library.session_statement(*id))
                    .collect::<Result<Vec<_>, _>>()?;
                comparisons.push(SessionComparison {
                    statements,
                    note: notes.get(k).cloned().unwrap_or_default(),
                });
            }
            let session = Session {
                name: name.clone(),
                options: options.options(),
                mode: if mode == "shared" {
                    CompareMode::Shared
                } else {
                    CompareMode::Diff
                },
                comparisons,
                current: Some(0),
                ..Session::default()
            };
            library.save_session(&session)?;
            if format == OutputFormat::Json {
                return json(
                    &serde_json::json!({ "name": session.name, "comparisons": session.comparisons.len() }),
                    out,
                );
            }
            writeln!(
                out,
                "Saved session '{}' ({} comparison{}).",
                session.name,
                session.comparisons.len(),
                plural(session.comparisons.len())
            )?;
            Ok(ExitCode::SUCCESS)
        }
        SessionCommand::Export { name, out: target } => {
            let session = open_library(cli)?.load_session(name)?;
            session::write_file(target, &session)?;
            if format == OutputFormat::Json {
                return json(
                    &serde_json::json!({ "name": session.name, "file": target.display().to_string() }),
                    out,
                );
            }
            writeln!(out, "Exported session '{name}' to {}", target.display())?;
            Ok(ExitCode::SUCCESS)
        }
        SessionCommand::Import { file } => {
            // The file is read before the library is opened: a damaged or
            // foreign file leaves the library untouched.
            let session = session::read_file(file)?;
            let mut library = open_library(cli)?;
            let before = library.counts()?.statements;
            let imported = library.import_session(session)?;
            let added = library.counts()?.statements - before;
            if format == OutputFormat::Json {
                return json(
                    &serde_json::json!({
                        "name": imported.name,
                        "comparisons": imported.comparisons.len(),
                        "statements_added": added,
                    }),
                    out,
                );
            }
            writeln!(
                out,
                "Imported the session as '{}' ({} comparison{}; {added} statement{} added to the library).",
                imported.name,
                imported.comparisons.len(),
                plural(imported.comparisons.len()),
                if added == 1 { "" } else { "s" }
            )?;
            Ok(ExitCode::SUCCESS)
        }
        SessionCommand::Rename { old, new } => {
            open_library(cli)?.rename_session(old, new)?;
            done(format, out, &format!("Renamed session '{old}' to '{new}'."))
        }
        SessionCommand::Delete { name } => {
            open_library(cli)?.delete_session(name)?;
            done(format, out, &format!("Deleted session '{name}'."))
        }
    }
}

/// Text rendering of a session: its comparisons, notes and statements.
fn print_session(session: &Session, out: &mut impl Write) -> Result<()> {
    let o = session.options;
    let ignored: Vec<&str> = [
        (o.ignore_case, "case"),
        (o.ignore_punctuation, "punctuation"),
        (o.ignore_typography, "typography"),
        (o.ignore_whitespace, "whitespace"),
    ]
    .into_iter()
    .filter_map(|(on, what)| on.then_some(what))
    .collect();
    writeln!(
        out,
        "{} — {} comparison{}, mode {}, ignoring {}",
        session.name,
        session.comparisons.len(),
        plural(session.comparisons.len()),
        session.mode.as_str(),
        if ignored.is_empty() {
            "nothing".to_string()
        } else {
            ignored.join(", ")
        }
    )?;
    for (k, c) in session.comparisons.iter().enumerate() {
        let open = if session.current == Some(k) {
            "  (open)"
        } else {
            ""
        };
        writeln!(out, "{}. {}{open}", k + 1, c.label())?;
        if !c.note.trim().is_empty() {
            writeln!(
                out,
                "   note: {}",
                c.note.trim().replace('\n', "\n         ")
            )?;
        }
        for s in &c.statements {
            writeln!(
                out,
                "   {:>7}  {:10}  {}: “{}”",
                s.id.map(|id| format!("#{id}"))
                    .unwrap_or_else(|| "—".into()),
                s.date.as_deref().unwrap_or("—"),
                s.speaker_name(),
                truncate(&s.text, 90)
            )?;
        }
    }
    Ok(())
}

/// `onrecord report SESSION --out FILE`.
fn report(
    cli: &Cli,
    name: &str,
    target: &std::path::Path,
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let extension = target
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let html = match extension.as_deref() {
        Some("html" | "htm") => true,
        Some("md" | "markdown") => false,
        _ => {
            eprintln!(
                "onrecord: {}: a report is written as .html or .md — the extension says which",
                target.display()
            );
            return Ok(ExitCode::from(2));
        }
    };
    let path = std::path::Path::new(name);
    let is_file = path.is_file()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("onrecord"));
    let session = if is_file {
        session::read_file(path)?
    } else {
        open_library(cli)?.load_session(name)?
    };
    let text = if html {
        reports::html(&session)
    } else {
        reports::markdown(&session)
    };
    crate::atomic::write(target, text.as_bytes())
        .with_context(|| format!("{}: cannot write the report", target.display()))?;
    let kind = if html { "html" } else { "markdown" };
    if format == OutputFormat::Json {
        return json(
            &serde_json::json!({ "session": session.name, "report": target.display().to_string(), "format": kind }),
            out,
        );
    }
    writeln!(
        out,
        "Wrote the report of '{}' to {}",
        session.name,
        target.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
