use super::It;
use crate::lang::StoreWords;

impl StoreWords for It {}
