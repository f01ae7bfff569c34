//! Writes the word table of the search segmenter: jieba-rs's default dictionary with the
//! policy dictionary merged in, as jieba-rs would hold them after loading both, sorted so that
//! a short text (a query, `zhengce cut`) can take the few words it contains by binary search
//! instead of building the whole dictionary (about 120 ms) in every process.
//!
//! The default dictionary is read from the jieba-rs package cargo resolved for this build
//! (`cargo metadata`); the policy words are merged with jieba-rs itself, so that each gets the
//! frequency `Segmenter::build` gives it. Where the package cannot be found (an unusual cargo
//! set-up), the table is left empty and the segmenter builds the whole dictionary as before:
//! slower to start, the same words.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/data/policy_dict.txt");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = table::bytes().unwrap_or_else(|why| {
        println!("cargo:warning=zhengce: no prebuilt word table ({why}); searches will load the whole dictionary");
        Vec::new()
    });
    std::fs::write(out.join("words.bin"), bytes).expect("OUT_DIR is writable");
}

#[cfg(not(feature = "search"))]
mod table {
    pub fn bytes() -> Result<Vec<u8>, String> {
        Ok(Vec::new())
    }
}

#[cfg(feature = "search")]
mod table {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::process::Command;

    /// The table: `ZCWT`, version, total frequency, word count n, the longest word in
    /// characters, n + 1 offsets into the word bytes, n frequencies, then the words sorted by
    /// their bytes. Integers little-endian; the layout is read by `src/segment/table.rs`.
    pub fn bytes() -> Result<Vec<u8>, String> {
        let path = default_dict()?;
        println!("cargo:rerun-if-changed={}", path.display());
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (mut words, mut total) = parse_default(&text)?;
        // jieba-rs keeps a record for every line of its dictionary, duplicates included.
        let mut records = text.lines().filter(|l| !l.trim().is_empty()).count();
        merge_policy(&mut words, &mut total, &mut records)?;
        Ok(encode(&words, total))
    }

    /// As `Jieba::load_default_dict` holds it: the last line of a word gives its frequency,
    /// and every line counts in the total.
    fn parse_default(text: &str) -> Result<(BTreeMap<String, u64>, u64), String> {
        let mut words = BTreeMap::new();
        let mut total = 0u64;
        for line in text.lines() {
            let mut it = line.split_ascii_whitespace();
            let Some(word) = it.next() else { continue };
            let freq = match it.next() {
                Some(f) => f
                    .parse::<u64>()
                    .map_err(|e| format!("dict.txt `{line}`: {e}"))?,
                None => 0,
            };
            total += freq;
            words.insert(word.to_string(), freq);
        }
        Ok((words, total))
    }

    /// The policy dictionary merged as `load_dict` in `src/segment/words.rs` merges it: each
    /// frequency raised to what `suggest_freq` says keeps the word whole, never lowered below
    /// what the default dictionary has. Its words are folded as the crate folds them: Latin
    /// letters lower-cased, and nothing else to fold (a test checks it).
    fn merge_policy(
        words: &mut BTreeMap<String, u64>,
        total: &mut u64,
        records: &mut usize,
    ) -> Result<(), String> {
        let text =
            std::fs::read_to_string("src/data/policy_dict.txt").map_err(|e| e.to_string())?;
        let mut jieba = jieba_rs::Jieba::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut it = line.split_whitespace();
            let word = it.next().unwrap_or_default().to_ascii_lowercase();
            let word = word.as_str();
            let freq = match it.next() {
                Some(f) => f
                    .parse::<usize>()
                    .map_err(|e| format!("policy `{line}`: {e}"))?,
                None => 0,
            };
            let freq = freq.max(jieba.suggest_freq(word));
            jieba.add_word(word, Some(freq), it.next());
            match words.insert(word.to_string(), freq as u64) {
                Some(old) => *total = *total + freq as u64 - old,
                None => {
                    *total += freq as u64;
                    *records += 1;
                }
            }
        }
        // jieba-rs shows its record count and total in its Debug form: both must agree, or the
        // dictionary read is not the one the crate is built with (another version).
        let shown = format!("{jieba:?}");
        let agrees = shown.contains(&format!("records_len: {records},"))
            && (shown.contains(&format!("total_freq: {total} }}"))
                || shown.contains(&format!("total_freq: {total},")));
        if !agrees {
            return Err(format!(
                "{records} records and total {total} are not jieba's ({shown})"
            ));
        }
        Ok(())
    }

    fn encode(words: &BTreeMap<String, u64>, total: u64) -> Vec<u8> {
        let n = words.len() as u32;
        let longest = words.keys().map(|w| w.chars().count()).max().unwrap_or(0) as u32;
        let blob: usize = words.keys().map(String::len).sum();
        let mut out = Vec::with_capacity(24 + 8 * words.len() + blob);
        out.extend_from_slice(b"ZCWT");
        out.extend_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(&total.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&longest.to_le_bytes());
        let mut at = 0u32;
        out.extend_from_slice(&at.to_le_bytes());
        for w in words.keys() {
            at += w.len() as u32;
            out.extend_from_slice(&at.to_le_bytes());
        }
        for f in words.values() {
            out.extend_from_slice(&(*f as u32).to_le_bytes());
        }
        for w in words.keys() {
            out.extend_from_slice(w.as_bytes());
        }
        out
    }

    /// `src/data/dict.txt` of the jieba-rs package this build depends on, as `cargo metadata`
    /// resolves it.
    fn default_dict() -> Result<PathBuf, String> {
        let cargo = std::env::var("CARGO").map_err(|_| "CARGO is not set".to_string())?;
        let manifest = Path::new(&std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?)
            .join("Cargo.toml");
        let out = Command::new(cargo)
            .args([
                "metadata",
                "--format-version",
                "1",
                "--offline",
                // A build script writes no lock file: without one, no table.
                "--locked",
                // Only the packages of the platform built for: a fresh machine has downloaded
                // no others (the Windows console crates of clap), and offline metadata of the
                // whole graph would fail for want of them.
                "--filter-platform",
            ])
            .arg(std::env::var("TARGET").map_err(|_| "TARGET is not set".to_string())?)
            .arg("--manifest-path")
            .arg(&manifest)
            .output()
            .map_err(|e| format!("cargo metadata: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "cargo metadata: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        let meta: serde_json::Value =
            serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
        let packages = meta["packages"].as_array().ok_or("no packages")?;
        let me = packages
            .iter()
            .find(|p| {
                p["name"] == "zhengce"
                    && p["manifest_path"].as_str().map(Path::new) == Some(manifest.as_path())
            })
            .and_then(|p| p["id"].as_str())
            .ok_or("this package is not in the metadata")?;
        let node = meta["resolve"]["nodes"]
            .as_array()
            .and_then(|ns| ns.iter().find(|n| n["id"] == me))
            .ok_or("no resolve node")?;
        let dep = node["deps"]
            .as_array()
            .and_then(|ds| ds.iter().find(|d| d["name"] == "jieba_rs"))
            .and_then(|d| d["pkg"].as_str())
            .ok_or("jieba-rs is not a resolved dependency")?;
        let jieba = packages
            .iter()
            .find(|p| p["id"] == dep)
            .and_then(|p| p["manifest_path"].as_str())
            .ok_or("jieba-rs has no manifest")?;
        let dict = Path::new(jieba)
            .with_file_name("src")
            .join("data")
            .join("dict.txt");
        if dict.is_file() {
            Ok(dict)
        } else {
            Err(format!("{} is missing", dict.display()))
        }
    }
}
