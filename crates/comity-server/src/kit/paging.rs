//! Lists in pages (issue 22, item 6): a list grows with the journal (one delegate could
//! table tens of thousands of motions), so a page shows at most [`PER_PAGE`] rows, newest
//! first, with links to the others; the API takes `page` and `per_page` and says in the
//! `Link` header where the next page is.

use axum::Json;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// Rows a page shows.
pub const PER_PAGE: usize = 100;
/// The most rows an API caller may ask for at once.
pub const MAX_PER_PAGE: usize = 1_000;

/// `?page=N` (from 1) and, on the API, `?per_page=N`.
#[derive(Debug, Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The page, from 1 (the newest rows).
    pub page: Option<usize>,
    /// Rows per page, up to 1000 (100 by default).
    pub per_page: Option<usize>,
}

/// Where a page stands in its list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// From 1.
    pub page: usize,
    pub pages: usize,
    pub per_page: usize,
    pub total: usize,
    /// The page's address and its query without `page`, ready for `page=N`
    /// (`/pledges?state=DNK&`): what `templates/kit/pager.html` links to.
    pub base: String,
}

impl Pager {
    /// The page asked for, brought within the list (a page past the end shows the last).
    pub fn new(total: usize, q: &PageQuery) -> Self {
        let per_page = q.per_page.unwrap_or(PER_PAGE).clamp(1, MAX_PER_PAGE);
        let pages = total.div_ceil(per_page).max(1);
        let page = q.page.unwrap_or(1).clamp(1, pages);
        Self {
            page,
            pages,
            per_page,
            total,
            base: String::new(),
        }
    }

    /// The pager of a web page's list of `total` rows: the page its query asks for, the
    /// default number of rows (only the API takes `per_page`), links that keep the query's
    /// other parameters (a list's filters).
    pub fn on(total: usize, req: &crate::web::Req) -> Self {
        let mut page = None;
        let mut base = form_urlencoded::Serializer::new(String::new());
        for (k, v) in form_urlencoded::parse(req.query.as_bytes()) {
            match &*k {
                "page" => page = v.trim().parse().ok(),
                "per_page" => {}
                _ => {
                    base.append_pair(&k, &v);
                }
            }
        }
        let rest = base.finish();
        let q = PageQuery {
            page,
            per_page: None,
        };
        Self {
            base: if rest.is_empty() {
                format!("{}?", req.path)
            } else {
                format!("{}?{rest}&", req.path)
            },
            ..Self::new(total, &q)
        }
    }

    /// The rows of this page, from every row.
    pub fn slice<T>(&self, rows: Vec<T>) -> Vec<T> {
        let (skip, take) = self.window();
        rows.into_iter().skip(skip).take(take).collect()
    }

    /// How many rows to skip, and how many to show.
    pub fn window(&self) -> (usize, usize) {
        ((self.page - 1) * self.per_page, self.per_page)
    }

    pub fn prev(&self) -> Option<usize> {
        (self.page > 1).then(|| self.page - 1)
    }

    pub fn next(&self) -> Option<usize> {
        (self.page < self.pages).then(|| self.page + 1)
    }

    /// `Link: <…?page=N&per_page=M>; rel="next"` (and `prev`), and the total in
    /// `X-Total-Count`, on an API list.
    pub fn headers(&self, path: &str, mut res: Response) -> Response {
        let link = |page: usize, rel: &str| {
            format!(
                "<{path}?page={page}&per_page={}>; rel=\"{rel}\"",
                self.per_page
            )
        };
        let links: Vec<String> = [
            self.prev().map(|p| link(p, "prev")),
            self.next().map(|p| link(p, "next")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if let Ok(v) = HeaderValue::from_str(&links.join(", "))
            && !links.is_empty()
        {
            res.headers_mut().insert(header::LINK, v);
        }
        res.headers_mut()
            .insert("x-total-count", HeaderValue::from(self.total));
        res
    }
}

/// An API list a page at a time: the page's rows as a JSON array, with `Link` and
/// `X-Total-Count`.
pub fn json_list<T: Serialize>(
    path: &str,
    q: &PageQuery,
    rows: impl ExactSizeIterator<Item = T>,
) -> Response {
    let pager = Pager::new(rows.len(), q);
    let (skip, take) = pager.window();
    let page: Vec<T> = rows.skip(skip).take(take).collect();
    pager.headers(path, Json(page).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(page: Option<usize>, per_page: Option<usize>) -> PageQuery {
        PageQuery { page, per_page }
    }

    #[test]
    fn a_page_keeps_its_filters_in_the_links() {
        let req = |query: &str| crate::web::Req {
            lang: crate::i18n::Lang::En,
            path: "/pledges".into(),
            viewer: None,
            pre_csrf: None,
            address: "unknown".into(),
            query: query.into(),
        };
        let p = Pager::on(250, &req("state=DNK&page=2&per_page=5&theme=a%20b"));
        assert_eq!((p.page, p.per_page), (2, PER_PAGE), "pages ignore per_page");
        assert_eq!(p.base, "/pledges?state=DNK&theme=a+b&");
        assert_eq!(Pager::on(250, &req("")).base, "/pledges?");
        assert_eq!(Pager::on(250, &req("page=x")).page, 1);
        assert_eq!(p.slice((0..250).collect()), (100..200).collect::<Vec<_>>());
    }

    #[test]
    fn pages_are_brought_within_the_list() {
        let p = Pager::new(250, &q(None, None));
        assert_eq!((p.page, p.pages, p.window()), (1, 3, (0, 100)));
        assert_eq!((p.prev(), p.next()), (None, Some(2)));
        let p = Pager::new(250, &q(Some(9), None));
        assert_eq!((p.page, p.window()), (3, (200, 100)));
        assert_eq!(p.next(), None);
        let p = Pager::new(0, &q(Some(0), Some(0)));
        assert_eq!((p.page, p.pages, p.per_page), (1, 1, 1));
        assert_eq!(
            Pager::new(10, &q(None, Some(1_000_000))).per_page,
            MAX_PER_PAGE
        );
    }
}
