//! Where the app reads the time, to date its messages and end its notices: the system's
//! clock, or a stopped one that only moves when told (for tests of what time changes).

use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeDelta, Utc};

#[derive(Debug, Clone, Default)]
pub struct Clock(Option<Arc<Mutex<DateTime<Utc>>>>);

impl Clock {
    /// A clock stopped at `at`; [`Clock::advance`] moves it, and every copy with it.
    pub fn stopped(at: DateTime<Utc>) -> Self {
        Clock(Some(Arc::new(Mutex::new(at))))
    }

    /// Moves a stopped clock on by `by`; the system's clock moves by itself.
    pub fn advance(&self, by: TimeDelta) {
        if let Some(at) = &self.0 {
            *at.lock().unwrap_or_else(|p| p.into_inner()) += by;
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.0 {
            Some(at) => *at.lock().unwrap_or_else(|p| p.into_inner()),
            None => Utc::now(),
        }
    }
}
