//! The words of the export area: what each language must be able to say.

pub trait ExportWords {}
