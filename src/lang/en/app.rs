use super::En;
use crate::lang::AppWords;

impl AppWords for En {}
