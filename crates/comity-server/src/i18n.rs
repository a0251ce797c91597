//! Translations with Project Fluent. English is the reference; French and Arabic (right to
//! left) are complete, and a test fails when any shipped language lacks a message.

use std::fmt;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A shipped language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
        }
    }
    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
        }
    }
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
    /// The best shipped language for an `Accept-Language` header (quality values honoured).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut prefs: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let lang = Lang::from_code(bits.next()?)?;
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, lang))
            })
            .collect();
        prefs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        prefs.first().map(|p| p.2)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::Fr, include_str!("../locales/fr.ftl")),
    (Lang::Ar, include_str!("../locales/ar.ftl")),
];

/// Every shipped language's messages, parsed once at start-up.
pub struct Catalog {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

#[derive(Debug, thiserror::Error)]
#[error("locales/{lang}.ftl: {message}")]
pub struct CatalogError {
    lang: Lang,
    message: String,
}

impl Catalog {
    pub fn load() -> Result<Self, CatalogError> {
        let mut bundles = Vec::new();
        for (lang, text) in SOURCES {
            let err = |message: String| CatalogError { lang, message };
            let res = FluentResource::try_new(text.to_owned()).map_err(|(_, errs)| {
                err(format!(
                    "{} syntax errors, first: {:?}",
                    errs.len(),
                    errs.first()
                ))
            })?;
            let id: LanguageIdentifier = lang.code().parse().map_err(|e| err(format!("{e}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Directionality is set on the page (`dir`); isolation marks would leak into attributes.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(res)
                .map_err(|errs| err(format!("duplicate messages: {errs:?}")))?;
            bundles.push((lang, bundle));
        }
        Ok(Self { bundles })
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, b)| b)
    }

    /// The message `id` in `lang`, falling back to English, then to the id itself.
    pub fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for l in [lang, Lang::En] {
            let Some(bundle) = self.bundle(l) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }

    /// Message ids defined in a language.
    pub fn ids(lang: Lang) -> Vec<String> {
        let text = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, t)| *t)
            .unwrap_or("");
        text.lines()
            .filter_map(|l| {
                let (id, _) = l.split_once(" =")?;
                (!id.starts_with([' ', '#', '.']) && !id.is_empty()).then(|| id.trim().to_owned())
            })
            .collect()
    }
}

/// A translator for one request: what templates call.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub catalog: &'a Catalog,
    pub lang: Lang,
}

impl Tr<'_> {
    pub fn t(&self, id: &str) -> String {
        self.catalog.format(self.lang, id, None)
    }
    pub fn t1(&self, id: &str, k: &str, v: impl ToFluent) -> String {
        let mut args = FluentArgs::new();
        args.set(k.to_owned(), v.to_fluent());
        self.catalog.format(self.lang, id, Some(&args))
    }
    pub fn t2(&self, id: &str, k1: &str, v1: impl ToFluent, k2: &str, v2: impl ToFluent) -> String {
        let mut args = FluentArgs::new();
        args.set(k1.to_owned(), v1.to_fluent());
        args.set(k2.to_owned(), v2.to_fluent());
        self.catalog.format(self.lang, id, Some(&args))
    }
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }
    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }
}

/// Values a message can take as an argument.
pub trait ToFluent {
    fn to_fluent(&self) -> FluentValue<'static>;
}
impl ToFluent for &str {
    fn to_fluent(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl ToFluent for String {
    fn to_fluent(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
impl ToFluent for &String {
    fn to_fluent(&self) -> FluentValue<'static> {
        FluentValue::from((*self).clone())
    }
}
macro_rules! numeric {
    ($($t:ty),*) => {$(
        impl ToFluent for $t {
            fn to_fluent(&self) -> FluentValue<'static> { FluentValue::from(*self as f64) }
        }
        impl ToFluent for &$t {
            fn to_fluent(&self) -> FluentValue<'static> { FluentValue::from(**self as f64) }
        }
    )*};
}
numeric!(u8, u16, u32, u64, usize, i8, i32, i64, f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message() {
        let en = Catalog::ids(Lang::En);
        assert!(en.len() > 50, "{}", en.len());
        for lang in [Lang::Fr, Lang::Ar] {
            let ids = Catalog::ids(lang);
            let missing: Vec<&String> = en.iter().filter(|id| !ids.contains(id)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            let extra: Vec<&String> = ids.iter().filter(|id| !en.contains(id)).collect();
            assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
        }
        Catalog::load().unwrap();
    }

    #[test]
    fn every_message_a_template_uses_exists() {
        let en = Catalog::ids(Lang::En);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let mut used = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for part in text.split("tr.t").skip(1) {
                if let Some(rest) = part.trim_start_matches(['1', '2']).strip_prefix("(\"") {
                    used.push(rest.split('"').next().unwrap().to_owned());
                }
            }
        }
        assert!(used.len() > 20);
        let missing: Vec<&String> = used.iter().filter(|id| !en.contains(id)).collect();
        assert!(
            missing.is_empty(),
            "templates use undefined messages: {missing:?}"
        );
    }

    #[test]
    fn accept_language_is_negotiated() {
        assert_eq!(
            Lang::from_accept_language("fr-CH, fr;q=0.9, en;q=0.8"),
            Some(Lang::Fr)
        );
        assert_eq!(
            Lang::from_accept_language("de, ar;q=0.5, en;q=0.4"),
            Some(Lang::Ar)
        );
        assert_eq!(Lang::from_accept_language("de, es"), None);
        assert_eq!(
            Lang::from_accept_language("en;q=0, fr;q=0.1"),
            Some(Lang::Fr)
        );
    }

    #[test]
    fn arguments_are_formatted() {
        let c = Catalog::load().unwrap();
        let tr = Tr {
            catalog: &c,
            lang: Lang::En,
        };
        assert_eq!(tr.t1("journal-entries", "count", 3u64), "3 entries");
        assert_eq!(tr.t1("journal-entries", "count", 1u64), "1 entry");
    }
}
