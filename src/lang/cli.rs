//! The words of the cli area: what each language must be able to say.

pub trait CliWords {}
