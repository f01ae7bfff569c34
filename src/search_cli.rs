//! The `index` and `search` commands' terminal side: progress, summaries, result listing.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use zhengce::dates::Date;
use zhengce::search::batch::{index_paths, Progress};
use zhengce::search::{Archive, Query, SearchResults};
use zhengce::DocType;

/// A progress bar on a terminal.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, files: usize) {
        self.0.set_length(files as u64);
    }
    fn done(&self, _path: &Path, _bytes: u64) {
        self.0.inc(1);
    }
}

/// The writer's memory in bytes for `--heap-mb` and `--threads`, or why they will not do.
/// Checked before the archive is opened, so that a bad value is reported once, at the start.
pub fn writer_memory(heap_mb: usize, threads: Option<usize>) -> anyhow::Result<usize> {
    use zhengce::search::{MAX_HEAP_PER_THREAD, MIN_HEAP_PER_THREAD};
    // The archive's default: the cores, at most 4.
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(4)));
    if !(1..=MAX_THREADS).contains(&threads) {
        anyhow::bail!("--threads {threads}: give 1 to {MAX_THREADS}");
    }
    let max_mb = MAX_HEAP_PER_THREAD.saturating_mul(threads) >> 20;
    let bytes = heap_mb
        .checked_mul(1 << 20)
        .filter(|b| b / threads <= MAX_HEAP_PER_THREAD)
        .ok_or_else(|| {
            anyhow::anyhow!(
                "--heap-mb {heap_mb}: at most {max_mb} MB for {threads} thread{}",
                if threads == 1 { "" } else { "s" }
            )
        })?;
    // Less than the least a thread needs is raised to that.
    Ok(bytes.max(MIN_HEAP_PER_THREAD * threads))
}

/// The most indexing threads `--threads` takes.
const MAX_THREADS: usize = 64;

/// An error of the archive for the command line: a held lock and a damaged archive say what
/// is going on and what to do, in one line (without tantivy's long account of the damage).
pub fn archive_error(e: zhengce::Error) -> anyhow::Error {
    match e {
        zhengce::Error::DamagedArchive { path, .. } => anyhow::anyhow!(
            "{}: the archive is damaged or was made by another version of zhengce; \
             delete the directory and run `zhengce index` again",
            path.display()
        ),
        e => e.into(),
    }
}

/// Leaves out the report of a panic inside tantivy on standard error: the library turns such
/// a panic, over a damaged archive, into an error ([`archive_error`]), and that is reported
/// instead. Any other panic is reported as before.
pub fn hush_tantivy_panics() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_tantivy = info.location().is_some_and(|l| {
            let f = l.file().replace('\\', "/");
            f.contains("/tantivy-") || f.contains("/tantivy/")
        });
        if !in_tantivy {
            hook(info);
        }
    }));
}

pub fn index(archive: &Archive, paths: &[PathBuf], max_bytes: u64) -> anyhow::Result<ExitCode> {
    // Metrics are not indexed; the rest of the analysis is.
    let analyzer = zhengce::Analyzer::builder()
        .max_input_bytes(max_bytes)
        .stages(zhengce::Stages::Index)
        .build();
    let t = Instant::now();
    let report = if io::stderr().is_terminal() {
        let bar = ProgressBar::new(0).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta})")
                .expect("valid template"),
        );
        let r = index_paths(archive, &analyzer, paths, &Bar(bar.clone()));
        bar.finish_and_clear();
        r.map_err(archive_error)?
    } else {
        index_paths(archive, &analyzer, paths, &()).map_err(archive_error)?
    };
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "zhengce: indexed {} files ({} new, {} changed, {} unchanged, {} removed), {:.1} MB in {:.1} s ({:.1} MB/s) into {}",
        report.files,
        report.added,
        report.updated,
        report.unchanged,
        report.removed.len(),
        report.bytes as f64 / 1e6,
        secs,
        report.bytes as f64 / 1e6 / secs.max(1e-9),
        archive.dir().display()
    );
    if report.failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "zhengce: {} files could not be indexed:",
        report.failed.len()
    );
    for e in &report.failed {
        eprintln!("  {e}");
    }
    Ok(ExitCode::from(2))
}

/// The type `--type` names, or why it names none.
pub fn doc_type(name: Option<String>) -> anyhow::Result<Option<DocType>> {
    name.map(|t| {
        DocType::from_name(&t).ok_or_else(|| {
            anyhow::anyhow!(
                "unknown --type `{t}`; one of {}",
                DocType::ALL.map(DocType::name).join(", ")
            )
        })
    })
    .transpose()
}

