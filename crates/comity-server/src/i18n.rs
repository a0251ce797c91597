//! Translations with Project Fluent, in the six languages of the United Nations. English is
//! the reference; French, Arabic (right to left), Spanish, Russian and Chinese (Simplified)
//! are complete, and a test fails when any shipped language lacks a message. A translator's
//! doubt is a comment `# review: …` above the message (README, "Translating").

use std::fmt;

pub mod numbers;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A shipped language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Ar,
    Es,
    Ru,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Ar, Lang::Es, Lang::Ru, Lang::Zh];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
        }
    }
    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
            Lang::Es => "Español",
            Lang::Ru => "Русский",
            Lang::Zh => "中文",
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

/// One capability's messages in every shipped language, compiled into the binary. A
/// capability with no file for a language does not build.
pub struct Messages {
    pub capability: &'static str,
    texts: [(Lang, &'static str); 6],
}

macro_rules! messages {
    ($cap:literal) => {
        Messages {
            capability: $cap,
            texts: [
                (
                    Lang::En,
                    include_str!(concat!("../locales/en/", $cap, ".ftl")),
                ),
                (
                    Lang::Fr,
                    include_str!(concat!("../locales/fr/", $cap, ".ftl")),
                ),
                (
                    Lang::Ar,
                    include_str!(concat!("../locales/ar/", $cap, ".ftl")),
                ),
                (
                    Lang::Es,
                    include_str!(concat!("../locales/es/", $cap, ".ftl")),
                ),
                (
                    Lang::Ru,
                    include_str!(concat!("../locales/ru/", $cap, ".ftl")),
                ),
                (
                    Lang::Zh,
                    include_str!(concat!("../locales/zh/", $cap, ".ftl")),
                ),
            ],
        }
    };
}

/// Every capability's messages: `locales/<lang>/<capability>.ftl`.
pub const MESSAGES: [Messages; 14] = [
    messages!("base"),
    messages!("kit"),
    messages!("motion"),
    messages!("election"),
    messages!("assembly"),
    messages!("membership"),
    messages!("network"),
    messages!("treaty"),
    messages!("caucus"),
    messages!("pledges"),
    messages!("sanctions"),
    messages!("initiatives"),
    messages!("consultations"),
    messages!("search"),
];

impl Messages {
    pub fn text(&self, lang: Lang) -> &'static str {
        self.texts
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or("", |(_, t)| *t)
    }
}

/// Every shipped language's messages, parsed once at start-up.
pub struct Catalog {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

#[derive(Debug, thiserror::Error)]
#[error("locales/{lang}/{capability}.ftl: {message}")]
pub struct CatalogError {
    lang: Lang,
    capability: &'static str,
    message: String,
}

impl Catalog {
    /// Parses every file of every language; a syntax error, or an id defined in two files of
    /// one language, is an error naming the file.
    pub fn load() -> Result<Self, CatalogError> {
        let mut bundles = Vec::new();
        for lang in Lang::ALL {
            let id: LanguageIdentifier = lang.code().parse().map_err(|e| CatalogError {
                lang,
                capability: "*",
                message: format!("{e}"),
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Directionality is set on the page (`dir`); isolation marks would leak into attributes.
            bundle.set_use_isolating(false);
            for messages in &MESSAGES {
                let err = |message: String| CatalogError {
                    lang,
                    capability: messages.capability,
                    message,
                };
                let text = messages.text(lang);
                let res = FluentResource::try_new(text.to_owned()).map_err(|(_, errs)| {
                    err(format!(
                        "{} syntax errors, first: {:?}",
                        errs.len(),
                        errs.first()
                    ))
                })?;
                bundle
                    .add_resource(res)
                    .map_err(|errs| err(format!("messages defined twice: {errs:?}")))?;
            }
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

    /// Message ids defined in a language, over all its files.
    pub fn ids(lang: Lang) -> Vec<String> {
        MESSAGES.iter().flat_map(|m| ids_in(m.text(lang))).collect()
    }
}

/// The message ids a Fluent text defines, in order.
fn ids_in(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let (id, _) = l.split_once(" =")?;
            (!id.starts_with([' ', '#', '.']) && !id.is_empty()).then(|| id.trim().to_owned())
        })
        .collect()
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

    /// Ids defined in more than one file of a language: `(id, first file, second file)`.
    fn defined_twice<'a>(files: &[(&'a str, &str)]) -> Vec<(String, &'a str, &'a str)> {
        let mut seen: Vec<(String, &str)> = Vec::new();
        let mut twice = Vec::new();
        for (file, text) in files {
            for id in ids_in(text) {
                match seen.iter().find(|(s, _)| *s == id) {
                    Some((_, first)) => twice.push((id, *first, *file)),
                    None => seen.push((id, file)),
                }
            }
        }
        twice
    }

