//! All file IO of the plan: reading it with errors that point at the place, saving it
//! atomically with only the edited values changed, the one-editor lock and the
//! crash-recovery journal. Every file perfplan writes goes through [`atomic::replace`].

pub mod atomic;
pub mod audit;
pub mod cause;
pub mod file;
pub mod journal;
mod load;
pub mod lock;
mod mistakes;
pub mod save;
pub mod syntax;
pub mod write;

pub use atomic::{Expect, Replace, Replaced, WriteError, replace};
pub use cause::{Cause, NotAFile};
pub use file::{LockStatus, PlanFile, SaveFailure, Saved};
pub use journal::Journal;
pub use load::{
    Excerpt, LoadError, MAX_PLAN_BYTES, ReaderError, SyntaxError, Token, decode, load, parse,
    sniff_locale,
};
pub use lock::PlanLock;
pub use mistakes::Mistake;
pub use save::{patch, patch_whole};
