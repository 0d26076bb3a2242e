//! Renders the README's pictures of the real app into screenshots/: an SVG per scene, and a
//! PNG beside it where `rsvg-convert` (Debian's librsvg2-bin) is installed.
//!
//!     cargo run --example screenshots

use std::path::Path;
use std::process::Command;

use perfplan::screenshot::{SCENES, render, svg};

fn main() {
    let dir = Path::new("screenshots");
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    let converter = Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !converter {
        eprintln!("rsvg-convert not found (apt-get install librsvg2-bin): writing SVG only");
    }
    for scene in SCENES {
        let buffer = match render(scene, Path::new(".")) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", scene.name);
                std::process::exit(1);
            }
        };
        let svg_path = dir.join(format!("{}.svg", scene.name));
        if let Err(e) = std::fs::write(&svg_path, svg(&buffer)) {
            eprintln!("{}: {e}", svg_path.display());
            std::process::exit(1);
        }
        println!("wrote {}", svg_path.display());
        if converter {
            let png = dir.join(format!("{}.png", scene.name));
            let ok = Command::new("rsvg-convert")
                .arg("-o")
                .arg(&png)
                .arg(&svg_path)
                .status()
                .is_ok_and(|s| s.success());
            if ok {
                println!("wrote {}", png.display());
            } else {
                eprintln!("{}: rsvg-convert failed", png.display());
            }
        }
    }
}
