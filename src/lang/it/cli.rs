use super::It;
use crate::lang::CliWords;

impl CliWords for It {}
