use super::En;
use crate::forms::Column;
use crate::forms::collect::{Entry, FormWord, Instructions};
use crate::lang::FormWords;
use crate::plan::Locale;

/// A day written as the locale writes dates, for the examples.
fn sample_date(locale: Locale) -> String {
    locale.date(chrono::NaiveDate::from_ymd_opt(2017, 12, 31).expect("a real day"))
}

impl FormWords for En {
    fn form_word(&self, word: FormWord) -> &'static str {
        match word {
            FormWord::FormSheet => "Form",
            FormWord::InstructionsSheet => "Instructions",
            FormWord::Body => "Body",
            FormWord::Plan => "Plan",
            FormWord::Year => "Year",
            FormWord::Office => "Office",
            FormWord::Responsible => "Responsible",
            FormWord::Period => "Period",
            FormWord::Deadline => "Deadline",
            FormWord::NoOffice => "No office",
        }
    }

    fn heading(&self, column: Column) -> &'static str {
        match column {
            Column::Id => "Id",
            Column::Objective => "Objective",
            Column::Description => "Description",
            Column::Unit => "Unit",
            Column::Target => "Target",
            Column::Baseline => "Baseline",
            Column::Current => "Current value",
            Column::NewResult => "New result",
            Column::Note => "Note",
        }
    }

    fn entry_title(&self, entry: Entry) -> &'static str {
        match entry {
            Entry::Whole => "A whole number",
            Entry::Decimal => "A number",
            Entry::Percent => "A percentage",
            Entry::Date => "A date",
            Entry::YesNo => "Yes or No",
            Entry::Free => "The result",
        }
    }

    fn entry_help(&self, entry: Entry, locale: Locale) -> String {
        let d = locale.decimal_sep();
        match entry {
            Entry::Whole => {
                "A whole number, 0 or more (like 12). Leave empty to keep the current value."
                    .to_string()
            }
            Entry::Decimal => format!(
                "A number, decimals after a {d} (like 2{d}5). Leave empty to keep the current value."
            ),
            Entry::Percent => format!(
                "The percentage as a number: 93 for 93%, not 0{d}93. Leave empty to keep the current value."
            ),
            Entry::Date => format!(
                "A date, like {}. Leave empty to keep the current value.",
                sample_date(locale)
            ),
            Entry::YesNo => format!(
                "{} or {}, from the list. Leave empty to keep the current value.",
                locale.yes_no(true),
                locale.yes_no(false)
            ),
            Entry::Free => format!(
                "A number, a ratio like 79/87{d}3 or a bound like >= 95, as the plan writes it. Leave empty to keep the current value."
            ),
        }
    }

    fn instructions(&self, i: &Instructions) -> Vec<String> {
        let d = i.locale.decimal_sep();
        let (yes, no) = (i.locale.yes_no(true), i.locale.yes_no(false));
        let period = match &i.period {
            Some(p) => format!(" at the period \"{p}\""),
            None => " for the year".to_string(),
        };
        vec![
            "How to fill in this form".to_string(),
            format!("The sheet \"Form\" lists the indicators your office measures in the performance plan. For each one, type its new result{period} in the column \"New result\" and, if needed, a note in the column \"Note\": only those two columns can be changed."),
            format!("One value per row, in the indicator's unit (the column \"Unit\"): a count as a whole number (12); a number or an amount in euro with its decimals after a {d} (2{d}5); a percentage as a number, 93 for 93%, not 0{d}93; a date as {}; yes or no as {yes} or {no}.", sample_date(i.locale)),
            format!("Where the plan writes a result as a ratio (79/87{d}3) or as a bound (>= 95), write it the same way: those cells take text."),
            "Leave empty what you do not change: an empty cell keeps the value the plan holds (the column \"Current value\"). Write a note where a result needs explaining (a target missed, a figure estimated).".to_string(),
            "Do not change the ids or the other columns, and do not add, remove or rename sheets. You may filter and hide rows: the form is matched to the plan by each row's id. The note already written is in its cell: edit it or leave it as it is.".to_string(),
            match &i.deadline {
                Some(day) => format!("Send the file back to the controller by {day}."),
                None => "Send the file back to the controller.".to_string(),
            },
        ]
    }
}
