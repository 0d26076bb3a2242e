use super::It;
use crate::lang::ExportWords;

impl ExportWords for It {}
