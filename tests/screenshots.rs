//! The committed pictures in screenshots/ must be what the app draws now: a change to the UI
//! that forgets `cargo run --example screenshots` fails here.

use std::path::Path;

use perfplan::screenshot::{SCENES, render, svg};

#[test]
fn committed_screenshots_match_what_the_app_draws() {
    let mut stale = Vec::new();
    for scene in SCENES {
        let drawn = svg(&render(scene, Path::new(".")).unwrap());
        let path = Path::new("screenshots").join(format!("{}.svg", scene.name));
        match std::fs::read_to_string(&path) {
            Ok(committed) if committed == drawn => {}
            Ok(_) => stale.push(format!(
                "{} differs from what the app draws",
                path.display()
            )),
            Err(e) => stale.push(format!("{}: {e}", path.display())),
        }
    }
    assert!(
        stale.is_empty(),
        "screenshots are out of date; run `cargo run --example screenshots` and commit them:\n{}",
        stale.join("\n")
    );
}

#[test]
fn scenes_show_what_their_captions_promise() {
    let text = |name: &str| {
        let scene = SCENES.iter().find(|s| s.name == name).unwrap();
        let buf = render(scene, Path::new(".")).unwrap();
        let mut s = String::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                s.push_str(buf[(x, y)].symbol());
            }
            s.push('\n');
        }
        s
    };
    assert!(text("01-tree").contains("98,56 %"));
    let preview = text("02-typing-preview");
    assert!(
        preview.contains("ANTEPRIMA") && preview.contains("87,50 %") && preview.contains("98,43 %")
    );
    assert!(text("03-detail").contains("72 / 80 = 90,00 %"));
    assert!(text("04-search").contains("corrispondenz"));
    let pending = text("05-pending-filter");
    assert!(
        pending.contains("filtro: in attesa") && pending.contains("67 / 70"),
        "{pending}"
    );
    assert!(text("06-help").contains("inserisci il risultato dell'indicatore"));
    assert!(text("07-export").contains("Esporta il riepilogo"));
    assert!(text("08-validation-warning").contains("è diverso dalla somma"));
    assert!(text("09-too-small").contains("troppo piccolo"));
    let english = text("10-english-example");
    assert!(
        english.contains("Indicators measured") && english.contains("Detail"),
        "{english}"
    );
    assert!(!english.contains("Dettaglio"), "{english}");
    let periods = text("11-periods");
    assert!(
        periods.contains("Periodo: Consuntivo (2/2)")
            && periods.contains("30 giugno")
            && periods.contains("95,0 %")
            && periods.contains("Andamento")
            && periods.contains("era >= 4.500"),
        "{periods}"
    );
}

#[test]
fn the_readme_tour_shows_every_scene_under_its_caption() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for scene in SCENES {
        let entry = format!(
            "{}\n\n![{}](screenshots/{}.svg)",
            scene.caption, scene.name, scene.name
        );
        assert!(
            readme.contains(&entry),
            "README.md lacks the tour entry:\n{entry}"
        );
    }
}
