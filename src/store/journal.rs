//! Crash recovery: every change the controller makes is appended to a journal in perfplan's
//! state folder, and flushed to the disk, before the app shows it as done. After a crash, a
//! killed terminal or a power cut, the next open of the plan offers to restore the changes.
//! A clean save or quit clears the journal.
//!
//! # Format
//! One record a line: `LENGTH HASH PAYLOAD`, where `PAYLOAD` is a JSON object, `LENGTH` its
//! length in bytes (decimal) and `HASH` its XXH3-64 hash (16 hex digits). A record whose
//! length or hash does not match (a write cut short by a crash or a full disk, a damaged
//! disk block) is skipped and counted; the next record always starts on a line of its own.
//! The payload:
//!
//! ```json
//! {"at":"2026-11-25T10:12:03+01:00","base":"9f0c…","changes":[
//!   {"id":"1.1.1-o4","field":"note","old":null,"new":"dato dell'ufficio"}]}
//! ```
//!
//! `base` is the content hash of the plan file the changes were made on (what perfplan had
//! loaded or last saved), so that a restore can tell when the file changed afterwards.
//! `changes` are field changes with the value before and after, in the order they were
//! made (an undo is journalled as the change that takes the earlier one back). Values:
//! a result is `null`, `{"number":"12.50"}` or `{"date":"2017-12-31"}` (numbers as strings,
//! so they stay exact); an override is `null` or `{"realization":"91.40","reason":"…"}`; a
//! note is `null` or a string; a target is its RON text (`"AtLeast(80)"`) and the record
//! of a target's changes the RON text of the list. A change of an intermediate period's
//! value carries `"period": NAME`.
//!
//! Journals of earlier versions (one JSON object a line holding an indicator's fields after
//! each edit, in the data folder under another name) are still read; their changes have no
//! value before.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate};

use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

use super::lock::{legacy_plan_key, plan_key};
use crate::plan::{Field, FieldChange, FieldValue, Override, Value};

/// One journalled change as read back: the value before is unknown for the journals of
/// earlier versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub id: String,
    /// The intermediate period the value is of (`None`: the year's).
    pub period: Option<String>,
    pub old: Option<FieldValue>,
    pub new: FieldValue,
}

impl Recorded {
    /// As a field change; a value before that the journal did not keep is taken to be the
    /// value after.
    pub fn as_change(&self) -> FieldChange {
        FieldChange {
            id: self.id.clone(),
            period: self.period.clone(),
            old: self.old.clone().unwrap_or_else(|| self.new.clone()),
            new: self.new.clone(),
        }
    }
}

/// One record: the changes of one step (an edit, an undo, a restore).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub at: DateTime<Local>,
    /// The content hash of the plan file the changes were made on.
    pub base: Option<u64>,
    pub changes: Vec<Recorded>,
}

/// What a previous run left in the journal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Leftover {
    pub records: Vec<Record>,
    /// Records that could not be read (cut short or damaged).
    pub damaged: usize,
    /// A record that could not be read is followed by ones that could: the changes read may
    /// miss steps (an undo, say), so none can be trusted to start where the file is.
    pub gap: bool,
}

