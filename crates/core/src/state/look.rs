//! The look a partner may ask an embedded view for: a colour scheme and an
//! accent, with the text colours that stay readable on that accent (WCAG 2
//! contrast, computed here so it is tested natively).

use crate::wording::say as s;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Scheme {
    #[default]
    Light,
    Dark,
    /// Follows the visitor's `prefers-color-scheme`.
    Auto,
}

impl Scheme {
    pub const ALL: [Scheme; 3] = [Scheme::Light, Scheme::Dark, Scheme::Auto];

    pub fn key(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
            Scheme::Auto => "auto",
        }
    }

    pub fn from_key(key: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Scheme::Light => s::EMBED_SCHEME_LIGHT(),
            Scheme::Dark => s::EMBED_SCHEME_DARK(),
            Scheme::Auto => s::EMBED_SCHEME_AUTO(),
        }
    }
}

/// An sRGB colour, only ever built by parsing strict hex, so what reaches
/// the CSSOM is always `#rrggbb` written by [`Rgb::hex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// White, the dark ink of the interface, black: the text colours offered on an accent.
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
pub const INK: Rgb = Rgb(0x1b, 0x1f, 0x24);
pub const BLACK: Rgb = Rgb(0, 0, 0);
/// `--paper` of the light and dark schemes in styles/main.css.
pub const LIGHT_PAPER: Rgb = WHITE;
pub const DARK_PAPER: Rgb = Rgb(0x16, 0x19, 0x1d);
/// WCAG 2 AA for normal text.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

impl Rgb {
    /// `#rgb` or `#rrggbb` (the `#` may be left out, since a raw `#` in a URL
    /// starts the fragment); anything else is refused.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// `t` of the way towards `other` (0 = self, 1 = other).
    fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// `x` to the power 2.4, for `x` in 0..=1, with square roots only: 2.4 is
/// 2 + 0.0110 0110 0110…₂, so x^2.4 is x² times the roots x^(1/2^k) of the
/// bits set. `powf` would bring 1.4 KB of libm into the page for one call.
fn pow_2_4(x: f64) -> f64 {
    let (mut root, mut product) = (x, 1.0);
    for k in 1..=40 {
        root = root.sqrt();
        if k % 4 == 2 || k % 4 == 3 {
            product *= root;
        }
    }
    x * x * product
}

/// WCAG 2 contrast ratio, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The colours derived from a partner's accent, set as CSS custom properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// `--accent`: backgrounds, borders, checkboxes.
    pub accent: Rgb,
    /// `--accent-ink`: text on an accent background (buttons).
    pub ink: Rgb,
    /// `--accent-text-light` / `--accent-text-dark`: the accent as text on
    /// the light and dark paper, darkened or lightened just enough to read.
    pub text_on_light: Rgb,
    pub text_on_dark: Rgb,
}

impl Palette {
    pub fn new(accent: Rgb) -> Palette {
        Palette {
            accent,
            ink: ink_on(accent),
            text_on_light: readable_on(accent, LIGHT_PAPER, BLACK),
            text_on_dark: readable_on(accent, DARK_PAPER, WHITE),
        }
    }

    /// (custom property, value) pairs for the CSSOM.
    pub fn properties(&self) -> [(&'static str, String); 4] {
        [
            ("--accent", self.accent.hex()),
            ("--accent-ink", self.ink.hex()),
            ("--accent-text-light", self.text_on_light.hex()),
            ("--accent-text-dark", self.text_on_dark.hex()),
        ]
    }
}

/// White when it reads on the accent, else the interface's ink, else black:
/// no colour has less than 4.5:1 with both white and black.
pub fn ink_on(accent: Rgb) -> Rgb {
    if contrast(WHITE, accent) >= MIN_TEXT_CONTRAST {
        WHITE
    } else if contrast(INK, accent) >= MIN_TEXT_CONTRAST {
        INK
    } else {
        BLACK
    }
}

/// The accent moved towards `towards` in small steps until it reads as text on `paper`.
fn readable_on(accent: Rgb, paper: Rgb, towards: Rgb) -> Rgb {
    (0..=20)
        .map(|step| accent.mix(towards, f64::from(step) / 20.0))
        .find(|c| contrast(*c, paper) >= MIN_TEXT_CONTRAST)
        .unwrap_or(towards)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_power_by_square_roots_is_the_power() {
        for c in 0..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!(
                (ours - std).abs() <= 1e-12 + 1e-9 * std,
                "{c}: {ours} vs {std}"
            );
        }
    }

    #[test]
    fn accent_parses_only_strict_hex() {
        assert_eq!(Rgb::parse("#0b5cab"), Some(Rgb(0x0b, 0x5c, 0xab)));
        assert_eq!(Rgb::parse("0B5CAB"), Some(Rgb(0x0b, 0x5c, 0xab)));
        assert_eq!(Rgb::parse("#f0a"), Some(Rgb(0xff, 0x00, 0xaa)));
        assert_eq!(Rgb::parse("#f0a").unwrap().hex(), "#ff00aa");
        for bad in [
            "",
            "#",
            "red",
            "#12345",
            "#1234567",
            "#ggg",
            "red;}body{display:none",
            "#fff;}",
            "#+1f",
            "#ééé",
            "url(x)",
            "#0b5cab ",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(WHITE, BLACK) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the classic lightest grey with 4.5:1 on white.
        let c = contrast(Rgb(0x76, 0x76, 0x76), WHITE);
        assert!(c > 4.5 && c < 4.6, "{c}");
    }

    #[test]
    fn ink_on_accent_is_white_on_dark_and_dark_on_light() {
        assert_eq!(ink_on(Rgb::parse("#0b5cab").unwrap()), WHITE);
        assert_eq!(ink_on(Rgb::parse("#000").unwrap()), WHITE);
        assert_eq!(ink_on(Rgb::parse("#ffcc00").unwrap()), INK);
        assert_eq!(ink_on(Rgb::parse("#fff").unwrap()), INK);
        // Mid tones: neither white nor the ink reach 4.5:1, black does.
        assert_eq!(ink_on(Rgb::parse("#7d7d7d").unwrap()), BLACK);
    }

    #[test]
    fn every_accent_gets_readable_text_colours() {
        // A sweep of the whole cube, 17 steps per channel.
        for r in (0..=255).step_by(15) {
            for g in (0..=255).step_by(15) {
                for b in (0..=255).step_by(15) {
                    let p = Palette::new(Rgb(r, g, b));
                    assert!(contrast(p.ink, p.accent) >= MIN_TEXT_CONTRAST, "{p:?}");
                    assert!(
                        contrast(p.text_on_light, LIGHT_PAPER) >= MIN_TEXT_CONTRAST,
                        "{p:?}"
                    );
                    assert!(
                        contrast(p.text_on_dark, DARK_PAPER) >= MIN_TEXT_CONTRAST,
                        "{p:?}"
                    );
                }
            }
        }
        // An accent that already reads is kept as it is.
        let p = Palette::new(Rgb::parse("#0b5cab").unwrap());
        assert_eq!(p.text_on_light, p.accent);
        assert_eq!(p.properties()[0], ("--accent", "#0b5cab".to_string()));
    }

    #[test]
    fn scheme_keys_round_trip() {
        for s in Scheme::ALL {
            assert_eq!(Scheme::from_key(s.key()), Some(s));
        }
        assert_eq!(Scheme::from_key("Dark"), None);
    }
}
