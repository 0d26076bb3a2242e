//! perfplan: the year-end scoring of a public body's performance plan.
//!
//! The plan file (RON) is the user's and the source of truth. [`store`] reads and writes it,
//! [`plan`] is its model, [`score`] computes realizations and weighted scores from it,
//! [`validate`] says what is wrong or odd in it, [`report`] prints the scores, and [`diff`]
//! says what changed between two versions of it.

pub mod app;
pub mod cli;
pub mod diff;
pub mod driver;
pub mod export;
pub mod fold;
pub mod forms;
pub mod generate;
pub mod lang;
pub mod layout;
pub mod merge;
pub mod paths;
pub mod plan;
pub mod report;
pub mod rollover;
pub mod score;
pub mod screenshot;
pub mod session;
pub mod store;
pub mod summary;
pub mod text;
pub mod tui;
pub mod ui;
pub mod validate;