impl Leftover {
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.damaged == 0
    }

    /// The net change of each field over all records, in the order the fields were first
    /// changed: the value before the first change (when known) and after the last.
    ///
    /// Where the chain breaks — a change that does not start from the value the previous
    /// change of its field ended on, or a damaged record between records — the value
    /// before is not known any more (`old` is `None`), so that a restore asks instead of
    /// trusting it.
    pub fn net(&self) -> Vec<Recorded> {
        let mut out: Vec<Recorded> = Vec::new();
        // Each field's place in `out`.
        let mut index: HashMap<(&str, Option<&str>, Field), usize> = HashMap::new();
        for c in self.records.iter().flat_map(|r| &r.changes) {
            let key = (c.id.as_str(), c.period.as_deref(), c.new.field());
            match index.get(&key) {
                Some(&i) => {
                    let o = &mut out[i];
                    if c.old.as_ref() != Some(&o.new) {
                        o.old = None;
                    }
                    o.new = c.new.clone();
                }
                None => {
                    index.insert(key, out.len());
                    out.push(c.clone());
                }
            }
        }
        if self.gap {
            out.iter_mut().for_each(|c| c.old = None);
        }
        out.retain(|c| c.old.as_ref() != Some(&c.new));
        out
    }

    /// The file version the changes were made on, when every record agrees on it.
    pub fn base(&self) -> Option<u64> {
        let first = self.records.first()?.base?;
        self.records
            .iter()
            .all(|r| r.base == Some(first))
            .then_some(first)
    }
}

#[derive(Debug)]
pub struct Journal {
    pub path: PathBuf,
    /// Journals of earlier versions of perfplan for the same plan, read and cleared with it.
    legacy: Vec<PathBuf>,
    file: Option<File>,
    /// The file may end in a record cut short: the next record starts on a new line.
    torn_tail: bool,
}

fn number(d: Decimal) -> Json {
    Json::String(d.to_string())
}

/// A field's value as the journal (and a merge's record of conflicts) writes it.
pub fn value_json(v: &FieldValue) -> Json {
    match v {
        FieldValue::Result(None)
        | FieldValue::Override(None)
        | FieldValue::Note(None)
        | FieldValue::NotAssessable(None) => Json::Null,
        FieldValue::Result(Some(Value::Number(n))) => json!({ "number": number(*n) }),
        FieldValue::Result(Some(Value::Date(d))) => {
            json!({ "date": d.format("%Y-%m-%d").to_string() })
        }
        FieldValue::Result(Some(Value::Bool(b))) => json!({ "yes": b }),
        FieldValue::Result(Some(Value::Ratio {
            numerator,
            denominator,
        })) => json!({ "ratio": [number(*numerator), number(*denominator)] }),
        FieldValue::Result(Some(Value::Bound { bound, value })) => {
            json!({ "bound": bound.name(), "value": number(*value) })
        }
        FieldValue::NotAssessable(Some(reason)) => Json::String(reason.clone()),
        FieldValue::Override(Some(o)) => json!({
            "realization": number(o.realization.value()),
            "reason": o.reason,
        }),
        FieldValue::Note(Some(n)) => Json::String(n.clone()),
        FieldValue::Target(t) => Json::String(super::write::target(t)),
        FieldValue::TargetChanges(list) => Json::String(super::write::target_changes(list)),
    }
}

fn ron_of<T: serde::de::DeserializeOwned>(j: &Json) -> Option<T> {
    ron::from_str(j.as_str()?).ok()
}

fn decimal(j: &Json) -> Option<Decimal> {
    Decimal::from_str_exact(j.as_str()?).ok()
}

