use super::En;
use crate::lang::ExportWords;

impl ExportWords for En {}
