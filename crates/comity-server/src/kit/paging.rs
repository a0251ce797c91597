//! Lists in pages (issue 22, item 6): a list grows with the journal (one delegate could
//! table tens of thousands of motions), so a page shows at most [`PER_PAGE`] rows, newest
//! first, with links to the others; the API takes `page` and `per_page` and says in the
//! `Link` header where the next page is.

use axum::http::{HeaderValue, header};
use axum::response::Response;
use serde::Deserialize;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pager {
    /// From 1.
    pub page: usize,
    pub pages: usize,
    pub per_page: usize,
    pub total: usize,
    /// The page's address without its query (`/motions`), for the links to the others.
    pub path: &'static str,
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
            path: "",
        }
    }

    /// The same, on the page at `path` (what `templates/kit/pager.html` links to).
    pub fn at(self, path: &'static str) -> Self {
        Self { path, ..self }
    }

    /// A page as a web page shows it: the default number of rows, whatever `per_page` says
    /// (only the API takes that), at `path`.
    pub fn for_page(total: usize, q: &PageQuery, path: &'static str) -> Self {
        let q = PageQuery {
            page: q.page,
            per_page: None,
        };
        Self::new(total, &q).at(path)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn q(page: Option<usize>, per_page: Option<usize>) -> PageQuery {
        PageQuery { page, per_page }
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
