use super::En;
use crate::lang::CliWords;

impl CliWords for En {}
