//! perfplan in English.

mod app;
mod cli;
mod diff;
mod export;
mod forms;
mod plan;
mod store;

/// The English words.
pub struct En;

/// `1 indicator`, `3 indicators`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
