//! `learn quiz`: spaced-repetition drill of the course's questions (FSRS).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The memory state of one question, as stored in the progress file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardState {
    /// When the question is next due.
    pub due: DateTime<Utc>,
    /// FSRS stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1-10.
    pub difficulty: f64,
    /// How often it was reviewed, and forgotten.
    pub reps: i32,
    pub lapses: i32,
    /// new | learning | review | relearning
    pub state: String,
    pub last_review: DateTime<Utc>,
    #[serde(default)]
    pub elapsed_days: i64,
    #[serde(default)]
    pub scheduled_days: i64,
}

/// One answer in the review log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub at: DateTime<Utc>,
    pub question: String,
    /// 1 again, 2 hard, 3 good, 4 easy.
    pub rating: u8,
}

pub fn run(_ctx: &mut crate::app::Ctx, _args: &crate::cli::QuizArgs) -> anyhow::Result<u8> {
    anyhow::bail!("learn quiz is not built yet")
}
