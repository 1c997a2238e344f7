//! Store to first frame, from a store holding 1,000 headlines and 200 articles: open the
//! store, read the first section's list and its read marks, build the app and draw it.
//! The binary's start (config, eviction, the runtime, the terminal set-up) is left out:
//! `scripts/measure-startup` times the binary from its start to its first frame. Target:
//! at most 50 ms. Figures in docs/PERFORMANCE.md. (`tests/bench_checks.rs` checks the
//! frame lists every stored headline.)

use std::path::PathBuf;
use std::time::Duration;

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "support/startup.rs"]
mod startup;
use startup::{filled_store, first_frame};

fn store_to_first_frame(c: &mut Criterion) {
    let dir = filled_store(PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-startup"));
    let now = Utc::now().fixed_offset();
    assert_eq!(first_frame(&dir, now), 1000);
    c.bench_function(
        "store to first frame (1,000 headlines, 200 articles stored)",
        |b| b.iter(|| first_frame(&dir, now)),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(5));
    targets = store_to_first_frame
}
criterion_main!(benches);
