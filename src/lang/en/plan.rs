use super::En;
use crate::lang::PlanWords;

impl PlanWords for En {}
