//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// `../shared/<rel>` beside the repository, or `None` (with a message) where it is absent, as in
/// a user's fresh clone.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipping: {} is absent (it ships beside the repository, not in it)",
            p.display()
        );
        None
    }
}
