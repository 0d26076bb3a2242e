//! The audit trail: every change that reaches the plan's file, who made it and how, kept in
//! a log beside the plan (`piano.ron` → `piano.audit.jsonl`). It is only ever appended to,
//! flushed to the disk like the journal, never rewritten.
//!
//! # Format
//! One JSON object a line, one line a field change:
//!
//! ```json
//! {"at":"2026-11-25T10:12:03+01:00","user":"mrossi","source":"typed","id":"1.1.1-o4",
//!  "field":"result","old":{"number":"4"},"new":{"number":"5"}}
//! ```
//!
//! `source` says how the change came: `typed` (in the app, pasted included), `restore`
//! (from the crash-recovery journal), `merge` (another version's changes, in the app or by
//! `perfplan merge`), `import FILE`. `period` names the intermediate period of a period's
//! value. Values are written as the journal writes them (`store::journal`): numbers as
//! strings, so they stay exact; an override carries its reason. A line that cannot be read
//! is skipped and counted.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde_json::{Value as Json, json};

use super::journal::{value_from, value_json};
use crate::plan::{Field, FieldChange};

/// How a change came to the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Typed (or pasted) in the app.
    Typed,
    /// Restored from the crash-recovery journal.
    Restore,
    /// Another version's changes merged.
    Merge,
    /// Read from an office's form.
    Import(String),
}

impl Source {
    /// As the log writes it: `typed`, `restore`, `merge`, `import FILE`.
    pub fn text(&self) -> String {
        match self {
            Source::Typed => "typed".into(),
            Source::Restore => "restore".into(),
            Source::Merge => "merge".into(),
            Source::Import(file) => format!("import {file}"),
        }
    }

    /// How it came, as the app and `perfplan log` say it in `lang`: `digitato`,
    /// `importato da FILE`.
    pub fn said(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::Word;
        let words = lang.words();
        match self {
            Source::Typed => words.word(Word::SourceTyped).to_string(),
            Source::Restore => words.word(Word::SourceRestore).to_string(),
            Source::Merge => words.word(Word::SourceMerge).to_string(),
            Source::Import(file) => format!("{} {file}", words.word(Word::SourceImport)),
        }
    }

    fn parse(text: &str) -> Source {
        match text {
            "typed" => Source::Typed,
            "restore" => Source::Restore,
            "merge" => Source::Merge,
            other => Source::Import(other.strip_prefix("import ").unwrap_or(other).to_string()),
        }
    }
}

/// One field change as the log keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub at: DateTime<Local>,
    /// The system's user who made it.
    pub user: String,
    pub source: Source,
    pub change: FieldChange,
}

/// The log of the plan at `plan`: beside it, `NAME.audit.jsonl`.
pub fn path_of(plan: &Path) -> PathBuf {
    plan.with_extension("audit.jsonl")
}

/// The system's user running perfplan (`USER`, `USERNAME` or `LOGNAME`, else the account
/// the process runs as), `?` when nothing says.
pub fn current_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .into_iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.trim().is_empty()))
        .or_else(account_name)
        .unwrap_or_else(|| "?".to_string())
}

/// The name of the account the process runs as.
#[cfg(target_os = "linux")]
fn account_name() -> Option<String> {
    // SAFETY: getpwuid returns a pointer to a static record (or null), read at once and
    // copied before any other call could overwrite it.
    unsafe {
        let pw = libc::getpwuid(libc::getuid());
        if pw.is_null() || (*pw).pw_name.is_null() {
            return None;
        }
        Some(
            std::ffi::CStr::from_ptr((*pw).pw_name)
                .to_string_lossy()
                .into_owned(),
        )
    }
}

#[cfg(not(target_os = "linux"))]
fn account_name() -> Option<String> {
    None
}

/// A record as the log writes it, as a JSON value.
pub fn to_json(r: &Record) -> Json {
    let mut j = json!({
        "at": r.at.to_rfc3339(),
        "user": r.user,
        "source": r.source.text(),
        "id": r.change.id,
        "field": r.change.field().name(),
        "old": value_json(&r.change.old),
        "new": value_json(&r.change.new),
    });
    if let Some(p) = &r.change.period {
        j["period"] = Json::String(p.clone());
    }
    j
}

fn encode(r: &Record) -> String {
    let mut line = to_json(r).to_string();
    line.push('\n');
    line
}

fn decode(line: &str) -> Option<Record> {
    let j: Json = serde_json::from_str(line).ok()?;
    let field = Field::from_name(j.get("field")?.as_str()?)?;
    let period = match j.get("period") {
        None | Some(Json::Null) => None,
        Some(p) => Some(p.as_str()?.to_string()),
    };
    Some(Record {
        at: DateTime::parse_from_rfc3339(j.get("at")?.as_str()?)
            .ok()?
            .with_timezone(&Local),
        user: j.get("user")?.as_str()?.to_string(),
        source: Source::parse(j.get("source")?.as_str()?),
        change: FieldChange {
            id: j.get("id")?.as_str()?.to_string(),
            period,
            old: value_from(field, j.get("old")?)?,
            new: value_from(field, j.get("new")?)?,
        },
    })
}

