//! Numbers as each language writes them: the grouping separator and where it applies (Spanish
//! leaves four digits ungrouped), the decimal sign, from CLDR's data through ICU4X — no table
//! of our own. Arabic pages keep the Latin digits the rest of the page (dates, codes, hashes)
//! uses (`ar-u-nu-latn`).

use icu_decimal::input::Decimal;
use icu_decimal::options::DecimalFormatterOptions;
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use icu_locale_core::Locale;

use super::Lang;

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar-u-nu-latn",
        other => other.code(),
    }
}

/// The formatter of each shipped language, made once per thread (ICU4X's data handles are
/// not shared between threads). A language CLDR's data could not serve (none of the six)
/// would write plain digits.
fn make(lang: Lang) -> Option<DecimalFormatter> {
    let l = locale(lang).parse::<Locale>().ok()?;
    DecimalFormatter::try_new(
        DecimalFormatterPreferences::from(&l),
        DecimalFormatterOptions::default(),
    )
    .ok()
}

thread_local! {
    static FORMATTERS: Vec<(Lang, Option<DecimalFormatter>)> =
        Lang::ALL.into_iter().map(|l| (l, make(l))).collect();
}

fn write(d: &Decimal, lang: Lang) -> String {
    FORMATTERS.with(|all| match all.iter().find(|(l, _)| *l == lang) {
        Some((_, Some(f))) => f.format(d).to_string(),
        _ => d.to_string(),
    })
}

/// A whole number: `1,234,567` in English, `1 234 567` in French and Russian, `1.234.567` in
/// Spanish.
pub fn integer(n: i64, lang: Lang) -> String {
    write(&Decimal::from(n), lang)
}

/// A number rounded to `places` decimals, trailing zeros kept: `0.50`, `0,50`.
pub fn decimal(x: f64, places: u8, lang: Lang) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let scaled = (x * 10f64.powi(i32::from(places))).round();
    // Beyond what an i64 holds the digits are no longer exact anyway.
    let mut d = Decimal::from(scaled.clamp(i64::MIN as f64, i64::MAX as f64) as i64);
    d.multiply_pow10(-i16::from(places));
    write(&d, lang)
}

/// A share as a percentage with one decimal (two below 1 %), the sign placed as the
/// language's typography wants it (a no-break space before it in French, Spanish and
/// Russian).
pub fn percent(p: f64, lang: Lang) -> String {
    let v = p * 100.0;
    let places = if v != 0.0 && v.abs() < 1.0 { 2 } else { 1 };
    let digits = decimal(v, places, lang);
    match lang {
        Lang::Fr | Lang::Es | Lang::Ru => format!("{digits}\u{a0}%"),
        Lang::En | Lang::Ar | Lang::Zh => format!("{digits}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_its_numbers() {
        let n = 1_234_567;
        assert_eq!(integer(n, Lang::En), "1,234,567");
        assert_eq!(integer(n, Lang::Fr), "1\u{202f}234\u{202f}567");
        assert_eq!(integer(n, Lang::Es), "1.234.567");
        assert_eq!(integer(n, Lang::Ru), "1\u{a0}234\u{a0}567");
        assert_eq!(integer(n, Lang::Zh), "1,234,567");
        assert_eq!(integer(n, Lang::Ar), "1,234,567");
        // Spanish groups only from five digits on (CLDR's minimum grouping digits).
        assert_eq!(integer(4_321, Lang::Es), "4321");
        assert_eq!(integer(4_321, Lang::En), "4,321");
        assert_eq!(integer(-12, Lang::En), "-12");
        assert_eq!(decimal(0.5, 2, Lang::En), "0.50");
        assert_eq!(decimal(0.5, 2, Lang::Fr), "0,50");
        assert_eq!(decimal(0.5, 2, Lang::Ru), "0,50");
        assert_eq!(decimal(1234.567, 1, Lang::Es), "1234,6");
        assert_eq!(percent(1.0 / 6.0, Lang::En), "16.7%");
        assert_eq!(percent(1.0 / 6.0, Lang::Fr), "16,7\u{a0}%");
        assert_eq!(percent(0.0042, Lang::Es), "0,42\u{a0}%");
        assert_eq!(percent(0.0, Lang::Ar), "0.0%");
    }
}