#[allow(clippy::too_many_arguments)]
pub fn query(
    text: &str,
    limit: usize,
    passages: usize,
    chars: usize,
    doc_type: Option<String>,
    issuer: Option<String>,
    since: Option<String>,
    until: Option<String>,
) -> anyhow::Result<Query> {
    let mut q = Query::new(text)
        .limit(limit)
        .passages(passages)
        .snippet_chars(chars);
    if let Some(t) = self::doc_type(doc_type)? {
        q = q.doc_type(t);
    }
    if let Some(i) = issuer {
        q = q.issuer(&i);
    }
    let date = |flag: &str, s: &str| {
        Date::parse_iso(s)
            .ok_or_else(|| anyhow::anyhow!("--{flag} `{s}` is not a date (YYYY-MM-DD)"))
    };
    if let Some(s) = since {
        q = q.since(date("since", &s)?);
    }
    if let Some(u) = until {
        q = q.until(date("until", &u)?);
    }
    Ok(q)
}

pub fn print(out: &mut impl Write, r: &SearchResults) -> io::Result<()> {
    if r.hits.is_empty() {
        if r.documents > 0 {
            return writeln!(
                out,
                "no results past {} for `{}` ({} documents match)",
                r.offset, r.query, r.documents
            );
        }
        return writeln!(out, "no results for `{}`", r.query);
    }
    let colour = io::stdout().is_terminal();
    // The whole match set: how many, and of what type, year and issuer.
    let top = |fs: &[zhengce::search::FacetCount]| {
        let mut parts: Vec<String> = fs
            .iter()
            .take(6)
            .map(|f| {
                let v = if f.value.is_empty() { "—" } else { &f.value };
                format!("{v} {}", f.count)
            })
            .collect();
        if fs.len() > 6 {
            parts.push("…".into());
        }
        parts.join(", ")
    };
    if r.relaxed {
        writeln!(
            out,
            "no document has all of `{}`; showing the closest",
            r.query
        )?;
    }
    writeln!(
        out,
        "{} documents; showing {}–{} · type: {} · year: {}",
        r.documents,
        r.offset + 1,
        r.offset + r.hits.len(),
        top(&r.facets.doc_type),
        top(&r.facets.year)
    )?;
    if !r.facets.issuer.is_empty() {
        writeln!(out, "issuer: {}", top(&r.facets.issuer))?;
    }
    writeln!(out)?;
    for (i, h) in r.hits.iter().enumerate() {
        let i = i + r.offset;
        let mut meta = vec![h.doc_type.clone()];
        meta.extend(h.date.clone().or_else(|| h.year.map(|y| y.to_string())));
        meta.extend(h.issuer.clone());
        meta.extend(h.doc_number.clone());
        writeln!(
            out,
            "{}. {}  [{}]",
            i + 1,
            h.title.as_deref().unwrap_or("(no title)"),
            meta.join(" · ")
        )?;
        writeln!(out, "   {}", h.key)?;
        for p in &h.passages {
            let mut place = p.section.clone();
            if let Some(hd) = &p.heading {
                // An article's heading is its whole first sentence: show its start.
                let short: String = hd.chars().take(40).collect();
                let more = if short.len() < hd.len() { "…" } else { "" };
                place = format!("{place} {short}{more}");
            }
            if let Some(pt) = &p.point {
                place = format!("{place} · {pt}");
            }
            if !place.trim().is_empty() {
                writeln!(out, "   {}", place.trim())?;
            }
            let s = if colour {
                p.snippet.to_ansi()
            } else {
                p.snippet.to_plain()
            };
            writeln!(out, "     {s}")?;
        }
        for k in &h.reposts {
            writeln!(out, "   also: {k}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `zhengce search --stdin`: one query a line in, one JSON result a line out, flushed after
/// each so that a script can talk to it; a bad query gives `{"query": …, "error": …}` and the
/// next line is read. Blank lines are passed over.
pub fn search_lines(
    archive: &Archive,
    input: &mut impl io::BufRead,
    out: &mut impl Write,
    make: impl Fn(&str) -> anyhow::Result<Query>,
) -> anyhow::Result<()> {
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let result = make(text).and_then(|q| archive.search(&q).map_err(archive_error));
        match result {
            Ok(r) => serde_json::to_writer(&mut *out, &r).map_err(io::Error::from)?,
            Err(e) => serde_json::to_writer(
                &mut *out,
                &serde_json::json!({"query": text, "error": e.to_string()}),
            )
            .map_err(io::Error::from)?,
        }
        writeln!(out)?;
        out.flush()?;
    }
}
