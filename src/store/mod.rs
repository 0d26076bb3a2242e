//! All file IO of the plan: reading it with errors that point at the place, and saving it.

mod load;

pub use load::{LoadError, load, parse};
