//! The picture a link preview shows (`og:image`, 1200 × 630, what mail
//! programs, chats and social networks draw beside a shared link): the
//! page's kind, its title, its date and place, its themes, and its regions
//! on the map of France. Drawn here as SVG, from the page's own words and
//! the region outlines the app's map uses (`assets/regions.map`, read by
//! `state::map`), then rasterised to PNG by resvg, with the system's fonts
//! (fontdb finds DejaVu Sans, Debian's `fonts-dejavu-core`, which
//! scripts/setup.sh installs; no font file is shipped).
//!
//! SVG has no line breaking: titles are cut into lines here by an estimate
//! of each character's width in DejaVu Sans Bold, on the safe side (a line
//! never runs past its column), and a title longer than the lines it may
//! take ends with "…". Every text is escaped.

use std::sync::Arc;

use passerelles_core::state::map::Geometry;

use crate::site::page::{attr, text};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The font every text is set in, and what to install when it is missing.
pub const FONT: &str = "DejaVu Sans";
pub const FONT_PACKAGE: &str = "fonts-dejavu-core";

const INK: &str = "#1b1f24";
const MUTED: &str = "#4a5563";
const ACCENT: &str = "#0b5cab";
const WASH: &str = "#e8eef6";
const LAND: &str = "#d5dce6";

/// What one picture shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    /// The site's name and what it is, at the top.
    pub site: String,
    /// The kind of page: "Accord · convention de partenariat", "Thème".
    pub kind: String,
    pub title: String,
    /// Under the title: the date, the place, a count.
    pub lines: Vec<String>,
    /// Theme labels, as chips at the bottom.
    pub themes: Vec<String>,
    /// Region codes shown on the map (`FR`: all of France).
    pub regions: Vec<String>,
}

/// Width of `c` in em, DejaVu Sans Bold, rounded up: narrow punctuation and
/// letters, wide capitals and `m`/`w`, the rest as an average letter.
fn em(c: char) -> f32 {
    match c {
        ' ' | 'i' | 'l' | 'j' | '\'' | '’' | '.' | ',' | ':' | ';' | '!' | '|' | 'I' => 0.36,
        'f' | 't' | 'r' | '(' | ')' | '-' => 0.48,
        'm' | 'w' | 'M' | 'W' => 1.06,
        c if c.is_uppercase() => 0.8,
        _ => 0.66,
    }
}

fn width(s: &str, size: f32) -> f32 {
    s.chars().map(em).sum::<f32>() * size
}

/// `text` in lines of at most `column` pixels at `size`, at most `max`
/// lines, cut at spaces (a word longer than a line is cut where it must),
/// the last ending with "…" when the text does not fit.
pub fn wrap(text: &str, size: f32, column: f32, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size) <= column {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than the column on its own: cut it.
        let mut rest = word.to_string();
        while width(&rest, size) > column {
            let mut cut = String::new();
            for c in rest.chars() {
                if width(&format!("{cut}{c}"), size) > column {
                    break;
                }
                cut.push(c);
            }
            if cut.is_empty() {
                break;
            }
            rest = rest[cut.len()..].to_string();
            lines.push(cut);
        }
        line = rest;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        let last = &mut lines[max - 1];
        while !last.is_empty() && width(&format!("{last} …"), size) > column {
            last.pop();
        }
        let kept = last.trim_end_matches([' ', ',', ';', ':']).to_string();
        *last = format!("{kept}…");
    }
    lines
}

fn text_at(out: &mut String, x: f32, y: f32, size: f32, weight: &str, fill: &str, s: &str) {
    out.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\">{}</text>",
        text(s)
    ));
}

/// The picture as SVG, its regions drawn from `map`.
pub fn svg(p: &Preview, map: &Geometry) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{}\">",
        attr(FONT)
    );
    out.push_str(&format!(
        "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/><rect width=\"{WIDTH}\" height=\"14\" fill=\"{ACCENT}\"/>"
    ));
    // The site, top left.
    text_at(&mut out, 64.0, 84.0, 34.0, "bold", ACCENT, "Passerelles");
    text_at(&mut out, 64.0, 122.0, 22.0, "normal", MUTED, &p.site);

    // The text column, left of the map.
    let column = 660.0;
    let mut y = 200.0;
    if !p.kind.is_empty() {
        for line in wrap(&p.kind, 26.0, column, 1) {
            text_at(&mut out, 64.0, y, 26.0, "normal", MUTED, &line);
        }
        y += 62.0;
    }
    // Three lines of title, four when nothing else needs the room, so the
    // lines under it never reach the chips.
    let size = 48.0;
    let room = if p.lines.len() + usize::from(!p.themes.is_empty()) > 2 {
        3
    } else {
        4
    };
    let title = wrap(&p.title, size, column, room);
    for line in &title {
        text_at(&mut out, 64.0, y, size, "bold", INK, line);
        y += size * 1.2;
    }
    y += 8.0;
    for line in p.lines.iter().take(2) {
        for l in wrap(line, 26.0, column, 1) {
            text_at(&mut out, 64.0, y, 26.0, "normal", INK, &l);
        }
        y += 38.0;
    }
    // Themes as chips, on one row at the bottom, as many as fit.
    let (mut x, chip_y) = (64.0, 560.0);
    for theme in &p.themes {
        let w = width(theme, 20.0) + 32.0;
        if x + w > 64.0 + column {
            break;
        }
        out.push_str(&format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"38\" rx=\"19\" fill=\"{WASH}\"/>",
            chip_y - 27.0
        ));
        text_at(&mut out, x + 16.0, chip_y, 20.0, "normal", INK, theme);
        x += w + 12.0;
    }
    // The map, right: every region, those of the page in the accent.
    let (mw, mh) = (map.size.0.max(1) as f32, map.size.1.max(1) as f32);
    let scale = (380.0 / mw).min(330.0 / mh);
    let all = p.regions.iter().any(|r| r == "FR");
    out.push_str(&format!(
        "<g transform=\"translate({} {}) scale({scale})\">",
        WIDTH as f32 - 56.0 - mw * scale,
        250.0
    ));
    for (_, [x, y, w, h]) in &map.insets {
        out.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"{LAND}\" stroke-width=\"2\"/>"
        ));
    }
    for shape in &map.shapes {
        let on = all || p.regions.iter().any(|r| r == shape.code);
        out.push_str(&format!(
            "<path d=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
            attr(shape.path),
            if on { ACCENT } else { LAND }
        ));
    }
    out.push_str("</g></svg>");
    out
}

