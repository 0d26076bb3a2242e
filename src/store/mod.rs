//! All file IO of the plan: reading it with errors that point at the place, saving it
//! atomically with only the edited values changed, the one-editor lock and the
//! crash-recovery journal.

pub mod file;
pub mod journal;
mod load;
pub mod lock;
pub mod save;
pub mod syntax;
pub mod write;

pub use file::{PlanFile, SaveFailure, Saved};
pub use journal::Journal;
pub use load::{Excerpt, LoadError, MAX_PLAN_BYTES, decode, load, parse};
pub use lock::PlanLock;
pub use save::{SaveError, patch, write_atomic};
