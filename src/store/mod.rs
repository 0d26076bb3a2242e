//! All file IO of the plan: reading it with errors that point at the place, and saving it
//! atomically with only the edited values changed.

pub mod file;
mod load;
pub mod save;
pub mod syntax;
pub mod write;

pub use file::{PlanFile, SaveFailure, Saved};
pub use load::{Excerpt, LoadError, MAX_PLAN_BYTES, decode, load, parse};
pub use save::{SaveError, patch, write_atomic};