/// A value of `field` read back from [`value_json`]'s form; `None` when it is not one.
pub fn value_from(field: Field, j: &Json) -> Option<FieldValue> {
    if j.is_null() {
        return Some(match field {
            Field::Result => FieldValue::Result(None),
            Field::Override => FieldValue::Override(None),
            Field::Note => FieldValue::Note(None),
            Field::NotAssessable => FieldValue::NotAssessable(None),
            Field::Target | Field::TargetChanges => return None,
        });
    }
    Some(match field {
        Field::Result => {
            if let Some(n) = j.get("number") {
                FieldValue::Result(Some(Value::Number(decimal(n)?)))
            } else if let Some(b) = j.get("yes") {
                FieldValue::Result(Some(Value::Bool(b.as_bool()?)))
            } else if let Some(r) = j.get("ratio") {
                FieldValue::Result(Some(Value::Ratio {
                    numerator: decimal(r.get(0)?)?,
                    denominator: decimal(r.get(1)?)?,
                }))
            } else if let Some(b) = j.get("bound") {
                let bound = crate::plan::Bound::ALL
                    .into_iter()
                    .find(|x| Some(x.name()) == b.as_str())?;
                FieldValue::Result(Some(Value::Bound {
                    bound,
                    value: decimal(j.get("value")?)?,
                }))
            } else {
                let d = NaiveDate::parse_from_str(j.get("date")?.as_str()?, "%Y-%m-%d").ok()?;
                FieldValue::Result(Some(Value::Date(d)))
            }
        }
        Field::Override => FieldValue::Override(Some(Override {
            realization: decimal(j.get("realization")?)?.into(),
            reason: j.get("reason")?.as_str()?.to_string(),
        })),
        Field::Note => FieldValue::Note(Some(j.as_str()?.to_string())),
        Field::NotAssessable => FieldValue::NotAssessable(Some(j.as_str()?.to_string())),
        Field::Target => FieldValue::Target(ron_of(j)?),
        Field::TargetChanges => FieldValue::TargetChanges(ron_of(j)?),
    })
}

/// The bytes of one record, newline included.
pub fn encode(at: DateTime<Local>, base: Option<u64>, changes: &[FieldChange]) -> Vec<u8> {
    let payload = json!({
        "at": at.to_rfc3339(),
        "base": base.map(|h| format!("{h:016x}")),
        "changes": changes.iter().map(|c| {
            let mut j = json!({
                "id": c.id,
                "field": c.field().name(),
                "old": value_json(&c.old),
                "new": value_json(&c.new),
            });
            if let Some(p) = &c.period {
                j["period"] = Json::String(p.clone());
            }
            j
        }).collect::<Vec<_>>(),
    })
    .to_string();
    let hash = xxhash_rust::xxh3::xxh3_64(payload.as_bytes());
    format!("{} {hash:016x} {payload}\n", payload.len()).into_bytes()
}

