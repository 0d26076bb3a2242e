use super::It;
use crate::lang::AppWords;

impl AppWords for It {}
