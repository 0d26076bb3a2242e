//! Semantic colours, so that draw code says what a thing is (`good`, `pending`) and one place
//! says how it looks. With `NO_COLOR` set every colour goes and only bold, dim and reverse
//! remain; nothing on screen depends on colour alone (percentages, `pending`, `✎` and the
//! `S`/`O` tags carry the same facts in text).

use ratatui::style::{Color, Modifier, Style};

use crate::plan::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// The theme for this environment: no colour when `NO_COLOR` is set (to anything).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn status(self, s: Status) -> Style {
        match s {
            Status::Good => self.fg(Color::Green),
            Status::Fair => self.fg(Color::Yellow),
            Status::Poor => self.fg(Color::Red),
        }
    }

    pub fn pending(self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }

    pub fn dim(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn selection(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Rgb(40, 60, 90))
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn strategic_tag(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    pub fn operational_tag(self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::BOLD)
    }

    pub fn code(self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn perspective(self) -> Style {
        self.fg(Color::White).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Black)
            .bg(if self.color {
                Color::Gray
            } else {
                Color::Reset
            })
            .add_modifier(if self.color {
                Modifier::empty()
            } else {
                Modifier::BOLD
            })
    }

    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn border_focus(self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn preview(self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::ITALIC)
    }

    pub fn unsaved(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
}
