use super::En;
use crate::lang::StoreWords;

impl StoreWords for En {}
