//! The `zhengce` command line: a thin layer over the library.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Text,
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let Command::Analyze {
        paths,
        format,
        max_bytes,
    } = cli.command;
    let analyzer = zhengce::Analyzer::builder()
        .max_input_bytes(max_bytes)
        .build();
    let files = paths;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed: Vec<String> = Vec::new();
    for path in &files {
        let result = if path.as_os_str() == "-" {
            analyzer.analyze_reader(io::stdin().lock(), Path::new("-"))
        } else {
            analyzer.analyze_file(path)
        };
        let doc = match result {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("zhengce: {e}");
                failed.push(e.to_string());
                continue;
            }
        };
        match format {
            Format::Json if files.len() == 1 => {
                serde_json::to_writer_pretty(&mut out, &doc)?;
                writeln!(out)?;
            }
            Format::Json => {
                serde_json::to_writer(&mut out, &doc)?;
                writeln!(out)?;
            }
            Format::Text => {
                if files.len() > 1 {
                    writeln!(out, "== {}", path.display())?;
                }
                writeln!(out, "{}", zhengce::render::text(&doc))?;
            }
        }
    }
    out.flush()?;
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    if files.len() > 1 {
        eprintln!(
            "zhengce: {} of {} files could not be analysed:",
            failed.len(),
            files.len()
        );
        for f in &failed {
            eprintln!("  {f}");
        }
    }
    Ok(ExitCode::from(2))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // `zhengce analyze … | head` closes the pipe: that is not an error.
            if e.downcast_ref::<io::Error>()
                .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("zhengce: {e:#}");
            ExitCode::from(2)
        }
    }
}
