//! perfplan in italiano.

mod app;
mod cli;
mod diff;
mod export;
mod forms;
mod plan;
mod store;

/// Le parole in italiano.
pub struct It;

/// `1 indicatore`, `3 indicatori`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