/// Appends `records` to the log of the plan at `plan`, and flushes them to the disk. A line
/// is written whole or, after a crash, cut short (and then skipped by [`read`]).
pub fn append(plan: &Path, records: &[Record]) -> io::Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    let text: String = records.iter().map(encode).collect();
    let path = path_of(plan);
    let mut file = OpenOptions::new().create(true).append(true).open(&path)?;
    // A line cut short by a crash before this one: the next starts on a line of its own.
    if file.metadata()?.len() > 0 {
        let last = std::fs::read(&path).ok().and_then(|b| b.last().copied());
        if last.is_some_and(|b| b != b'\n') {
            file.write_all(b"\n")?;
        }
    }
    file.write_all(text.as_bytes())?;
    file.sync_data()
}

/// Every record of the log of the plan at `plan`, oldest first, and how many lines could
/// not be read. A plan without a log has none.
pub fn read(plan: &Path) -> io::Result<(Vec<Record>, usize)> {
    let text = match std::fs::read(path_of(plan)) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(e) => return Err(e),
    };
    let mut records = Vec::new();
    let mut damaged = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match decode(line) {
            Some(r) => records.push(r),
            None => damaged += 1,
        }
    }
    Ok((records, damaged))
}

/// Every field change that turns `before` into `after`, indicator by indicator (by id): the
/// fields perfplan edits and each intermediate period's result, override and note. What a
/// file held and what is written over it, when the write is not just this run's edits (a
/// version overwritten, another version taken).
pub fn changes_between(before: &crate::plan::Plan, after: &crate::plan::Plan) -> Vec<FieldChange> {
    use std::collections::HashMap;
    let old: HashMap<&str, &crate::plan::Indicator> = before
        .indicators()
        .map(|(_, i)| (i.id.as_str(), i))
        .collect();
    let mut out = Vec::new();
    for (_, new) in after.indicators() {
        let Some(was) = old.get(new.id.as_str()) else {
            continue;
        };
        for field in Field::ALL {
            let (a, b) = (was.get(field), new.get(field));
            if a != b {
                out.extend(FieldChange::new(new.id.clone(), a, b));
            }
        }
        let mut periods: Vec<&str> = was.periods.0.iter().map(|(n, _)| n.as_str()).collect();
        for (n, _) in &new.periods.0 {
            if !periods.contains(&n.as_str()) {
                periods.push(n);
            }
        }
        for p in periods {
            for field in Field::ALL.into_iter().filter(|f| f.has_periods()) {
                let (a, b) = (was.get_at(field, Some(p)), new.get_at(field, Some(p)));
                if a != b {
                    out.extend(FieldChange::new(new.id.clone(), a, b).map(|c| c.at(Some(p))));
                }
            }
        }
    }
    out
}

/// Records for `changes` (their net effect), made now by this user, each with its source.
pub fn records_of(changes: &[(Source, FieldChange)]) -> Vec<Record> {
    let at = Local::now();
    let user = current_user();
    // The net change of each field, with the source of its last change.
    let net = crate::plan::change::net(changes.iter().map(|(_, c)| c.clone()));
    net.into_iter()
        .map(|c| {
            let source = changes
                .iter()
                .rev()
                .find(|(_, x)| x.key() == c.key())
                .map_or(Source::Typed, |(s, _)| s.clone());
            Record {
                at,
                user: user.clone(),
                source,
                change: c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{FieldValue, Override, Value};
    use rust_decimal_macros::dec;

    #[test]
    fn records_read_back_as_written_and_a_torn_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("piano.ron");
        let change = |id: &str, old, new| {
            FieldChange::new(id, FieldValue::Result(old), FieldValue::Result(new)).unwrap()
        };
        let over = FieldChange::new(
            "b",
            FieldValue::Override(None),
            FieldValue::Override(Some(Override {
                realization: dec!(91.40).into(),
                reason: "dato \"rettificato\"".into(),
            })),
        )
        .unwrap();
        let records = records_of(&[
            (
                Source::Typed,
                change("a", None, Some(Value::Number(dec!(4)))),
            ),
            (Source::Import("uffici/studi.xlsx".into()), over.clone()),
            (
                Source::Restore,
                change("c", None, Some(Value::Number(dec!(1)))).at(Some("30 giugno")),
            ),
        ]);
        append(&plan, &records).unwrap();
        // A line cut short, then one more append.
        std::fs::OpenOptions::new()
            .append(true)
            .open(path_of(&plan))
            .unwrap()
            .write_all(b"{\"at\":\"2026")
            .unwrap();
        append(&plan, &records[..1]).unwrap();
        let (back, damaged) = read(&plan).unwrap();
        assert_eq!(damaged, 1);
        assert_eq!(back.len(), 4);
        assert_eq!(back[1].source, Source::Import("uffici/studi.xlsx".into()));
        assert_eq!(back[1].change, over);
        assert_eq!(back[2].change.period.as_deref(), Some("30 giugno"));
        assert_eq!(back[3].change, records[0].change);
        assert_eq!(path_of(&plan), dir.path().join("piano.audit.jsonl"));
    }
}
