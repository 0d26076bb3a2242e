//! The words of the app area: what each language must be able to say.

pub trait AppWords {}
