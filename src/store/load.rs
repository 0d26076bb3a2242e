//! Reading a plan file: bytes → text → `Plan`, with every failure named by its place.

use std::fmt;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use crate::plan::Plan;

/// Plans larger than this are refused rather than read. A 100,000-indicator plan (every
/// office of a region in one file) is about 52 MiB; this is ten times that, about 990,000
/// indicators, and reading it takes about 2.2 times its size in memory (a little over a
/// GiB): any plan a body writes fits, while a stray multi-gigabyte file cannot exhaust the
/// memory or hang the app. `perfplan gen` refuses to write a plan over it.
pub const MAX_PLAN_BYTES: u64 = 512 * 1024 * 1024;

/// Deepest nesting the reader follows; a plan needs about 10.
const RECURSION_LIMIT: usize = 64;

/// Why a plan could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is empty; a plan starts with `(` or `Plan(`")]
    Empty { path: PathBuf },
    #[error(
        "{path}: the file is larger than the {max} bytes perfplan reads (at least {size}); is it really a plan?"
    )]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error(
        "{path}:{line}:{column}: the file is not UTF-8 text (byte 0x{byte:02X}); save it as UTF-8"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        byte: u8,
    },
    #[error(
        "{path}: the file's lines end with CR line endings (a carriage return alone, as old Mac programs write); save it with LF or CRLF line endings"
    )]
    CrLineEndings { path: PathBuf },
    #[error("{path}:{line}:{column}: {message}\n{excerpt}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        excerpt: Excerpt,
    },
}

impl LoadError {
    fn at(path: &Path) -> PathBuf {
        path.to_path_buf()
    }
}

/// The line of the file where an error is, with a caret under the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub line: usize,
    pub text: String,
    pub column: usize,
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gutter = self.line.to_string();
        writeln!(f, "{gutter} | {}", self.text)?;
        let pad: String = self
            .text
            .chars()
            .take(self.column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        write!(f, "{} | {pad}^", " ".repeat(gutter.len()))
    }
}

/// Reads and parses the plan at `path`.
pub fn load(path: &Path) -> Result<(Plan, String), LoadError> {
    let size = std::fs::metadata(path)
        .map_err(|source| LoadError::Io {
            path: LoadError::at(path),
            source,
        })?
        .len();
    if size > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge {
            path: LoadError::at(path),
            size,
            max: MAX_PLAN_BYTES,
        });
    }
    // Read at most one byte past the limit: a pipe or a device (`/dev/zero`) reports size 0
    // and may never end, so the size above alone does not bound the read.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PLAN_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|source| LoadError::Io {
            path: LoadError::at(path),
            source,
        })?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge {
            path: LoadError::at(path),
            size: bytes.len() as u64,
            max: MAX_PLAN_BYTES,
        });
    }
    let text = decode(path, bytes)?;
    let plan = parse(path, &text)?;
    Ok((plan, text))
}

/// Turns bytes into text, naming the first byte that is not UTF-8.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        LoadError::NotUtf8 {
            path: LoadError::at(path),
            line,
            column,
            byte: bytes[at],
        }
    })
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses plan text; `path` only names the file in messages.
pub fn parse(path: &Path, text: &str) -> Result<Plan, LoadError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(LoadError::Empty {
            path: LoadError::at(path),
        });
    }
    options().from_str::<Plan>(body).map_err(|e| {
        if !body.contains('\n') && body.contains('\r') {
            // RON ends a `//` comment at a line feed only: in a file whose lines end with a
            // lone CR the first comment runs to the end and the error would point nowhere
            // useful.
            return LoadError::CrLineEndings {
                path: LoadError::at(path),
            };
        }
        let line = e.span.start.line.max(1);
        let column = e.span.start.col.max(1);
        // A mistake controllers make, said in their words (and at the place it is).
        let (message, line, column) = match super::mistakes::recognise(body, line, column) {
            Some(found) => found,
            None => (explain(&e.code), line, column),
        };
        let line_text = body.lines().nth(line - 1).unwrap_or("");
        let (text, caret) = clip_around(line_text, column, EXCERPT_CHARS);
        LoadError::Syntax {
            path: LoadError::at(path),
            line,
            column,
            message,
            excerpt: Excerpt {
                line,
                text,
                column: caret,
            },
        }
    })
}

/// Widest excerpt of a line shown under a syntax error, in characters.
const EXCERPT_CHARS: usize = 160;

/// At most `max` characters of `line` around `column` (1-based), with `…` where cut, and
/// the caret's column in the clipped text: a long line (a plan written on one line) still
/// shows the place of the error, not only its first `max` characters.
fn clip_around(line: &str, column: usize, max: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= max {
        return (line.to_string(), column);
    }
    let at = column.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(max / 2).min(chars.len() - max);
    let end = start + max;
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    text.extend(&chars[start..end]);
    if end < chars.len() {
        text.push('…');
    }
    (text, at - start + 1 + usize::from(start > 0))
}

/// ron's message, reworded where it speaks of the library rather than the plan.
fn explain(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::ExceededRecursionLimit => format!(
            "values nested more than {RECURSION_LIMIT} deep; a plan nests about 10, so this file is not a plan"
        ),
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("`{outer}` is missing its field `{field}`"),
            None => format!("missing field `{field}`"),
        },
        E::Eof => "the file ends too early: a bracket or quote is not closed".to_string(),
        E::Message(m) => m.clone(),
        other => other.to_string(),
    }
}