/// Reads one record line; `None` when it is cut short or damaged.
fn decode(line: &str) -> Option<Record> {
    let (len, rest) = line.split_once(' ')?;
    let (hash, payload) = rest.split_once(' ')?;
    if len.parse::<usize>().ok()? != payload.len()
        || u64::from_str_radix(hash, 16).ok()? != xxhash_rust::xxh3::xxh3_64(payload.as_bytes())
    {
        return None;
    }
    let j: Json = serde_json::from_str(payload).ok()?;
    let at = DateTime::parse_from_rfc3339(j.get("at")?.as_str()?)
        .ok()?
        .with_timezone(&Local);
    let base = match j.get("base")? {
        Json::Null => None,
        b => Some(u64::from_str_radix(b.as_str()?, 16).ok()?),
    };
    let changes = j
        .get("changes")?
        .as_array()?
        .iter()
        .map(|c| {
            let field = Field::from_name(c.get("field")?.as_str()?)?;
            let period = match c.get("period") {
                None | Some(Json::Null) => None,
                Some(p) => Some(p.as_str()?.to_string()),
            };
            Some(Recorded {
                id: c.get("id")?.as_str()?.to_string(),
                period,
                old: Some(value_from(field, c.get("old")?)?),
                new: value_from(field, c.get("new")?)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Record { at, base, changes })
}

/// Reads a line of an earlier version's journal: an indicator's three fields after an edit.
fn decode_legacy(line: &str) -> Option<Record> {
    let j: Json = serde_json::from_str(line).ok()?;
    let at = DateTime::parse_from_rfc3339(j.get("at")?.as_str()?)
        .ok()?
        .with_timezone(&Local);
    let id = j.get("id")?.as_str()?.to_string();
    // Those versions knew these three fields only.
    let changes = [Field::Result, Field::Override, Field::Note]
        .into_iter()
        .map(|field| {
            Some(Recorded {
                id: id.clone(),
                period: None,
                old: None,
                new: value_from(field, j.get(field.name())?)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Record {
        at,
        base: None,
        changes,
    })
}

fn read_records(text: &str, legacy: bool, out: &mut Leftover) {
    for line in text.split('\n') {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let record = if legacy {
            decode_legacy(line)
        } else {
            decode(line)
        };
        match record {
            Some(r) => {
                if out.damaged > 0 {
                    out.gap = true;
                }
                out.records.push(r);
            }
            None => out.damaged += 1,
        }
    }
}

impl Journal {
    /// The journal of the plan at `plan`, in the state folder `state_dir`; `legacy_dir` is
    /// where earlier versions kept theirs (the data folder). Nothing is written yet.
    pub fn locate(state_dir: &Path, legacy_dir: Option<&Path>, plan: &Path) -> Journal {
        let dir = state_dir.join("journal");
        let path = dir.join(format!("{}.journal", plan_key(plan)));
        let legacy = legacy_dir
            .map(|d| {
                d.join("journal")
                    .join(format!("{}.jsonl", legacy_plan_key(plan)))
            })
            .filter(|p| p.is_file())
            .into_iter()
            .collect();
        Journal {
            path,
            legacy,
            file: None,
            torn_tail: false,
        }
    }

    /// Makes sure the journal can be written: creates its folder and opens its file, so
    /// that a journal that cannot be written is known before the first edit.
    pub fn ready(&mut self) -> io::Result<()> {
        self.open_file().map(drop)
    }

    fn open_file(&mut self) -> io::Result<&mut File> {
        if self.file.is_none() {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let mut f = OpenOptions::new()
                .create(true)
                .read(true)
                .append(true)
                .open(&self.path)?;
            let len = f.metadata()?.len();
            if len > 0 {
                let mut last = [0u8];
                f.seek(SeekFrom::Start(len - 1))?;
                f.read_exact(&mut last)?;
                self.torn_tail = last[0] != b'\n';
            }
            self.file = Some(f);
        }
        Ok(self.file.as_mut().expect("opened above"))
    }

    /// What a previous run left: the records of earlier versions' journal first (older).
    pub fn leftover(&self) -> Leftover {
        let mut out = Leftover::default();
        for p in &self.legacy {
            if let Ok(text) = std::fs::read_to_string(p) {
                read_records(&text, true, &mut out);
            }
        }
        if let Ok(bytes) = std::fs::read(&self.path) {
            read_records(&String::from_utf8_lossy(&bytes), false, &mut out);
        }
        out
    }

    /// Records the changes of one step, flushed to the disk before returning. A failed
    /// write is taken back where it can be; where it cannot, the next record starts on a
    /// line of its own.
    pub fn append(&mut self, base: Option<u64>, changes: &[FieldChange]) -> io::Result<()> {
        let record = encode(Local::now(), base, changes);
        if self
            .file
            .as_ref()
            .is_some_and(|f| !super::lock::still_named(&self.path, f))
        {
            // Moved or deleted behind perfplan's back: the records in it are not where the
            // next run looks. The caller writes the journal whole again.
            self.file = None;
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                "the journal file was moved or deleted by another program",
            ));
        }
        self.open_file()?;
        let torn = self.torn_tail;
        let file = self.file.as_mut().expect("opened above");
        let before = file.metadata()?.len();
        let mut bytes = Vec::with_capacity(record.len() + 1);
        if torn {
            bytes.push(b'\n');
        }
        bytes.extend_from_slice(&record);
        match file.write_all(&bytes).and_then(|_| file.sync_data()) {
            Ok(()) => {
                self.torn_tail = false;
                Ok(())
            }
            Err(e) => {
                let cut = file.set_len(before).and_then(|_| file.sync_data());
                if cut.is_err() {
                    self.torn_tail = true;
                }
                Err(e)
            }
        }
    }

    /// Replaces everything in the journal by one record, atomically: the changes made
    /// since the last save, on the file as it is now (after a restore, or to catch up once
    /// the journal can be written again).
    pub fn rewrite(&mut self, base: Option<u64>, changes: &[FieldChange]) -> io::Result<()> {
        if changes.is_empty() {
            return self.clear();
        }
        self.file = None;
        self.torn_tail = false;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        super::atomic::replace(
            &self.path,
            &encode(Local::now(), base, changes),
            super::atomic::Replace::plain(),
        )
        .map_err(super::atomic::WriteError::into_io)?;
        for p in std::mem::take(&mut self.legacy) {
            let _ = std::fs::remove_file(p);
        }
        Ok(())
    }

    /// Forgets every journalled change (after a save, or when the user drops them).
    pub fn clear(&mut self) -> io::Result<()> {
        self.file = None;
        self.torn_tail = false;
        for p in std::mem::take(&mut self.legacy) {
            let _ = std::fs::remove_file(p);
        }
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

    fn changes() -> Vec<FieldChange> {
        vec![
            FieldChange::new(
                "a",
                FieldValue::Result(Some(Value::Number(dec!(4)))),
                FieldValue::Result(Some(Value::Number(dec!(12.50)))),
            )
            .unwrap(),
            FieldChange::new(
                "a",
                FieldValue::Override(None),
                FieldValue::Override(Some(Override {
                    realization: dec!(91.40).into(),
                    reason: "come stampato \"così\"".into(),
                })),
            )
            .unwrap(),
            FieldChange::new(
                "b",
                FieldValue::Note(Some("riga\nnuova".into())),
                FieldValue::Note(None),
            )
            .unwrap(),
            FieldChange::new(
                "c",
                FieldValue::Result(None),
                FieldValue::Result(Some(Value::Date(
                    NaiveDate::from_ymd_opt(2017, 12, 31).unwrap(),
                ))),
            )
            .unwrap(),
            FieldChange::new(
                "d",
                FieldValue::Result(Some(Value::Bool(false))),
                FieldValue::Result(Some(Value::Bool(true))),
            )
            .unwrap(),
            FieldChange::new(
                "e",
                FieldValue::Result(Some(Value::Bound {
                    bound: crate::plan::Bound::MoreThan,
                    value: dec!(95.0),
                })),
                FieldValue::Result(Some(Value::Ratio {
                    numerator: dec!(79),
                    denominator: dec!(87.30),
                })),
            )
            .unwrap(),
            FieldChange::new(
                "f",
                FieldValue::NotAssessable(None),
                FieldValue::NotAssessable(Some("ufficio chiuso".into())),
            )
            .unwrap(),
        ]
    }

    fn recorded(c: &FieldChange) -> Recorded {
        Recorded {
            id: c.id.clone(),
            period: c.period.clone(),
            old: Some(c.old.clone()),
            new: c.new.clone(),
        }
    }

    #[test]
    fn records_read_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::locate(dir.path(), None, Path::new("/x/plan.ron"));
        let all = changes();
        j.append(Some(0xabc), &all[..2]).unwrap();
        j.append(Some(0xabc), &all[2..]).unwrap();
        let back = j.leftover();
        assert_eq!(back.damaged, 0);
        assert_eq!(back.records.len(), 2);
        assert_eq!(back.base(), Some(0xabc));
        let read: Vec<Recorded> = back
            .records
            .iter()
            .flat_map(|r| r.changes.clone())
            .collect();
        assert_eq!(read, all.iter().map(recorded).collect::<Vec<_>>());
        if let FieldValue::Result(Some(Value::Number(n))) = &read[0].new {
            assert_eq!(n.to_string(), "12.50");
        } else {
            panic!("a number");
        }
        j.clear().unwrap();
        assert!(j.leftover().is_empty());
    }

    #[test]
    fn a_record_cut_short_is_counted_and_the_next_one_starts_clean() {
        let dir = tempfile::tempdir().unwrap();
        let all = changes();
        let mut j = Journal::locate(dir.path(), None, Path::new("/x/plan.ron"));
        j.append(None, &all[..1]).unwrap();
        // A write cut short: half a record, no newline.
        let whole = encode(Local::now(), None, &all[1..2]);
        OpenOptions::new()
            .append(true)
            .open(&j.path)
            .unwrap()
            .write_all(&whole[..whole.len() / 2])
            .unwrap();
        // A later run (or the same one) appends after it.
        let mut later = Journal::locate(dir.path(), None, Path::new("/x/plan.ron"));
        later.append(None, &all[2..3]).unwrap();
        let back = later.leftover();
        assert_eq!(back.damaged, 1);
        let read: Vec<Recorded> = back
            .records
            .iter()
            .flat_map(|r| r.changes.clone())
            .collect();
        assert_eq!(read, vec![recorded(&all[0]), recorded(&all[2])]);
    }

    #[test]
    fn a_damaged_byte_makes_its_record_unreadable_not_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let all = changes();
        let mut j = Journal::locate(dir.path(), None, Path::new("/x/plan.ron"));
        j.append(None, &all[..1]).unwrap();
        let mut bytes = std::fs::read(&j.path).unwrap();
        let at = bytes.iter().position(|b| *b == b'4').unwrap();
        bytes[at] = b'5';
        std::fs::write(&j.path, bytes).unwrap();
        let back = j.leftover();
        assert_eq!((back.records.len(), back.damaged), (0, 1));
    }

    #[test]
    fn net_changes_keep_the_first_old_and_the_last_new() {
        let num = |n| FieldValue::Result(Some(Value::Number(n)));
        let rec = |old, new| Recorded {
            id: "a".into(),
            period: None,
            old: Some(old),
            new,
        };
        let left = Leftover {
            records: vec![
                Record {
                    at: Local::now(),
                    base: None,
                    changes: vec![rec(num(dec!(4)), num(dec!(5)))],
                },
                Record {
                    at: Local::now(),
                    base: None,
                    changes: vec![rec(num(dec!(5)), num(dec!(6)))],
                },
            ],
            damaged: 0,
            gap: false,
        };
        assert_eq!(left.net(), vec![rec(num(dec!(4)), num(dec!(6)))]);
        // A change that does not start where the previous one ended: a step is missing,
        // and the value before is no longer known.
        let mut broken = left.clone();
        broken.records[1].changes[0].old = Some(num(dec!(7)));
        assert_eq!(broken.net()[0].old, None);
        // Likewise after a damaged record between good ones.
        let mut gap = left.clone();
        gap.gap = true;
        assert_eq!(gap.net()[0].old, None);
    }

    #[test]
    fn journals_of_earlier_versions_are_found_and_read() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        std::fs::write(&plan, "x").unwrap();
        let old_dir = dir.path().join("data");
        std::fs::create_dir_all(old_dir.join("journal")).unwrap();
        let old = old_dir
            .join("journal")
            .join(format!("{}.jsonl", legacy_plan_key(&plan)));
        std::fs::write(
            &old,
            "{\"at\":\"2026-01-02T10:00:00+01:00\",\"id\":\"a\",\"result\":{\"number\":\"70\"},\"override\":null,\"note\":\"n\"}\n",
        )
        .unwrap();
        let mut j = Journal::locate(&dir.path().join("state"), Some(&old_dir), &plan);
        let back = j.leftover();
        assert_eq!(back.records.len(), 1);
        let ch = &back.records[0].changes;
        assert_eq!(ch.len(), 3);
        assert_eq!(ch[0].old, None);
        assert_eq!(ch[0].new, FieldValue::Result(Some(Value::Number(dec!(70)))));
        assert_eq!(ch[2].new, FieldValue::Note(Some("n".into())));
        j.clear().unwrap();
        assert!(!old.exists(), "clearing clears the old journal too");
    }
}