/// Rasterises previews: the fonts are looked up once.
pub struct Painter {
    options: resvg::usvg::Options<'static>,
}

impl Painter {
    /// A painter with the system's fonts; an error names the package to
    /// install when the font the pictures are set in is missing.
    pub fn new() -> Result<Painter, String> {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        let found = db
            .faces()
            .any(|f| f.families.iter().any(|(name, _)| name == FONT));
        if !found {
            return Err(format!(
                "the font « {FONT} » is not installed: apt-get install {FONT_PACKAGE} (scripts/setup.sh does)"
            ));
        }
        let options = resvg::usvg::Options {
            font_family: FONT.to_string(),
            fontdb: Arc::new(db),
            ..resvg::usvg::Options::default()
        };
        Ok(Painter { options })
    }

    /// The PNG of an SVG picture of [`WIDTH`] × [`HEIGHT`].
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree = resvg::usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT)
            .ok_or_else(|| "no room for the picture".to_string())?;
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::default(),
            &mut pixmap.as_mut(),
        );
        pixmap.encode_png().map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = include_str!("../../../../assets/regions.map");

    #[test]
    fn titles_wrap_within_their_column_and_say_when_they_are_cut() {
        let title = "Convention de partenariat entre la CPME Réunion et l'URSIAE Réunion-Mayotte";
        let lines = wrap(title, 48.0, 700.0, 4);
        assert!(lines.len() > 1 && lines.len() <= 4, "{lines:?}");
        assert_eq!(lines.join(" "), title, "nothing lost when it fits");
        for l in &lines {
            assert!(width(l, 48.0) <= 700.0, "{l}");
        }
        let long = "mot ".repeat(200);
        let cut = wrap(&long, 50.0, 700.0, 3);
        assert_eq!(cut.len(), 3);
        assert!(cut[2].ends_with('…'));
        // A word longer than a line is cut, never left to run over.
        let word = "a".repeat(100);
        assert!(wrap(&word, 50.0, 300.0, 10)
            .iter()
            .all(|l| width(l, 50.0) <= 300.0));
    }

    #[test]
    fn the_drawing_holds_the_words_escaped_and_the_regions_shaded() {
        let map = Geometry::parse(MAP);
        let p = Preview {
            site: "Conventions & événements".into(),
            kind: "Accord".into(),
            title: "</text><script>alert(1)</script>".into(),
            lines: vec!["21 novembre 2019".into(), "Saint-André".into()],
            themes: vec!["Insertion".into(), "RSE".into()],
            regions: vec!["04".into()],
        };
        let svg = svg(&p, &map);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;/text&gt;&lt;script&gt;"));
        assert!(svg.contains("Conventions &amp; événements"));
        assert!(svg.contains(">21 novembre 2019</text>"));
        assert!(svg.contains(">Insertion</text>"));
        // La Réunion in the accent, the other regions not.
        let shaded = |svg: &str| svg.matches(&format!("fill=\"{ACCENT}\" stroke=")).count();
        assert_eq!(shaded(&svg), 1, "La Réunion alone");
        assert!(svg.contains(&format!(
            "<path d=\"{}\" fill=\"{ACCENT}\"",
            map.shape("04").unwrap().path
        )));
        let national = super::svg(
            &Preview {
                regions: vec!["FR".into()],
                ..p.clone()
            },
            &map,
        );
        assert_eq!(shaded(&national), map.shapes.len(), "all of France");
    }

    #[test]
    fn the_picture_is_a_png_of_the_right_size() {
        let Ok(painter) = Painter::new() else {
            panic!("{FONT} is missing: apt-get install {FONT_PACKAGE} (scripts/setup.sh)");
        };
        let map = Geometry::parse(MAP);
        let png = painter
            .png(&svg(
                &Preview {
                    title: "Insertion".into(),
                    ..Preview::default()
                },
                &map,
            ))
            .unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: width and height, big-endian, after the chunk's length and name.
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), WIDTH);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), HEIGHT);
        assert!(painter.png("<svg").is_err(), "a broken drawing is an error");
    }
}
