//! The `zhengce` command line: a thin layer over the library.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
#[cfg(feature = "search")]
use zhengce::search::kwic::{self, KwicQuery};
#[cfg(feature = "search")]
use zhengce::search::trend::{GroupBy, TrendQuery};

#[cfg(feature = "search")]
mod search_cli;

// See Cargo.toml: indexing spends a tenth less time with it.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Reads Chinese government and policy texts and returns their structure.
#[derive(Parser, Debug)]
#[command(name = "zhengce", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse files (or `-` for standard input) and print the analysis record.
    Analyze {
        /// Files to analyse; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// json: the record (one object, or one per line for several files); text: an outline.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, default_value_t = zhengce::decode::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// The table of action points: document, section, point, actor, partners, modal, strength,
    /// deadline, sentence.
    Actions {
        /// Files to read; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// json: one object per row and line; csv: for a spreadsheet; md: a Markdown table.
        #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
        format: TableFormat,
        /// Start CSV with a UTF-8 byte order mark, so that Excel shows the Chinese text.
        #[arg(long)]
        bom: bool,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, default_value_t = zhengce::decode::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// The task table (任务分工表): each numbered measure with 序号, 任务, 具体内容, 牵头单位,
    /// 配合单位, 完成时限, 指标 and 出处.
    Tasks {
        /// Files to read; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// csv: for a spreadsheet; md: a Markdown table; json: one object per row and line
        /// (English field names); xlsx: an Excel workbook (needs --output).
        #[arg(long, value_enum, default_value_t = TaskFormat::Csv)]
        format: TaskFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Start CSV with a UTF-8 byte order mark, so that Excel shows the Chinese text.
        #[arg(long)]
        bom: bool,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, default_value_t = zhengce::decode::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// The main targets (主要预期目标) of work reports, side by side: one row per indicator, one
    /// column per report.
    Targets {
        /// Work reports; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// csv: the wide table for a spreadsheet; md: the same as Markdown; json: every target of
        /// every report, one object a line, with its clause and span; svg: the targets stated in
        /// percent by year, one line per indicator.
        #[arg(long, value_enum, default_value_t = TargetsFormat::Csv)]
        format: TargetsFormat,
        /// Start CSV with a UTF-8 byte order mark, so that Excel shows the Chinese text.
        #[arg(long)]
        bom: bool,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, default_value_t = zhengce::decode::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// The 对照表 of two versions of a law, regulation or rules: their articles aligned by
    /// content through renumbering, insertions, deletions, splits and moves, changes marked.
    Diff {
        /// The old version.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
        /// md: a two-column table, deletions ~~struck~~ and insertions **bold**; html: the same
        /// as a page with <del>/<ins>; json: the alignment with spans into both inputs; csv: one
        /// row per pair.
        #[arg(long, value_enum, default_value_t = DiffFormat::Md)]
        format: DiffFormat,
        /// Start CSV with a UTF-8 byte order mark, so that Excel shows the Chinese text.
        #[arg(long)]
        bom: bool,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, default_value_t = zhengce::decode::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    #[cfg(feature = "search")]
    /// Index files and directories (`.txt`, `.md`, recursively) into an archive for `search`.
    /// Unchanged files are skipped, changed ones replaced, deleted ones removed.
    Index {
        /// Files and directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        archive: ArchiveArgs,
        /// Writer memory in MB, shared by the indexing threads.
        #[arg(long, default_value_t = 256)]
        heap_mb: usize,
        /// Indexing threads (default: the cores, at most 4).
        #[arg(long)]
        threads: Option<usize>,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, default_value_t = zhengce::decode::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    #[cfg(feature = "search")]
    /// Search an archive: results grouped by document, with their best passages.
    Search {
        /// Words, "quoted phrases", AND/OR/NOT or -word, field:value (title, type, issuer,
        /// year, heading, actor, number, since, until). May start with `-` (`'-通知 营商环境'`).
        #[arg(allow_hyphen_values = true, required_unless_present = "stdin")]
        query: Option<String>,
        /// Read one query a line from standard input and write one JSON result a line (an
        /// object with `error` for a bad query), for scripts: the archive is opened once.
        #[arg(long, conflicts_with = "query")]
        stdin: bool,
        #[command(flatten)]
        archive: ArchiveArgs,
        /// Documents to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Documents to pass over first (the next page: `--offset 10`).
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// relevance: best first; date: newest first (undated documents last).
        #[arg(long, value_enum, default_value_t = SearchSort::Relevance)]
        sort: SearchSort,
        /// Passages to show for each document.
        #[arg(long, default_value_t = 3)]
        passages: usize,
        /// Snippet length in characters.
        #[arg(long, default_value_t = 100)]
        chars: usize,
        /// Only this type: speech, work_report, notice, law, plan, other.
        #[arg(long = "type")]
        doc_type: Option<String>,
        /// Only documents whose issuer or speaker contains this.
        #[arg(long)]
        issuer: Option<String>,
        /// Only documents dated on or after this day (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Only documents dated on or before this day (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        /// text: for reading (colour on a terminal); json: the results with `<b>` highlights.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    #[cfg(feature = "search")]
    /// How often terms occur in an archive by year, type or issuer: documents, occurrences,
    /// occurrences per 10,000 characters, first appearance. Counted as `search "TERM"` finds it.
    Trend {
        /// The terms.
        #[arg(required = true)]
        terms: Vec<String>,
        #[command(flatten)]
        archive: ArchiveArgs,
        /// What documents are grouped by.
        #[arg(long, value_enum, default_value_t = TrendBy::Year)]
        by: TrendBy,
        /// Only this type: speech, work_report, notice, law, plan, other.
        #[arg(long = "type")]
        doc_type: Option<String>,
        /// csv: tidy, one row per group and term; json: groups, rows and first appearances;
        /// md: a table for reading; svg: the rate per year, one line per term.
        #[arg(long, value_enum, default_value_t = TrendFormat::Csv)]
        format: TrendFormat,
        /// The document × term table instead (csv or json): every document with its year, type,
        /// issuer and length, zeros included.
        #[arg(long)]
        per_doc: bool,
        /// Start CSV with a UTF-8 byte order mark, so that Excel shows the Chinese text.
        #[arg(long)]
        bom: bool,
    },
    #[cfg(feature = "search")]
    /// Every occurrence of a term in an archive with its left and right context, document,
    /// year and section path.
    Kwic {
        /// The term.
        term: String,
        #[command(flatten)]
        archive: ArchiveArgs,
        /// Characters of context on each side.
        #[arg(long, default_value_t = 20)]
        width: usize,
        /// Only this type: speech, work_report, notice, law, plan, other.
        #[arg(long = "type")]
        doc_type: Option<String>,
        /// text: aligned lines; csv: one row per occurrence; json: one object a line.
        #[arg(long, value_enum, default_value_t = KwicFormat::Text)]
        format: KwicFormat,
        /// Start CSV with a UTF-8 byte order mark, so that Excel shows the Chinese text.
        #[arg(long)]
        bom: bool,
    },
    #[cfg(feature = "search")]
    /// Print the words of a text as the archive indexes them, joined by spaces (the form
    /// `export` writes, for cutting queries to a cluster loaded from it).
    Cut {
        /// The text.
        text: String,
        /// A user dictionary, as for `index`.
        #[arg(long)]
        dict: Option<PathBuf>,
    },
    #[cfg(feature = "search")]
    /// Write every passage of an archive with its fields and its words, one JSON object a line,
    /// for loading into Quickwit or Elasticsearch/OpenSearch (see the README).
    Export {
        #[command(flatten)]
        archive: ArchiveArgs,
        /// The output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Ndjson)]
        format: ExportFormat,
    },
}

#[cfg(feature = "search")]
#[derive(clap::Args, Debug)]
struct ArchiveArgs {
    /// The archive directory [default: $ZHENGCE_INDEX, else ./zhengce-index].
    #[arg(long = "index")]
    dir: Option<PathBuf>,
    /// A user dictionary for segmentation (`word [frequency [tag]]` per line); use the same one
    /// for indexing and searching.
    #[arg(long)]
    dict: Option<PathBuf>,
}

#[cfg(feature = "search")]
impl ArchiveArgs {
    fn open(
        &self,
        mode: zhengce::search::OpenMode,
        heap_mb: usize,
        threads: Option<usize>,
    ) -> anyhow::Result<zhengce::search::Archive> {
        let mut seg = zhengce::segment::Segmenter::builder();
        if let Some(d) = &self.dict {
            seg = seg.user_dict_file(d)?;
        }
        let heap = search_cli::writer_memory(heap_mb, threads)?;
        let mut b = zhengce::search::Archive::builder()
            .segmenter(std::sync::Arc::new(seg.build()?))
            .heap_bytes(heap);
        if let Some(t) = threads {
            b = b.threads(t);
        }
        let dir = self
            .dir
            .clone()
            .unwrap_or_else(zhengce::search::default_dir);
        b.open(&dir, mode).map_err(search_cli::archive_error)
    }
}

#[cfg(feature = "search")]
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    Ndjson,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    Json,
    Csv,
    Md,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum TargetsFormat {
    Csv,
    Md,
    Json,
    Svg,
}

#[cfg(feature = "search")]
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum SearchSort {
    Relevance,
    Date,
}

#[cfg(feature = "search")]
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum TrendBy {
    Year,
    Type,
    Issuer,
}

#[cfg(feature = "search")]
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum TrendFormat {
    Csv,
    Json,
    Md,
    Svg,
}

#[cfg(feature = "search")]
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum KwicFormat {
    Text,
    Csv,
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Md,
    Html,
    Json,
    Csv,
}

/// `zhengce targets`: the targets of each report, as the wide table or one JSON object per
/// target. A file that is no work report, or states no targets, is said so on standard error.
fn targets(
    out: &mut impl Write,
    paths: &[PathBuf],
    format: TargetsFormat,
    bom: bool,
    max_bytes: u64,
) -> anyhow::Result<Vec<String>> {
    let mut reports: Vec<(String, Vec<zhengce::targets::Target>)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut failed = Vec::new();
    for path in paths {
        let text = match zhengce::decode::read_path(path, max_bytes) {
            Ok(d) => d.text,
            Err(e) => {
                eprintln!("zhengce: {e}");
                failed.push(e.to_string());
                continue;
            }
        };
        let doc = zhengce::analyze(&text);
        let ts = zhengce::targets::targets(&doc, &text);
        if ts.is_empty() {
            let why = if doc.doc_type == zhengce::DocType::WorkReport {
                "states no main targets (主要预期目标)"
            } else {
                "is not a work report: it has no targets"
            };
            eprintln!("zhengce: {}: {why}", path.display());
            continue;
        }
        // The column: the report's year where it has one, else its file name.
        let label = zhengce::targets::report_year(&doc, &text)
            .map(|y| y.to_string())
            .or_else(|| {
                // `2018_gov_work_report.txt`: the year its file is named by.
                let stem = path.file_stem()?.to_str()?;
                let y = stem.get(..4)?;
                y.bytes().all(|b| b.is_ascii_digit()).then(|| y.to_string())
            })
            .unwrap_or_else(|| path.display().to_string());
        if format == TargetsFormat::Json {
            for t in &ts {
                let mut v = serde_json::to_value(t)?;
                v["report"] = serde_json::json!(label);
                v["file"] = serde_json::json!(path.display().to_string());
                writeln!(out, "{v}")?;
            }
        }
        // `2026年河北省政府工作报告` → 河北省; else the file's name.
        let name = doc
            .title
            .as_deref()
            .map(|t| {
                let t = t.trim_end_matches("政府工作报告");
                t.split_once('年')
                    .filter(|(y, _)| y.chars().all(|c| c.is_ascii_digit()))
                    .map_or(t, |(_, rest)| rest)
                    .to_string()
            })
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| {
                path.file_stem().map_or_else(
                    || path.display().to_string(),
                    |s| s.to_string_lossy().into(),
                )
            });
        names.push(name);
        reports.push((label, ts));
    }
    // Reports of one year (the provinces' of 2026) are told apart by their titles' names.
    let mut seen = std::collections::HashMap::new();
    for (label, _) in &reports {
        *seen.entry(label.clone()).or_insert(0) += 1;
    }
    for ((label, _), name) in reports.iter_mut().zip(&names) {
        if seen[label.as_str()] > 1 {
            *label = name.clone();
        }
    }
    let table = zhengce::targets::table(&reports);
    match format {
        TargetsFormat::Csv => {
            if bom {
                write!(out, "{}", zhengce::table::UTF8_BOM)?;
            }
            write!(out, "{}", table.to_csv())?;
        }
        TargetsFormat::Md => write!(out, "{}", table.to_markdown())?,
        TargetsFormat::Json => {}
        TargetsFormat::Svg => match zhengce::targets::chart_svg(&reports) {
            Some(svg) => write!(out, "{svg}")?,
            None => anyhow::bail!(
                "svg draws the targets stated in percent of reports with a year: none here"
            ),
        },
    }
    Ok(failed)
}

/// `zhengce diff`: reads both versions, aligns their articles and prints the 对照表.
fn diff(
    out: &mut impl Write,
    old: &Path,
    new: &Path,
    format: DiffFormat,
    bom: bool,
    max_bytes: u64,
) -> anyhow::Result<()> {
    let analyzer = zhengce::Analyzer::builder()
        .stages(zhengce::Stages::Structure)
        .build();
    let read = |p: &Path| -> anyhow::Result<Vec<zhengce::diff::Article>> {
        let text = zhengce::decode::read_path(p, max_bytes)?.text;
        let doc = analyzer.analyze(&text);
        Ok(zhengce::diff::articles(&doc, &text))
    };
    let c = zhengce::diff::compare(read(old)?, read(new)?)
        .map_err(|e| anyhow::anyhow!("{} and {}: {e}", old.display(), new.display()))?;
    match format {
        DiffFormat::Md => write!(out, "{}", c.to_markdown())?,
        DiffFormat::Html => write!(out, "{}", c.to_html())?,
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &c)?;
            writeln!(out)?;
        }
        DiffFormat::Csv => {
            if bom {
                write!(out, "{}", zhengce::table::UTF8_BOM)?;
            }
            write!(out, "{}", c.to_csv())?;
        }
    }
    if format != DiffFormat::Json {
        eprintln!("{}", c.summary_line());
    }
    if c.paired_share() < zhengce::diff::SAME_DOCUMENT_SHARE {
        eprintln!(
            "zhengce: {} and {} look like different documents, not two versions of one: only {:.0}% \
             of the articles pair",
            old.display(),
            new.display(),
            c.paired_share() * 100.0
        );
    }
    Ok(())
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum TaskFormat {
    Csv,
    Md,
    Json,
    Xlsx,
}

/// Analyses each file in turn; a bad file is reported on stderr and the batch goes on. Returns
/// the failures.
fn each_file(
    files: &[PathBuf],
    max_bytes: u64,
    mut f: impl FnMut(usize, &Path, zhengce::Document) -> io::Result<()>,
) -> io::Result<Vec<String>> {
    let analyzer = zhengce::Analyzer::builder()
        .max_input_bytes(max_bytes)
        .build();
    let mut failed = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let result = if path.as_os_str() == "-" {
            analyzer.analyze_reader(io::stdin().lock(), Path::new("-"))
        } else {
            analyzer.analyze_file(path)
        };
        match result {
            Ok(doc) => f(i, path, doc)?,
            Err(e) => {
                eprintln!("zhengce: {e}");
                failed.push(e.to_string());
            }
        }
    }
    Ok(failed)
}

/// `zhengce tasks`: the task rows of every file, to standard output or to `output`. Each
/// document's measures are numbered from 1; the header comes once.
fn tasks(
    paths: &[PathBuf],
    format: TaskFormat,
    output: Option<&Path>,
    bom: bool,
    max_bytes: u64,
) -> anyhow::Result<Vec<String>> {
    use zhengce::tasks::table as tt;
    if format == TaskFormat::Xlsx && output.is_none() {
        anyhow::bail!("--format xlsx writes a workbook: name its file with --output");
    }
    let mut sink: Box<dyn Write> = match output {
        Some(p) => Box::new(io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    if bom && format == TaskFormat::Csv {
        write!(sink, "{}", zhengce::table::UTF8_BOM)?;
    }
    let mut all = Vec::new();
    let mut header = true;
    let failed = each_file(paths, max_bytes, |_, path, doc| {
        let rows = tt::task_rows(&doc, &path.display().to_string(), 1);
        let first = std::mem::take(&mut header);
        match format {
            TaskFormat::Csv => write!(sink, "{}", tt::to_csv(&rows, first)),
            TaskFormat::Md => write!(sink, "{}", tt::to_markdown(&rows, first)),
            TaskFormat::Json => rows.iter().try_for_each(|r| {
                serde_json::to_writer(&mut sink, r)?;
                writeln!(sink)
            }),
            TaskFormat::Xlsx => {
                all.extend(rows);
                Ok(())
            }
        }
    })?;
    if format == TaskFormat::Xlsx {
        sink.write_all(&tt::to_xlsx(&all)?)?;
    }
    sink.flush()?;
    Ok(failed)
}

/// Exit code 2 when any file failed; for a batch, the failures are listed at the end.
fn finish(failed: &[String], files: usize) -> ExitCode {
    if failed.is_empty() {
        return ExitCode::SUCCESS;
    }
    if files > 1 {
        eprintln!(
            "zhengce: {} of {files} files could not be analysed:",
            failed.len()
        );
        for f in failed {
            eprintln!("  {f}");
        }
    }
    ExitCode::from(2)
}

fn write_doc(
    out: &mut impl Write,
    path: &Path,
    doc: &zhengce::Document,
    format: Format,
    files: usize,
) -> io::Result<()> {
    match format {
        Format::Json if files == 1 => {
            serde_json::to_writer_pretty(&mut *out, doc)?;
            writeln!(out)
        }
        Format::Json => {
            serde_json::to_writer(&mut *out, doc)?;
            writeln!(out)
        }
        Format::Text => {
            if files > 1 {
                writeln!(out, "== {}", path.display())?;
            }
            writeln!(out, "{}", zhengce::render::text(doc))
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Every command but `index` (which reports on standard error) prints its output.
    #[cfg(feature = "search")]
    let reports_on_stderr = matches!(cli.command, Command::Index { .. });
    #[cfg(not(feature = "search"))]
    let reports_on_stderr = false;
    if !reports_on_stderr {
        check_stdout()?;
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let (failed, n) = match cli.command {
        Command::Analyze {
            paths,
            format,
            max_bytes,
        } => {
            let n = paths.len();
            let failed = each_file(&paths, max_bytes, |_, path, doc| {
                write_doc(&mut out, path, &doc, format, n)
            })?;
            (failed, n)
        }
        Command::Actions {
            paths,
            format,
            bom,
            max_bytes,
        } => {
            let n = paths.len();
            if bom && format == TableFormat::Csv {
                write!(out, "{}", zhengce::table::UTF8_BOM)?;
            }
            let failed = each_file(&paths, max_bytes, |i, path, doc| {
                let rows = zhengce::table::action_rows(&doc, &path.display().to_string());
                match format {
                    TableFormat::Json => rows.iter().try_for_each(|r| {
                        serde_json::to_writer(&mut out, r)?;
                        writeln!(out)
                    }),
                    TableFormat::Csv => write!(out, "{}", zhengce::table::to_csv(&rows, i == 0)),
                    TableFormat::Md => {
                        write!(out, "{}", zhengce::table::to_markdown(&rows, i == 0))
                    }
                }
            })?;
            (failed, n)
        }
        Command::Tasks {
            paths,
            format,
            output,
            bom,
            max_bytes,
        } => {
            drop(out);
            let failed = tasks(&paths, format, output.as_deref(), bom, max_bytes)?;
            return Ok(finish(&failed, paths.len()));
        }
        Command::Targets {
            paths,
            format,
            bom,
            max_bytes,
        } => {
            let failed = targets(&mut out, &paths, format, bom, max_bytes)?;
            out.flush()?;
            return Ok(finish(&failed, paths.len()));
        }
        Command::Diff {
            old,
            new,
            format,
            bom,
            max_bytes,
        } => {
            diff(&mut out, &old, &new, format, bom, max_bytes)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        #[cfg(feature = "search")]
        Command::Index {
            paths,
            archive,
            heap_mb,
            threads,
            max_bytes,
        } => {
            search_cli::hush_tantivy_panics();
            let archive =
                archive.open(zhengce::search::OpenMode::OpenOrCreate, heap_mb, threads)?;
            return search_cli::index(&archive, &paths, max_bytes);
        }
        #[cfg(feature = "search")]
        Command::Trend {
            terms,
            archive,
            by,
            doc_type,
            format,
            per_doc,
            bom,
        } => {
            search_cli::hush_tantivy_panics();
            let by = match by {
                TrendBy::Year => GroupBy::Year,
                TrendBy::Type => GroupBy::Type,
                TrendBy::Issuer => GroupBy::Issuer,
            };
            let mut q = TrendQuery::new(terms).by(by);
            if let Some(t) = search_cli::doc_type(doc_type)? {
                q = q.doc_type(t);
            }
            let archive = archive.open(zhengce::search::OpenMode::Open, 64, Some(1))?;
            let trend = archive.trend(&q).map_err(search_cli::archive_error)?;
            match format {
                TrendFormat::Csv => {
                    if bom {
                        write!(out, "{}", zhengce::table::UTF8_BOM)?;
                    }
                    let csv = if per_doc {
                        trend.panel_csv()
                    } else {
                        trend.to_csv()
                    };
                    write!(out, "{csv}")?;
                }
                TrendFormat::Json if per_doc => {
                    for row in trend.panel() {
                        serde_json::to_writer(&mut out, &row).map_err(io::Error::from)?;
                        writeln!(out)?;
                    }
                }
                TrendFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &trend).map_err(io::Error::from)?;
                    writeln!(out)?;
                }
                TrendFormat::Md => write!(out, "{}", trend.to_markdown())?,
                TrendFormat::Svg => match trend.to_svg() {
                    Some(svg) => write!(out, "{svg}")?,
                    None => anyhow::bail!(
                        "svg draws the rate per year: give --by year, over documents with a year"
                    ),
                },
            }
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        #[cfg(feature = "search")]
        Command::Kwic {
            term,
            archive,
            width,
            doc_type,
            format,
            bom,
        } => {
            search_cli::hush_tantivy_panics();
            let mut q = KwicQuery::new(&term).width(width);
            if let Some(t) = search_cli::doc_type(doc_type)? {
                q = q.doc_type(t);
            }
            let archive = archive.open(zhengce::search::OpenMode::Open, 64, Some(1))?;
            let lines = archive.kwic(&q).map_err(search_cli::archive_error)?;
            match format {
                KwicFormat::Text => write!(out, "{}", kwic::to_text(&lines, width))?,
                KwicFormat::Csv => {
                    if bom {
                        write!(out, "{}", zhengce::table::UTF8_BOM)?;
                    }
                    write!(out, "{}", kwic::to_csv(&lines))?;
                }
                KwicFormat::Json => {
                    for l in &lines {
                        serde_json::to_writer(&mut out, l).map_err(io::Error::from)?;
                        writeln!(out)?;
                    }
                }
            }
            eprintln!("zhengce: {} occurrences of {term}", lines.len());
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        #[cfg(feature = "search")]
        Command::Search {
            query,
            stdin,
            archive,
            limit,
            offset,
            sort,
            passages,
            chars,
            doc_type,
            issuer,
            since,
            until,
            format,
        } => {
            search_cli::hush_tantivy_panics();
            let sort = match sort {
                SearchSort::Relevance => zhengce::search::Sort::Relevance,
                SearchSort::Date => zhengce::search::Sort::Date,
            };
            let make = |text: &str| {
                search_cli::query(
                    text,
                    limit,
                    passages,
                    chars,
                    doc_type.clone(),
                    issuer.clone(),
                    since.clone(),
                    until.clone(),
                )
                .map(|q| q.offset(offset).sort(sort))
            };
            let archive = archive.open(zhengce::search::OpenMode::Open, 64, Some(1))?;
            if stdin {
                search_cli::search_lines(&archive, &mut io::stdin().lock(), &mut out, make)?;
                return Ok(ExitCode::SUCCESS);
            }
            let q = make(query.as_deref().unwrap_or_default())?;
            let results = archive.search(&q).map_err(search_cli::archive_error)?;
            match format {
                Format::Json => {
                    // As an io::Error, so that a closed pipe is seen as one.
                    serde_json::to_writer_pretty(&mut out, &results).map_err(io::Error::from)?;
                    writeln!(out)?;
                }
                Format::Text => search_cli::print(&mut out, &results)?,
            }
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        #[cfg(feature = "search")]
        Command::Cut { text, dict } => {
            let mut seg = zhengce::segment::Segmenter::builder();
            if let Some(d) = &dict {
                seg = seg.user_dict_file(d)?;
            }
            writeln!(out, "{}", seg.build()?.joined(&text))?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        #[cfg(feature = "search")]
        Command::Export { archive, format } => {
            search_cli::hush_tantivy_panics();
            let archive = archive.open(zhengce::search::OpenMode::Open, 64, Some(1))?;
            match format {
                ExportFormat::Ndjson => {
                    let n = archive
                        .export_ndjson(&mut out)
                        .map_err(search_cli::archive_error)?;
                    out.flush()?;
                    eprintln!("zhengce: exported {n} passages");
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    out.flush()?;
    Ok(finish(&failed, n))
}

/// An error when standard output was closed (`>&-`): the Rust runtime puts `/dev/null`, open
/// for reading and writing, in place of a closed standard descriptor, and the output would
/// be lost without a word. (A shell's `>/dev/null` opens it for writing only.)
fn check_stdout() -> anyhow::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let is_null =
            std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
        let read_write = || {
            let info = std::fs::read_to_string("/proc/self/fdinfo/1").ok()?;
            let flags = info.lines().find_map(|l| l.strip_prefix("flags:"))?;
            let flags = u32::from_str_radix(flags.trim(), 8).ok()?;
            // O_ACCMODE, O_RDWR
            Some(flags & 3 == 2)
        };
        if is_null && read_write() == Some(true) {
            anyhow::bail!("standard output is closed: nowhere to write the output");
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // `zhengce analyze … | head` closes the pipe: that is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("zhengce: {e:#}");
            ExitCode::from(2)
        }
    }
}
