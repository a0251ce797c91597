//! Long work the secretariat starts from a form (a ratings import, a volunteers' import, a
//! lottery's draw) runs as a background task; its page shows a progress bar and is reloaded
//! by the browser through the HTTP `Refresh` header (no JavaScript, and no meta refresh, which
//! axe fails under WCAG 2.2.1) until the outcome replaces the bar. Jobs live in memory: a
//! restart forgets them (what they recorded is in the journal), and only the latest
//! [`KEEP`] of each kind are kept.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::http::HeaderValue;
use axum::http::header::REFRESH;
use axum::response::Response;

/// How many finished or running jobs of one kind are kept.
pub const KEEP: usize = 64;

/// One job: how far it has come, what it is doing, and its outcome once done.
pub struct Job<T> {
    pub total: usize,
    pub done: usize,
    pub current: String,
    pub outcome: Option<T>,
}

/// The jobs of one kind this server has run.
pub struct Jobs<T> {
    next: AtomicU64,
    jobs: Mutex<BTreeMap<u64, Job<T>>>,
}

impl<T> Default for Jobs<T> {
    fn default() -> Self {
        Self {
            next: AtomicU64::new(0),
            jobs: Mutex::new(BTreeMap::new()),
        }
    }
}

impl<T> Jobs<T> {
    /// Start a job; `None` only if the list is poisoned.
    pub fn start(&self, total: usize, current: String) -> Option<u64> {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let job = Job {
            total,
            done: 0,
            current,
            outcome: None,
        };
        let mut jobs = self.jobs.lock().ok()?;
        jobs.insert(id, job);
        while jobs.len() > KEEP {
            jobs.pop_first();
        }
        Some(id)
    }

    /// Jobs started and not yet finished.
    pub fn running(&self) -> usize {
        self.jobs
            .lock()
            .map(|m| m.values().filter(|j| j.outcome.is_none()).count())
            .unwrap_or(0)
    }

    pub fn update(&self, id: u64, f: impl FnOnce(&mut Job<T>)) {
        if let Ok(mut m) = self.jobs.lock()
            && let Some(j) = m.get_mut(&id)
        {
            f(j);
        }
    }

    /// Read a job: `Err` if the list is poisoned, `Ok(None)` if there is no such job.
    pub fn read<R>(&self, id: u64, f: impl FnOnce(&Job<T>) -> R) -> Result<Option<R>, ()> {
        let jobs = self.jobs.lock().map_err(|_| ())?;
        Ok(jobs.get(&id).map(f))
    }
}

/// While a job runs, its page asks the browser to reload it every two seconds.
pub fn refreshing(mut res: Response, running: bool) -> Response {
    if running {
        res.headers_mut()
            .insert(REFRESH, HeaderValue::from_static("2"));
    }
    res
}
