//! Pictures of the real app for the README: scenes played with real key events on the seed
//! plan, drawn by the app's own drawing code into a TestBackend, and turned into SVG cell by
//! cell (colours, bold, glyphs). The same scenes feed `cargo run --example screenshots`,
//! which writes them, and a test, which fails when a committed picture is out of date.

use std::fmt::Write as _;
use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

use crate::app::App;
use crate::driver::Driver;
use crate::lang::{Lang, Say};
use crate::plan::{Num, Plan};

/// The seed plan, as the pictures show it.
pub const SEED_PATH: &str = "plans/cciaa-massa-carrara-2017.ron";
pub const EXAMPLE_PATH: &str = "plans/example.ron";
pub const COMUNE_PATH: &str = "plans/comune-esempio-2022.ron";

/// One picture: what the user is doing, and how to get there.
pub struct Scene {
    /// File name without extension.
    pub name: &'static str,
    /// The sentence under the picture in the README.
    pub caption: &'static str,
    /// The plan it is played on (the seed, or the English example).
    pub plan: &'static str,
    pub width: u16,
    pub height: u16,
    /// Changes the plan before the app opens (only for the validation scene).
    pub prepare: fn(&mut Plan),
    pub keys: &'static [Key],
}

/// A key pressed in a scene.
#[derive(Debug, Clone, Copy)]
pub enum Key {
    Text(&'static str),
    Code(KeyCode),
    Ctrl(char),
}

fn unchanged(_: &mut Plan) {}

fn unbalanced_weights(plan: &mut Plan) {
    // 3.2 weighs 27 in the seed, the sum of its three operational objectives.
    plan.perspectives[0].objectives[3].weight = Num::from(rust_decimal::Decimal::from(25)).into();
}

use Key::{Code, Ctrl, Text};

pub const SCENES: &[Scene] = &[
    Scene {
        name: "01-tree",
        caption: "Opening the seed plan: the tree with every weight, result, target and realization, the overall strategic and operational scores on top.",
        plan: SEED_PATH,
        width: 120,
        height: 36,
        prepare: unchanged,
        keys: &[],
    },
    Scene {
        name: "02-typing-preview",
        caption: "Typing 70 as the result of “N. di domande depositate marchi e brevetti”: before Enter, the indicator, its strategic objective 3.2 and the header already show the new figures.",
        plan: SEED_PATH,
        width: 120,
        height: 36,
        prepare: unchanged,
        keys: &[
            Code(KeyCode::Char('/')),
            Text("marchi e brevetti"),
            Code(KeyCode::Enter),
            Code(KeyCode::Char('e')),
            Ctrl('u'),
            Text("70"),
        ],
    },
    Scene {
        name: "03-detail",
        caption: "The detail pane of an indicator: target as written, result, and how the realization was reached (72 / 80 = 90,00 %).",
        plan: SEED_PATH,
        width: 120,
        height: 36,
        prepare: unchanged,
        keys: &[
            Code(KeyCode::Char('/')),
            Text("marchi e brevetti"),
            Code(KeyCode::Enter),
        ],
    },
    Scene {
        name: "04-search",
        caption: "Searching codes, ids and descriptions: the selection jumps to the first match while typing; n and N move between matches.",
        plan: SEED_PATH,
        width: 120,
        height: 36,
        prepare: unchanged,
        keys: &[Code(KeyCode::Char('/')), Text("customer satisfaction")],
    },
    Scene {
        name: "05-pending-filter",
        caption: "Three results cleared (an empty result makes an indicator pending), then f filters the tree down to the pending indicators; scores are marked provisional.",
        plan: SEED_PATH,
        width: 120,
        height: 36,
        prepare: unchanged,
        keys: &[
            Code(KeyCode::Char('/')),
            Text("newsletter"),
            Code(KeyCode::Enter),
            Code(KeyCode::Enter),
            Ctrl('u'),
            Code(KeyCode::Enter),
            Code(KeyCode::Char('/')),
            Text("Sportello Reti di Impresa"),
            Code(KeyCode::Enter),
            Code(KeyCode::Enter),
            Ctrl('u'),
            Code(KeyCode::Enter),
            Code(KeyCode::Char('/')),
            Text("Museo"),
            Code(KeyCode::Enter),
            Code(KeyCode::Char('j')),
            Code(KeyCode::Char('j')),
            Code(KeyCode::Enter),
            Ctrl('u'),
            Code(KeyCode::Enter),
            Code(KeyCode::Char('f')),
        ],
    },
    Scene {
        name: "06-help",
        caption: "? shows every key, generated from the same key map that handles them.",
        plan: SEED_PATH,
        width: 120,
        height: 36,
        prepare: unchanged,
        keys: &[Code(KeyCode::Char('?'))],
    },
    Scene {
        name: "07-export",
        caption: "x opens the export dialog: pick XLSX, CSV, Markdown or HTML with Tab, edit the path, Enter writes it.",
        plan: SEED_PATH,
        width: 120,
        height: 36,
        prepare: unchanged,
        keys: &[Code(KeyCode::Char('x'))],
    },
    Scene {
        name: "08-validation-warning",
        caption: "A plan whose weights do not add up (3.2 set to 25 instead of 27): the header counts the warnings, w jumps to each (the rows' in order, then the plan's own), and the detail pane says what is wrong.",
        plan: SEED_PATH,
        width: 120,
        height: 36,
        prepare: unbalanced_weights,
        keys: &[Code(KeyCode::Char('w'))],
    },
    Scene {
        name: "09-too-small",
        caption: "A terminal too small to draw the plan gets a clear message instead of a broken screen; enlarging it brings the plan back.",
        plan: SEED_PATH,
        width: 50,
        height: 12,
        prepare: unchanged,
        keys: &[],
    },
    Scene {
        name: "10-english-example",
        caption: "The English example plan (`plans/example.ron`) shows the same screens in English: the interface follows the plan's language, and `perfplan --lang en` (or `PERFPLAN_LANG=en`) shows the seed in English too. Numbers and dates keep the plan's own notation.",
        plan: EXAMPLE_PATH,
        width: 120,
        height: 36,
        prepare: unchanged,
        keys: &[
            Code(KeyCode::Char('/')),
            Text("Citizens rating"),
            Code(KeyCode::Enter),
        ],
    },
    Scene {
        name: "11-periods",
        caption: "A plan monitored at 30 June and at year end (`plans/comune-esempio-2022.ron`): the header names the period shown (`[` and `]` switch it, and a result typed goes to that period); the detail pane shows the indicator across the periods, each bar with its target line, and the target lowered in July with the original and the reason.",
        plan: COMUNE_PATH,
        width: 120,
        height: 44,
        prepare: unchanged,
        keys: &[
            Code(KeyCode::Char('/')),
            Text("3.1-o1"),
            Code(KeyCode::Enter),
        ],
    },
];

/// Plays a scene on its plan (read from the folder `root`, the repository) and returns the
/// drawn buffer.
pub fn render(scene: &Scene, root: &Path) -> Result<Buffer, String> {
    let (mut plan, _) = crate::store::load(&root.join(scene.plan)).map_err(|e| e.say(Lang::En))?;
    (scene.prepare)(&mut plan);
    // Effects (saving, exporting) are not carried out: a picture changes nothing.
    let mut d = Driver::detached(App::new(plan, Path::new(scene.plan).to_path_buf()));
    d.color = true;
    d.resize(scene.width, scene.height);
    for key in scene.keys {
        match key {
            Key::Text(t) => d.type_text(t),
            Key::Code(c) => d.key(*c),
            Key::Ctrl(c) => d.ctrl(*c),
        }
    }
    Ok(d.buffer())
}

const CELL_W: f32 = 8.5;
const CELL_H: f32 = 18.0;
const FONT_SIZE: f32 = 14.0;
const DEFAULT_FG: &str = "#d4d4d4";
const DEFAULT_BG: &str = "#1e1e1e";

/// The colours of a common dark terminal palette.
fn hex(c: Color) -> Option<String> {
    let named = match c {
        Color::Reset => return None,
        Color::Black => "#000000",
        Color::Red => "#cd3131",
        Color::Green => "#0dbc79",
        Color::Yellow => "#e5e510",
        Color::Blue => "#2472c8",
        Color::Magenta => "#bc3fbc",
        Color::Cyan => "#11a8cd",
        Color::Gray => "#e5e5e5",
        Color::DarkGray => "#767676",
        Color::LightRed => "#f14c4c",
        Color::LightGreen => "#23d18b",
        Color::LightYellow => "#f5f543",
        Color::LightBlue => "#3b8eea",
        Color::LightMagenta => "#d670d6",
        Color::LightCyan => "#29b8db",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(i) => return Some(format!("#{0:02x}{0:02x}{0:02x}", i)),
    };
    Some(named.to_string())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// How much of a cell a block glyph fills from the left (bars are drawn as rectangles, so
/// they line up exactly whatever the font).
fn block_fill(symbol: &str) -> Option<(f32, f32)> {
    Some(match symbol {
        "█" => (1.0, 1.0),
        "▉" => (7.0 / 8.0, 1.0),
        "▊" => (6.0 / 8.0, 1.0),
        "▋" => (5.0 / 8.0, 1.0),
        "▌" => (4.0 / 8.0, 1.0),
        "▍" => (3.0 / 8.0, 1.0),
        "▎" => (2.0 / 8.0, 1.0),
        "▏" => (1.0 / 8.0, 1.0),
        "░" => (1.0, 0.3),
        _ => return None,
    })
}

/// The buffer as an SVG picture: one rectangle per coloured background, one text run per
/// stretch of equally styled cells, block glyphs as rectangles. Deterministic: the same
/// buffer always gives the same text.
pub fn svg(buf: &Buffer) -> String {
    let w = buf.area.width as f32 * CELL_W;
    let h = buf.area.height as f32 * CELL_H;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xml:space="preserve" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.1} {h:.1}">"#
    );
    let _ = writeln!(
        out,
        r#"<style>text{{font-family:"DejaVu Sans Mono","Cascadia Mono","Menlo","Consolas","Liberation Mono",monospace;font-size:{FONT_SIZE}px;white-space:pre}}.b{{font-weight:bold}}.i{{font-style:italic}}.d{{opacity:.6}}.u{{text-decoration:underline}}</style>"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{DEFAULT_BG}"/>"#
    );
    for y in 0..buf.area.height {
        let top = y as f32 * CELL_H;
        // Backgrounds and block glyphs.
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (fg, bg) = if reversed {
                (
                    hex(cell.bg).unwrap_or(DEFAULT_BG.into()),
                    hex(cell.fg).or(Some(DEFAULT_FG.into())),
                )
            } else {
                (hex(cell.fg).unwrap_or(DEFAULT_FG.into()), hex(cell.bg))
            };
            let left = x as f32 * CELL_W;
            if let Some(bg) = bg {
                let _ = writeln!(
                    out,
                    r#"<rect x="{left:.1}" y="{top:.1}" width="{CELL_W:.1}" height="{CELL_H:.1}" fill="{bg}"/>"#
                );
            }
            if let Some((fill, opacity)) = block_fill(cell.symbol()) {
                let _ = writeln!(
                    out,
                    r#"<rect x="{left:.1}" y="{:.1}" width="{:.2}" height="{:.1}" fill="{fg}" fill-opacity="{opacity}"/>"#,
                    top + 2.0,
                    CELL_W * fill,
                    CELL_H - 4.0
                );
            }
        }
        // Text, in runs of cells with the same style.
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            if cell.symbol().trim().is_empty() || block_fill(cell.symbol()).is_some() {
                x += 1;
                continue;
            }
            let style = (cell.fg, cell.bg, cell.modifier);
            let start = x;
            let mut text = String::new();
            while x < buf.area.width {
                let c = &buf[(x, y)];
                if (c.fg, c.bg, c.modifier) != style || block_fill(c.symbol()).is_some() {
                    break;
                }
                text.push_str(c.symbol());
                let w = unicode_width::UnicodeWidthStr::width(c.symbol()).max(1) as u16;
                x += w;
            }
            let text = text.trim_end();
            if text.is_empty() {
                continue;
            }
            let reversed = style.2.contains(Modifier::REVERSED);
            let fg = if reversed {
                hex(style.1).unwrap_or(DEFAULT_BG.into())
            } else {
                hex(style.0).unwrap_or(DEFAULT_FG.into())
            };
            let mut class = Vec::new();
            if style.2.contains(Modifier::BOLD) {
                class.push("b");
            }
            if style.2.contains(Modifier::ITALIC) {
                class.push("i");
            }
            if style.2.contains(Modifier::DIM) {
                class.push("d");
            }
            if style.2.contains(Modifier::UNDERLINED) {
                class.push("u");
            }
            let class = if class.is_empty() {
                String::new()
            } else {
                format!(r#" class="{}""#, class.join(" "))
            };
            let cells = unicode_width::UnicodeWidthStr::width(text) as f32;
            let _ = writeln!(
                out,
                r#"<text x="{:.1}" y="{:.1}" fill="{fg}" textLength="{:.1}" lengthAdjust="spacingAndGlyphs"{class}>{}</text>"#,
                start as f32 * CELL_W,
                top + CELL_H * 0.75,
                cells * CELL_W,
                escape(text)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}