    /// Per capability, the ids English has that `lang` lacks, and those it has that English lacks.
    fn differences(lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        for m in &MESSAGES {
            let en = ids_in(m.text(Lang::En));
            let ids = ids_in(m.text(lang));
            for id in en.iter().filter(|id| !ids.contains(id)) {
                out.push(format!("{lang}/{}.ftl lacks {id}", m.capability));
            }
            for id in ids.iter().filter(|id| !en.contains(id)) {
                out.push(format!(
                    "{lang}/{}.ftl has {id}, English does not",
                    m.capability
                ));
            }
        }
        out
    }

    #[test]
    fn every_language_has_every_message_in_the_same_file() {
        assert!(Catalog::ids(Lang::En).len() > 900);
        for m in &MESSAGES {
            assert!(
                !ids_in(m.text(Lang::En)).is_empty(),
                "{} is empty",
                m.capability
            );
        }
        for lang in Lang::ALL {
            let diff = differences(lang);
            assert!(diff.is_empty(), "{diff:#?}");
        }
        Catalog::load().unwrap();
    }

    #[test]
    fn no_message_is_defined_in_two_files() {
        for lang in Lang::ALL {
            let files: Vec<(&str, &str)> = MESSAGES
                .iter()
                .map(|m| (m.capability, m.text(lang)))
                .collect();
            let twice = defined_twice(&files);
            assert!(twice.is_empty(), "{lang}: {twice:?}");
        }
    }

    #[test]
    fn the_checks_catch_what_they_claim_to() {
        let files = [("base", "a = 1\nb = 2\n"), ("motion", "c = 3\nb = 4\n")];
        assert_eq!(
            defined_twice(&files),
            vec![("b".to_owned(), "base", "motion")]
        );
        // The loader's bundle refuses the second file, which would otherwise override `b`.
        let en: LanguageIdentifier = "en".parse().unwrap();
        let mut bundle = FluentBundle::new_concurrent(vec![en]);
        let [first, second] = files.map(|(_, t)| FluentResource::try_new(t.to_owned()).unwrap());
        assert!(bundle.add_resource(first).is_ok());
        assert!(bundle.add_resource(second).is_err());
        // Attributes, comments and multi-line values are not ids.
        assert_eq!(
            ids_in("x = 1\n  .attr = 2\n# c = 3\ny =\n    z\n"),
            ["x", "y"]
        );
    }

    /// Every template file under `templates/`, at any depth.
    fn templates(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                templates(&path, out);
            } else {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_message_a_template_uses_exists() {
        let en = Catalog::ids(Lang::En);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let mut files = Vec::new();
        templates(std::path::Path::new(dir), &mut files);
        assert!(files.len() > 30, "{}", files.len());
        let mut used = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(file).unwrap();
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
        assert_eq!(Lang::from_accept_language("de, it"), None);
        assert_eq!(Lang::from_accept_language("de, es"), Some(Lang::Es));
        assert_eq!(
            Lang::from_accept_language("zh-CN,zh;q=0.9,ru;q=0.8"),
            Some(Lang::Zh)
        );
        assert_eq!(Lang::from_accept_language("ru-RU"), Some(Lang::Ru));
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
