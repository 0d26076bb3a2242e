//! Crash recovery: every committed edit is appended to a journal in perfplan's data folder,
//! and flushed to the disk, before the app shows it as done. After a crash, a killed
//! terminal or a power cut, the next open of the plan offers to restore the edits. A clean
//! save or quit clears the journal.
//!
//! One JSON object a line: the time, the indicator's id and the fields the app edits, as
//! they were after the edit. Numbers are written as strings, so they stay exact. A line cut
//! short by a crash is ignored.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

use super::lock::plan_key;
use crate::app::history::Fields;
use crate::plan::{Override, Value};

/// One journalled edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub at: DateTime<Local>,
    pub id: String,
    pub fields: Fields,
}

#[derive(Debug)]
pub struct Journal {
    pub path: PathBuf,
    file: Option<File>,
}

fn value_json(v: Option<Value>) -> Json {
    match v {
        None => Json::Null,
        Some(Value::Number(n)) => json!({ "number": n.to_string() }),
        Some(Value::Date(d)) => json!({ "date": d.format("%Y-%m-%d").to_string() }),
    }
}

fn value_from(j: &Json) -> Option<Option<Value>> {
    if j.is_null() {
        return Some(None);
    }
    if let Some(n) = j.get("number").and_then(Json::as_str) {
        return Decimal::from_str_exact(n)
            .ok()
            .map(|d| Some(Value::Number(d)));
    }
    let d = j.get("date").and_then(Json::as_str)?;
    NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .ok()
        .map(|d| Some(Value::Date(d)))
}

fn entry_json(e: &Entry) -> Json {
    json!({
        "at": e.at.to_rfc3339(),
        "id": e.id,
        "result": value_json(e.fields.result),
        "override": e.fields.realization_override.as_ref().map(|o| json!({
            "realization": o.realization.value().to_string(),
            "reason": o.reason,
        })),
        "note": e.fields.note,
    })
}

fn entry_from(line: &str) -> Option<Entry> {
    let j: Json = serde_json::from_str(line).ok()?;
    let at = DateTime::parse_from_rfc3339(j.get("at")?.as_str()?)
        .ok()?
        .with_timezone(&Local);
    let id = j.get("id")?.as_str()?.to_string();
    let result = value_from(j.get("result")?)?;
    let realization_override = match j.get("override")? {
        Json::Null => None,
        o => Some(Override {
            realization: Decimal::from_str_exact(o.get("realization")?.as_str()?)
                .ok()?
                .into(),
            reason: o.get("reason")?.as_str()?.to_string(),
        }),
    };
    let note = match j.get("note")? {
        Json::Null => None,
        n => Some(n.as_str()?.to_string()),
    };
    Some(Entry {
        at,
        id,
        fields: Fields {
            result,
            realization_override,
            note,
        },
    })
}

impl Journal {
    /// The journal of the plan at `plan`.
    pub fn for_plan(data_dir: &Path, plan: &Path) -> io::Result<Journal> {
        let dir = data_dir.join("journal");
        std::fs::create_dir_all(&dir)?;
        Ok(Journal {
            path: dir.join(format!("{}.jsonl", plan_key(plan))),
            file: None,
        })
    }

    /// The edits a previous run left behind, oldest first.
    pub fn pending(&self) -> Vec<Entry> {
        std::fs::read_to_string(&self.path)
            .map(|text| text.lines().filter_map(entry_from).collect())
            .unwrap_or_default()
    }

    /// Records an edit, flushed to the disk before returning.
    pub fn append(&mut self, id: &str, fields: &Fields) -> io::Result<()> {
        let entry = Entry {
            at: Local::now(),
            id: id.to_string(),
            fields: fields.clone(),
        };
        let mut line = entry_json(&entry).to_string();
        line.push('\n');
        if self.file.is_none() {
            self.file = Some(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&self.path)?,
            );
        }
        let file = self.file.as_mut().expect("opened above");
        file.write_all(line.as_bytes())?;
        file.sync_data()
    }

    /// Forgets every journalled edit (after a save, or when the user drops them).
    pub fn clear(&mut self) -> io::Result<()> {
        self.file = None;
        match std::fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn entries_read_back_exactly_and_torn_lines_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::for_plan(dir.path(), Path::new("/x/plan.ron")).unwrap();
        let a = Fields {
            result: Some(Value::Number(dec!(12.50))),
            realization_override: Some(Override {
                realization: dec!(91.40).into(),
                reason: "come stampato \"così\"".into(),
            }),
            note: Some("riga\nnuova".into()),
        };
        let b = Fields {
            result: Some(Value::Date(NaiveDate::from_ymd_opt(2017, 12, 31).unwrap())),
            realization_override: None,
            note: None,
        };
        j.append("a", &a).unwrap();
        j.append("b", &b).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&j.path)
            .unwrap()
            .write_all(b"{\"at\":\"2026-")
            .unwrap();
        let back = j.pending();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].id, "a");
        assert_eq!(back[0].fields, a);
        assert_eq!(back[1].fields, b);
        if let Some(Value::Number(n)) = back[0].fields.result {
            assert_eq!(n.to_string(), "12.50");
        }
        j.clear().unwrap();
        assert!(j.pending().is_empty());
    }
}
