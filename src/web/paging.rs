//! Page links for the lists that grow (my applications, the queue, notifications).

use serde::Deserialize;

/// Page links for an offset-paginated list.
pub struct Pagination {
    pub page: i64,
    pub pages: i64,
    pub base: String,
    /// `?` or `&`, whichever joins `page=` to `base`.
    pub separator: &'static str,
}

impl Pagination {
    /// `base` is the list's URL, with its filters in the query string if any.
    pub fn new(page: i64, total: i64, per_page: i64, base: &str) -> Pagination {
        let pages = ((total + per_page - 1) / per_page).max(1);
        let separator = if base.contains('?') { "&" } else { "?" };
        Pagination { page: page.clamp(1, pages), pages, base: base.to_owned(), separator }
    }

    pub fn offset(&self, per_page: i64) -> i64 {
        (self.page - 1) * per_page
    }

    pub fn has_previous(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.pages
    }
}

/// `?page=N` of a paginated list.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

impl PageQuery {
    /// The page asked for; anything that is not a number is the first page.
    pub fn page(&self) -> Option<i64> {
        self.page.as_deref().and_then(|p| p.trim().parse().ok())
    }
}
