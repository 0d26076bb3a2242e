use super::It;
use crate::lang::PlanWords;

impl PlanWords for It {}
