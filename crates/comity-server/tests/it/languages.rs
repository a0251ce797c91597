//! Issue 25: every page kind, in every language but English, shows none of the English
//! interface's phrases. The pages are found by following the links of an alliance that has
//! done every kind of act (the golden journal), from the home page, two of each kind (a path
//! with its numbers and codes taken out); each is then rendered in every other language and
//! searched for the English text of every message that language words otherwise.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use axum::http::StatusCode;
use comity_server::i18n::{Catalog, Lang};

use crate::fixture::TestApp;
use crate::get;

/// A message's text as its file gives it, where it is one line without arguments.
fn plain_messages(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| {
            let (id, value) = l.split_once(" = ")?;
            (!id.starts_with([' ', '#', '.', '-']) && !value.contains('{'))
                .then(|| (id.trim().to_owned(), value.trim().to_owned()))
        })
        .collect()
}

/// The English phrases a page in `lang` must not show: messages of three words or more
/// (a message `lang` leaves in English is one of them).
fn english_phrases(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in &comity_server::i18n::MESSAGES {
        let en = plain_messages(m.text(Lang::En));
        let theirs = plain_messages(m.text(lang));
        for (id, text) in en {
            let words = text.split_whitespace().count();
            if words >= 3 && text.len() >= 15 && theirs.contains_key(&id) {
                out.push((id, text));
            }
        }
    }
    out
}

fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The site's own page links in a page: no API, downloads, tiles or sign-out.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in html.split("href=\"").skip(1) {
        let Some(href) = part.split('"').next() else {
            continue;
        };
        let href = unescape(href);
        let path = href.split(['?', '#']).next().unwrap_or("");
        let download = [
            ".csv", ".json", ".jsonl", ".xml", ".toml", ".atom", ".ics", ".txt", ".svg", ".html",
        ]
        .iter()
        .any(|e| path.ends_with(e));
        if path.starts_with('/')
            && !path.starts_with("//")
            && !path.starts_with("/api")
            && !path.starts_with("/journal/tile")
            && !path.starts_with("/static")
            && !path.contains("/proof")
            && !path.ends_with("/logout")
            && !download
        {
            out.push(path.to_owned());
        }
    }
    out
}

/// A page's kind: its path with every segment holding a digit or an upper-case code taken out.
fn kind(path: &str) -> String {
    path.split('/')
        .map(|s| {
            if s.chars().any(|c| c.is_ascii_digit())
                || (s.len() >= 2 && s.chars().all(|c| c.is_ascii_uppercase()))
            {
                "*"
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn every_page_kind_in_every_language_shows_no_english_phrase() {
    let (app, _) = TestApp::golden().build().await;
    // The pages, two of each kind, found from the home page in English.
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut pages: Vec<String> = Vec::new();
    let mut queue: VecDeque<String> = ["/".to_owned()].into();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let k = kinds.entry(kind(&path)).or_default();
        if *k >= 2 {
            continue;
        }
        let (status, ctype, body) = get(&app, &format!("{path}?lang=en"), None).await;
        if status != StatusCode::OK || !ctype.starts_with("text/html") {
            continue;
        }
        *k += 1;
        pages.push(path);
        queue.extend(links(&body));
    }
    // Search answers a form in every page's header, not a link.
    pages.push("/search".into());
    pages.push("/search?q=democra&kind=motion,treaty".into());
    assert!(kinds.len() >= 40, "{} page kinds: {kinds:?}", kinds.len());
    for want in [
        "/motions/",
        "/treaties/",
        "/elections/",
        "/initiatives/",
        "/consultations/",
        "/pledges/",
        "/sanctions/",
        "/caucus/",
        "/members/",
        "/organs/",
        "/journal/",
    ] {
        assert!(
            kinds
                .keys()
                .any(|k| k.starts_with(want) && k.len() > want.len()),
            "no page under {want}: {kinds:?}"
        );
    }
    let catalog = Catalog::load().unwrap();
    let content = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../comity-core/tests/golden/journal.jsonl"
    ))
    .unwrap()
    .to_lowercase();
    let mut own: BTreeMap<String, bool> = BTreeMap::new();
    let mut found: Vec<String> = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let phrases = english_phrases(lang);
        assert!(phrases.len() > 500, "{lang}: {}", phrases.len());
        for path in &pages {
            let sep = if path.contains('?') { '&' } else { '?' };
            let (status, _, body) = get(&app, &format!("{path}{sep}lang={lang}"), None).await;
            assert_eq!(status, StatusCode::OK, "{path} in {lang}");
            assert!(body.contains(&format!("<html lang=\"{lang}\"")), "{path}");
            let text = unescape(&body);
            for (id, phrase) in &phrases {
                // The institution's own records (its charter, treaties, motions, as the
                // journal holds them) are its words, shown as written until it gives them in
                // other languages: a phrase they contain is not the interface's.
                if text.contains(phrase.as_str())
                    && !*own
                        .entry(phrase.clone())
                        .or_insert_with(|| content.contains(&phrase.to_lowercase()))
                {
                    found.push(format!(
                        "{path} in {lang}: {id} = {phrase:?} (theirs: {:?})",
                        catalog.format(lang, id, None)
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} English phrases on pages in other languages:\n{}",
        found.len(),
        found.join("\n")
    );
}
