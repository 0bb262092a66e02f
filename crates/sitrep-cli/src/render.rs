//! Human-readable rendering of a report.

use std::io::Write;

use sitrep::{FigureRecord, Report, Status};

fn figure(f: Option<&FigureRecord>) -> String {
    match f {
        None => "-".to_owned(),
        Some(f) => {
            let best = f.best.map_or("?".to_owned(), |b| b.to_string());
            let range = match (f.low, f.high) {
                (Some(l), Some(h)) if l != h => format!(" ({l}–{h})"),
                _ => String::new(),
            };
            let conflict = if f.conflict { " !" } else { "" };
            format!("{best}{range}{conflict}")
        }
    }
}

/// One block per document: its toll, the claims behind it, its main entities.
pub fn table(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<28} {:<8} {:<14} {:<14} TITLE / REASON",
        "DOCUMENT", "STATUS", "KILLED", "INJURED"
    )?;
    for d in &report.documents {
        let id: String = d.id.chars().take(28).collect();
        match d.status {
            Status::Skipped => {
                writeln!(
                    out,
                    "{id:<28} {:<8} {:<14} {:<14} {}",
                    "skipped",
                    "",
                    "",
                    d.reason.as_deref().unwrap_or("")
                )?;
            }
            Status::Ok => {
                let title: String = d.title.as_deref().unwrap_or("").chars().take(60).collect();
                writeln!(
                    out,
                    "{id:<28} {:<8} {:<14} {:<14} {title}",
                    "ok",
                    figure(d.toll.killed.as_ref()),
                    figure(d.toll.injured.as_ref())
                )?;
                for (what, f) in [("killed", &d.toll.killed), ("injured", &d.toll.injured)] {
                    for c in f.iter().flat_map(|f| &f.claims) {
                        let q = match c.qualifier.as_deref() {
                            None | Some("vague") => String::new(),
                            Some(q) => format!("{} ", q.replace('_', " ")),
                        };
                        let v = match (c.value, c.low) {
                            (Some(v), _) => v.to_string(),
                            (None, Some(l)) => format!("≥{l} (vague)"),
                            (None, None) => "?".to_owned(),
                        };
                        let by = c.claimed_by.as_deref().unwrap_or("unattributed");
                        writeln!(out, "{:<28}   {what}: {q}{v} — {by}", "")?;
                    }
                }
                let mut names: Vec<String> = Vec::new();
                for e in &d.entities {
                    let n = format!("{} ({})", e.text, e.label);
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
                if !names.is_empty() {
                    let shown: Vec<&str> = names.iter().take(8).map(String::as_str).collect();
                    let more = if names.len() > 8 {
                        format!(" … +{}", names.len() - 8)
                    } else {
                        String::new()
                    };
                    writeln!(out, "{:<28}   entities: {}{more}", "", shown.join(", "))?;
                }
            }
        }
    }
    Ok(())
}
