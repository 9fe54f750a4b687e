//! A figure's digits, written without the standard library's float
//! formatting: that code (shortest round-trip digits, with a big-number
//! fallback) costs about 9 KB of gzipped wasm in the converter, for figures
//! that the validator keeps within a thousand billion and three decimals.
//!
//! Within those limits [`plain`] writes exactly what `format!("{}", v)`
//! would, the shortest digits that read back as the value (tests hold it to
//! that); a whole number below 2^64 is written with every digit of its
//! exact value (std writes 2^63 as 9223372036854776000, this as
//! 9223372036854775808). Beyond that, for values the validator refuses
//! anyway, it writes 16 significant digits in scientific notation, within
//! a few units of the last.

/// Exact powers of ten as floats (every one up to 10^22 is exact).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// 2^53: below it, every whole number is exact in a float.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// The fewest decimals that write `a` (finite, not negative) exactly enough
/// to read back as `a`, with the digits as a whole number; `None` when that
/// takes more digits than a float holds exactly.
fn fixed(a: f64) -> Option<(u64, usize)> {
    if a >= EXACT {
        return None;
    }
    for (d, p) in POW10.iter().enumerate() {
        let x = (a * p + 0.5).floor();
        if x >= EXACT {
            return None;
        }
        // Both exact, so the quotient is the float nearest the decimal
        // x / 10^d: the one that decimal reads back as.
        if x / p == a {
            return Some((x as u64, d));
        }
    }
    None
}

/// How many decimals `v` has as the file can have written it, if it can be
/// written with at most 22.
pub fn decimals(v: f64) -> Option<usize> {
    let a = v.abs();
    if !a.is_finite() {
        return None;
    }
    if a.fract() == 0.0 {
        return Some(0);
    }
    fixed(a).map(|(_, d)| d)
}

/// `v` in plain digits, `-` and `.` as in JSON: `7.125`, `-5`, `150000`;
/// `""` when it is not finite; zero has no sign.
pub fn plain(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    // Not u128, whose division would bring its own code to the page.
    if a.fract() == 0.0 && a < 18_446_744_073_709_551_616.0 {
        return format!("{sign}{}", a as u64);
    }
    match fixed(a) {
        Some((x, d)) => {
            let digits = format!("{x:0>width$}", width = d + 1);
            let (whole, frac) = digits.split_at(digits.len() - d);
            format!("{sign}{whole}.{frac}")
        }
        None => format!("{sign}{}", scientific(a)),
    }
}

/// `v` as `1e20`, `1.5e-7`: for the very large and the very small.
pub fn scientific(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    if a == 0.0 {
        return "0".into();
    }
    // The decimal exponent, by steps of ten from 1: exact enough to place
    // the point, which is all it is for.
    let mut exp = 0i32;
    let mut scaled = a;
    while scaled >= 10.0 {
        scaled /= 10.0;
        exp += 1;
    }
    while scaled < 1.0 {
        scaled *= 10.0;
        exp -= 1;
    }
    // 16 digits: the steps above may have cost the 17th.
    let mut digits = (scaled * 1e15 + 0.5).floor() as u64;
    if digits >= 10_000_000_000_000_000 {
        digits /= 10;
        exp += 1;
    }
    let text = digits.to_string();
    let text = text.trim_end_matches('0');
    let (first, rest) = text.split_at(1);
    let dot = if rest.is_empty() { "" } else { "." };
    format!("{sign}{first}{dot}{rest}e{exp}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_as_json_writes_it() {
        assert_eq!(plain(0.0), "0");
        assert_eq!(plain(-0.0), "0");
        assert_eq!(plain(-5.0), "-5");
        assert_eq!(plain(7.125), "7.125");
        assert_eq!(plain(0.0001), "0.0001");
        assert_eq!(plain(-0.5), "-0.5");
        assert_eq!(plain(1e19), "10000000000000000000");
        assert_eq!(plain(1e20), "1e20");
        assert_eq!(plain(f64::NAN), "");
        for v in [
            0.1 + 0.2,
            1.5e300,
            2.5e-300,
            1.0 / 3.0,
            1.7e308,
            f64::MIN_POSITIVE,
        ] {
            let back: f64 = plain(v).parse().unwrap();
            assert!((back - v).abs() <= v.abs() * 1e-14, "{v} {}", plain(v));
        }
        assert_eq!(scientific(1e20), "1e20");
        assert_eq!(scientific(1e-7), "1e-7");
        assert_eq!(scientific(-1.5e300), "-1.5e300");
        assert_eq!(decimals(7.125), Some(3));
        assert_eq!(decimals(150000.0), Some(0));
        assert_eq!(decimals(0.1 + 0.2), None);
    }

    proptest! {
        #[test]
        fn plain_agrees_with_std_within_the_validators_limits(
            k in 0u64..=1_000_000_000_000_000,
            d in 0usize..=3,
            negative in any::<bool>(),
        ) {
            let v = k as f64 / POW10[d] * if negative { -1.0 } else { 1.0 };
            prop_assume!(v.abs() <= 1e12);
            let std = if v == 0.0 { "0".to_string() } else { format!("{v}") };
            prop_assert_eq!(plain(v), std);
        }

        #[test]
        fn whole_numbers_are_exact(bits in any::<u64>()) {
            let v = f64::from_bits(bits).trunc().abs();
            prop_assume!(v.is_finite() && v < 18_446_744_073_709_551_616.0);
            let text = plain(v);
            prop_assert_eq!(text.parse::<u64>().ok(), Some(v as u64));
            if v < EXACT {
                prop_assert_eq!(text, format!("{v}"));
            }
        }

        #[test]
        fn short_decimals_are_as_std_writes_them(k in 0u64..1u64 << 50, d in 0usize..=8) {
            let v = k as f64 / POW10[d];
            prop_assert_eq!(plain(v), format!("{v}"));
            prop_assert_eq!(decimals(v), Some(format!("{v}").split_once('.').map_or(0, |(_, f)| f.len())));
        }
    }
}
