//! Build-time validation and compilation of the directory of officials
//! (`assets/directory/*.tsv`) into `$OUT_DIR/directory.rs`.
//!
//! A file is tab-separated with the header
//! `name aliases gender country role organization from to source`; a person
//! is a block of consecutive rows, one per role held, each repeating `name`,
//! with `aliases`, `gender` and `country` on the block's first row only. The
//! build fails, naming the file and line, on a malformed row, a person in two
//! blocks, an alias that is another person's name, a bad or reversed date,
//! two overlapping rows of one role, or a person with no role since 2015.

use super::fail;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const HEADER: &str = "name\taliases\tgender\tcountry\trole\torganization\tfrom\tto\tsource";
const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "shri",
    "smt",
    "sir",
    "h.e.",
    "hrh",
    "ayatollah",
    "prof",
    "prof.",
    "gen.",
    "adm.",
];

struct Role {
    role: String,
    organization: String,
    from: String,
    to: String,
    source: String,
    line: usize,
}

struct Person {
    name: String,
    aliases: Vec<String>,
    gender: String,
    country: String,
    roles: Vec<Role>,
    at: String,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
fn valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let numeric = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts[..] {
        [y] => numeric(y, 4),
        [y, m] => {
            numeric(y, 4) && numeric(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
        }
        [y, m, d] => {
            numeric(y, 4)
                && numeric(m, 2)
                && numeric(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

/// The earliest and latest day a partial date can mean, as comparable strings.
fn span(date: &str) -> (String, String) {
    match date.len() {
        4 => (format!("{date}-01-01"), format!("{date}-12-31")),
        7 => (format!("{date}-01"), format!("{date}-31")),
        _ => (date.to_string(), date.to_string()),
    }
}

fn check_name(where_: &str, what: &str, name: &str) {
    let ok = name.len() >= 2
        && name.starts_with(|c: char| c.is_alphabetic())
        && name
            .chars()
            .all(|c| c.is_alphabetic() || " -'’.".contains(c))
        && !name.contains("  ");
    if !ok {
        fail(format!("{where_}: {what} '{name}' is not a name"));
    }
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    if TITLES.contains(&first.as_str()) {
        fail(format!(
            "{where_}: {what} '{name}' starts with a title; titles are not part of a name"
        ));
    }
}

pub fn compile(dir: &Path) -> String {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", dir.display())))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut people: Vec<Person> = Vec::new();
    for path in &files {
        read_file(path, &mut people);
    }
    check_people(&people);
    emit(&people)
}

fn read_file(path: &Path, people: &mut Vec<Person>) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", path.display())));
    let file = path
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    let mut header_seen = false;
    let mut open_block = false;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let where_ = format!("{}:{line}", path.display());
        if raw.trim().is_empty() {
            open_block = false;
            continue;
        }
        if raw.starts_with('#') {
            continue;
        }
        if !header_seen {
            if raw != HEADER {
                fail(format!(
                    "{where_}: the first line must be the header '{}'",
                    HEADER.replace('\t', "<TAB>")
                ));
            }
            header_seen = true;
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if fields.len() != 9 {
            fail(format!(
                "{where_}: expected 9 tab-separated fields, found {}",
                fields.len()
            ));
        }
        let [
            name,
            aliases,
            gender,
            country,
            role,
            organization,
            from,
            to,
            source,
        ] = fields[..].try_into().expect("nine fields");
        check_name(&where_, "name", name);
        if role.is_empty() {
            fail(format!("{where_}: {name}: a row needs a role"));
        }
        if source.is_empty() {
            fail(format!(
                "{where_}: {name}: say where the facts come from (the source column)"
            ));
        }
        if !from.is_empty() && !valid_date(from) {
            fail(format!(
                "{where_}: {name}: from '{from}' is not YYYY, YYYY-MM or YYYY-MM-DD"
            ));
        }
        if !to.is_empty() && to != "present" && !valid_date(to) {
            fail(format!(
                "{where_}: {name}: to '{to}' is not YYYY, YYYY-MM, YYYY-MM-DD or present"
            ));
        }
        if !from.is_empty() && !to.is_empty() && to != "present" && span(from).0 > span(to).1 {
            fail(format!("{where_}: {name}: from {from} is after to {to}"));
        }
        let continues = open_block && people.last().is_some_and(|p| p.name == name);
        let person_fields = !aliases.is_empty() || !gender.is_empty() || !country.is_empty();
        if continues && person_fields {
            fail(format!(
                "{where_}: {name}: aliases, gender and country belong on the block's first row only"
            ));
        }
        if !matches!(gender, "" | "m" | "f") {
            fail(format!(
                "{where_}: {name}: gender '{gender}' must be m, f or empty"
            ));
        }
        if !continues {
            let aliases: Vec<String> = aliases
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            for alias in &aliases {
                check_name(&where_, "alias", alias);
                if alias.eq_ignore_ascii_case(name) {
                    fail(format!("{where_}: {name}: an alias repeats the name"));
                }
            }
            people.push(Person {
                name: name.to_string(),
                aliases,
                gender: gender.to_string(),
                country: country.to_string(),
                roles: Vec::new(),
                at: format!("{file}:{line}"),
            });
        }
        open_block = true;
        let person = people.last_mut().expect("pushed above");
        person.roles.push(Role {
            role: role.to_string(),
            organization: organization.to_string(),
            from: from.to_string(),
            to: to.to_string(),
            source: source.to_string(),
            line,
        });
    }
    if !header_seen {
        fail(format!("{}: no header line", path.display()));
    }
}

fn check_people(people: &[Person]) {
    let mut names: BTreeMap<String, &str> = BTreeMap::new();
    for p in people {
        if let Some(first) = names.insert(p.name.to_lowercase(), &p.at) {
            fail(format!(
                "{}: {} is already a person at {first}; give each person one block",
                p.at, p.name
            ));
        }
    }
    for p in people {
        for alias in &p.aliases {
            if let Some(other) = names.get(&alias.to_lowercase()) {
                fail(format!(
                    "{}: {}'s alias '{alias}' is the name of the person at {other}",
                    p.at, p.name
                ));
            }
        }
        // One role held twice at once is a typing slip.
        for (i, a) in p.roles.iter().enumerate() {
            for b in &p.roles[i + 1..] {
                if a.role != b.role || a.organization != b.organization {
                    continue;
                }
                let end = |r: &Role| match r.to.as_str() {
                    "" | "present" => "9999".to_string(),
                    to => span(to).1,
                };
                let start = |r: &Role| span(if r.from.is_empty() { "0000" } else { &r.from }).0;
                if start(a) < end(b) && start(b) < end(a) {
                    fail(format!(
                        "{}: {} holds '{}' in two overlapping rows (lines {} and {})",
                        p.at, p.name, a.role, a.line, b.line
                    ));
                }
            }
        }
        let recent = p
            .roles
            .iter()
            .any(|r| matches!(r.to.as_str(), "" | "present") || span(&r.to).1.as_str() >= "2015");
        if !recent {
            fail(format!(
                "{}: {} holds no role from 2015 on; the directory covers 2015 to today",
                p.at, p.name
            ));
        }
    }
    if people.len() < 500 {
        fail(format!(
            "assets/directory: {} people; the directory must hold at least 500",
            people.len()
        ));
    }
}

fn emit(people: &[Person]) -> String {
    let opt = |s: &str| {
        if s.is_empty() {
            "None".to_string()
        } else {
            format!("Some({s:?})")
        }
    };
    let mut code = String::from(
        "// Generated by build.rs from assets/directory/. Do not edit.\n/// The built-in directory of officials.\npub static PEOPLE: &[DirectoryPerson] = &[\n",
    );
    for p in people {
        let gender = match p.gender.as_str() {
            "m" => "Some(Gender::Male)",
            "f" => "Some(Gender::Female)",
            _ => "None",
        };
        let _ = writeln!(
            code,
            "    DirectoryPerson {{ name: {:?}, aliases: &{:?}, gender: {gender}, country: {}, at: {:?}, roles: &[",
            p.name,
            p.aliases,
            opt(&p.country),
            p.at
        );
        for r in &p.roles {
            let to = match r.to.as_str() {
                "present" => "Tenure::Present".to_string(),
                "" => "Tenure::Unknown".to_string(),
                to => format!("Tenure::Until({to:?})"),
            };
            let _ = writeln!(
                code,
                "        DirectoryRole {{ role: {:?}, organization: {}, from: {}, to: {to}, source: {:?} }},",
                r.role,
                opt(&r.organization),
                opt(&r.from),
                r.source
            );
        }
        code += "    ] },\n";
    }
    code + "];\n"
}
