//! Inputs as users have them: bad files, huge files, unreadable files,
//! repeated ids. Nothing may be lost: every input is a document or a skipped
//! item with a reason.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use sitrep_text::{parse_json_lines, read_inputs, InputItem, InputOptions, InputSource};

fn read_dir(dir: &Path, options: &InputOptions) -> Vec<InputItem> {
    read_inputs(&[InputSource::Path(dir.to_path_buf())], options).unwrap()
}

fn read_one(dir: &Path, name: &str, bytes: &[u8], options: &InputOptions) -> Vec<InputItem> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    read_inputs(&[InputSource::Path(path)], options).unwrap()
}

/// What one input should become.
#[derive(Debug)]
enum Want {
    /// A document whose text is this, with a warning containing that (if any).
    Doc(&'static str, Option<&'static str>),
    /// A skipped item whose reason contains this.
    Skip(&'static str),
}

#[test]
fn bad_files_are_reported_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let rows: &[(&str, &[u8], Want)] = &[
        ("empty.txt", b"", Want::Skip("empty document")),
        ("blank.md", b"  \n\t\r\n", Want::Skip("empty document")),
        (
            "nul.txt",
            b"Two\0were hurt",
            Want::Skip("binary file (contains NUL bytes)"),
        ),
        ("utf16.txt", b"\xFF\xFET\0w\0o\0", Want::Skip("binary file")),
        (
            "latin1.txt",
            b"Z\xfcrich police said two were hurt.",
            Want::Doc(
                "Z\u{FFFD}rich police said two were hurt.",
                Some("invalid UTF-8: 1 byte sequence(s) replaced with U+FFFD"),
            ),
        ),
        (
            "two-bad.txt",
            b"\xff\xfe a \xc3 b \xe2\x82",
            Want::Doc(
                "\u{FFFD}\u{FFFD} a \u{FFFD} b \u{FFFD}",
                Some("invalid UTF-8: 4 byte sequence(s)"),
            ),
        ),
        (
            "kept-fffd.txt",
            "Already \u{FFFD} here, valid UTF-8.".as_bytes(),
            Want::Doc("Already \u{FFFD} here, valid UTF-8.", None),
        ),
        (
            "bom.txt",
            b"\xEF\xBB\xBFText after a BOM.",
            Want::Doc("Text after a BOM.", None),
        ),
        ("bad.json", b"{\"id\": 1, ", Want::Skip("invalid JSON")),
        (
            "scalar.json",
            b"42",
            Want::Skip("must hold an object or an array"),
        ),
        (
            "none.json",
            b"[]",
            Want::Skip("empty input: no JSON records"),
        ),
        (
            "blank.jsonl",
            b"\n \n\r\n",
            Want::Skip("empty input: no JSON records"),
        ),
        (
            "nul.jsonl",
            b"{\"id\":\"a\",\"text\":\"x\"}\n\0\0",
            Want::Skip("binary input"),
        ),
        (
            "page.html",
            b"<nav>Home</nav>",
            Want::Skip("no extractable text"),
        ),
        (
            "report.pdf",
            b"%PDF-1.7",
            Want::Skip("unsupported file type"),
        ),
    ];
    for (name, bytes, want) in rows {
        let items = read_one(dir.path(), name, bytes, &InputOptions::default());
        assert_eq!(items.len(), 1, "{name}: {items:?}");
        match (&items[0], want) {
            (InputItem::Document(d), Want::Doc(text, warning)) => {
                assert_eq!(d.text, *text, "{name}");
                match warning {
                    Some(w) => assert!(
                        d.warnings.len() == 1 && d.warnings[0].contains(w),
                        "{name}: {:?}",
                        d.warnings
                    ),
                    None => assert!(d.warnings.is_empty(), "{name}: {:?}", d.warnings),
                }
            }
            (InputItem::Skipped(s), Want::Skip(reason)) => {
                assert!(s.reason.contains(reason), "{name}: {}", s.reason);
            }
            (got, want) => panic!("{name}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn malformed_json_lines_are_skipped_by_line_number_and_the_rest_kept() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"First report.\",\"date\":\"2031-05-01\"}\n",
        "{\"id\":\"b\",\"text\":\"Broken\n",
        "\n",
        "[\"d\", \"An array is no record.\", null, null, null, null]\n",
        "{\"id\":\"c\",\"text\":\"Third report.\",\"date\":\"May 1\"}\r\n",
        "{\"text\":\"No id here.\"}\n",
        "{\"id\":\"e\",\"text\":\"Last report, no newline.\"}",
    );
    let items = parse_json_lines(input.as_bytes(), "feed.jsonl", &InputOptions::default());
    let got: Vec<(&str, bool)> = items
        .iter()
        .map(|i| (i.id(), matches!(i, InputItem::Document(_))))
        .collect();
    assert_eq!(
        got,
        [
            ("a", true),
            ("feed.jsonl:2", false),
            ("feed.jsonl:4", false),
            ("c", true),
            ("feed.jsonl:6", true),
            ("e", true),
        ]
    );
    let reasons: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            InputItem::Skipped(s) => Some(s.reason.as_str()),
            InputItem::Document(_) => None,
        })
        .collect();
    assert!(
        reasons[0].starts_with("line 2: invalid JSON record"),
        "{}",
        reasons[0]
    );
    assert_eq!(
        reasons[1],
        "line 4: invalid JSON record: expected an object with \"id\" and \"text\""
    );
    let warnings = |k: usize| match &items[k] {
        InputItem::Document(d) => d.warnings.clone(),
        InputItem::Skipped(_) => panic!(),
    };
    assert!(warnings(3)[0].contains("ignored \"date\""));
    assert!(warnings(4)[0].contains("no usable \"id\""));
    assert!(warnings(0).is_empty() && warnings(5).is_empty());
}

#[test]
fn non_utf8_json_line_warns_only_on_its_own_record() {
    let input = b"{\"id\":\"a\",\"text\":\"Z\xfcrich\"}\n{\"id\":\"b\",\"text\":\"clean\"}\n";
    let items = parse_json_lines(input, "in", &InputOptions::default());
    let InputItem::Document(a) = &items[0] else {
        panic!("{items:?}")
    };
    let InputItem::Document(b) = &items[1] else {
        panic!("{items:?}")
    };
    assert_eq!(a.text, "Z\u{FFFD}rich");
    assert_eq!(a.warnings.len(), 1);
    assert!(b.warnings.is_empty());
}

#[test]
fn duplicate_ids_are_made_unique() {
    // Across files and records; and an id that a rename would collide with.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Text of a.").unwrap();
    std::fs::write(dir.path().join("a.md"), "# A\n\nMarkdown a.").unwrap();
    std::fs::write(
        dir.path().join("feed.jsonl"),
        concat!(
            "{\"id\":\"a\",\"text\":\"one\"}\n",
            "{\"id\":\"a#3\",\"text\":\"two\"}\n",
            "{\"id\":\"a\",\"text\":\"three\"}\n",
            "{\"id\":\"a\"}\n",
        ),
    )
    .unwrap();
    let items = read_dir(dir.path(), &InputOptions::default());
    let ids: Vec<&str> = items.iter().map(InputItem::id).collect();
    // a.md, a.txt, then the feed's records in order.
    assert_eq!(ids, ["a", "a#2", "a#4", "a#3", "a#5", "a#6"]);
    for item in &items[1..] {
        match item {
            InputItem::Document(d) if d.id != "a#3" => {
                assert!(
                    d.warnings.iter().any(|w| w.contains("duplicate id \"a\"")),
                    "{d:?}"
                );
            }
            InputItem::Skipped(s) => assert!(s.reason.contains("duplicate id"), "{s:?}"),
            InputItem::Document(_) => {}
        }
    }
    // The case where numbering alone would give the same id twice.
    let input = "{\"id\":\"x\",\"text\":\"1\"}\n{\"id\":\"x\",\"text\":\"2\"}\n\
                 {\"id\":\"x#2\",\"text\":\"3\"}\n{\"id\":\"x\",\"text\":\"4\"}\n";
    let items = parse_json_lines(input.as_bytes(), "in", &InputOptions::default());
    let ids: Vec<&str> = items.iter().map(InputItem::id).collect();
    assert_eq!(ids, ["x", "x#3", "x#2", "x#4"]);
}

#[test]
fn unreadable_files_and_directories_are_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("locked.txt");
    std::fs::write(&file, "Secret text.").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    let sub = dir.path().join("closed");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("inner.txt"), "Inner text.").unwrap();
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = std::fs::read(&file).is_ok();
    let items = read_dir(dir.path(), &InputOptions::default());
    // Restore, so that the temporary directory can be removed.
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    if privileged {
        eprintln!(
            "skipping the permission assertions: this process reads a mode-000 file \
             (running as root or with CAP_DAC_OVERRIDE), so nothing is unreadable"
        );
        assert_eq!(items.len(), 2, "{items:?}");
        return;
    }
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(
        matches!(&items[0], InputItem::Skipped(s) if s.reason.starts_with("cannot list directory")),
        "{items:?}"
    );
    assert!(
        matches!(&items[1], InputItem::Skipped(s) if s.id == "locked" && s.reason.starts_with("cannot read")),
        "{items:?}"
    );
}

#[test]
fn a_100_mb_file_is_skipped_unread_with_its_size_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let size: u64 = 100 * 1000 * 1000;
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let line = b"Forty-two people were injured in the collapse, officials said. \n";
        let mut written = 0u64;
        while written < size {
            let n = (size - written).min(line.len() as u64) as usize;
            f.write_all(&line[..n]).unwrap();
            written += n as u64;
        }
        f.flush().unwrap();
    }
    assert_eq!(std::fs::metadata(&path).unwrap().len(), size);
    std::fs::write(dir.path().join("small.txt"), "A small article.").unwrap();
    let started = Instant::now();
    let items = read_dir(dir.path(), &InputOptions::default());
    eprintln!(
        "read a directory with a 100 MB file in {:?}",
        started.elapsed()
    );
    assert_eq!(items.len(), 2, "{items:?}");
    let InputItem::Skipped(huge) = &items[0] else {
        panic!("{:?}", items[0].id())
    };
    assert_eq!(huge.id, "huge");
    assert_eq!(
        huge.reason,
        "document too large: 100000000 bytes (95.4 MiB), over the limit of 10485760 bytes \
         (10.0 MiB); not read"
    );
    assert!(matches!(&items[1], InputItem::Document(d) if d.id == "small"));
}

#[test]
fn a_file_just_under_the_default_limit_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let limit = InputOptions::DEFAULT_MAX_DOCUMENT_BYTES;
    let text = "word ".repeat(limit as usize / 5 - 1) + "last";
    assert_eq!(text.len() as u64, limit - 1);
    let items = read_one(
        dir.path(),
        "big.txt",
        text.as_bytes(),
        &InputOptions::default(),
    );
    let InputItem::Document(d) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert_eq!(d.text.len() as u64, limit - 1);
}

#[test]
fn every_limit_at_its_boundary() {
    let dir = tempfile::tempdir().unwrap();
    let options = InputOptions {
        max_file_bytes: 4000,
        max_document_bytes: 100,
        max_html_bytes: 300,
    };
    let text = |n: usize| "x".repeat(n);
    let line = |n: usize| {
        // A JSON Lines record of exactly `n` bytes.
        let pad = n - r#"{"id":"r","text":""}"#.len();
        format!(r#"{{"id":"r","text":"{}"}}"#, "y".repeat(pad))
    };
    let html = |n: usize| {
        let pad = n - "<p></p>".len();
        format!("<p>{}</p>", "z".repeat(pad))
    };
    // (file, content, skipped reason or None when read)
    let rows: Vec<(&str, String, Option<&str>)> = vec![
        ("t100.txt", text(100), None),
        ("t101.txt", text(101), Some("document too large: 101 bytes (101 B), over the limit of 100 bytes (100 B); not read")),
        ("m101.md", text(101), Some("document too large: 101 bytes")),
        ("l100.jsonl", line(100), None),
        ("l101.jsonl", line(101), Some("line 1: record too large: 101 bytes (101 B), over the limit of 100 bytes")),
        ("l101crlf.jsonl", line(100) + "\r\n", None),
        ("h300.html", html(300), Some("text extracted from HTML page too large: 293 bytes")),
        ("h301.html", html(301), Some("HTML page too large: 301 bytes (301 B), over the limit of 300 bytes")),
        ("h107.html", html(107), None),
        ("h108.html", html(108), Some("text extracted from HTML page too large: 101 bytes")),
        ("j.json", format!(r#"{{"id":"j","text":"{}"}}"#, text(101)), Some("document \"text\" too large: 101 bytes")),
        ("f.jsonl", "\n".repeat(4001), Some("file too large: 4001 bytes (3.9 KiB), over the limit of 4000 bytes")),
    ];
    for (name, content, want) in rows {
        let items = read_one(dir.path(), name, content.as_bytes(), &options);
        assert_eq!(items.len(), 1, "{name}: {items:?}");
        match (&items[0], want) {
            (InputItem::Document(_), None) => {}
            (InputItem::Skipped(s), Some(reason)) => {
                assert!(s.reason.starts_with(reason), "{name}: {}", s.reason)
            }
            (got, want) => panic!("{name}: got {got:?}, want {want:?}"),
        }
        std::fs::remove_file(dir.path().join(name)).unwrap();
    }
}

#[test]
fn an_over_long_json_line_costs_only_itself() {
    let options = InputOptions {
        max_document_bytes: 1000,
        ..InputOptions::default()
    };
    let input = format!(
        "{}\n{}\n{}\n{}\n",
        r#"{"id":"before","text":"Before the long line."}"#,
        format_args!(r#"{{"id":"long","text":"{}"}}"#, "w".repeat(5000)),
        " ".repeat(3000),
        r#"{"id":"after","text":"After the long line."}"#,
    );
    let items = parse_json_lines(input.as_bytes(), "feed", &options);
    let got: Vec<(&str, bool)> = items
        .iter()
        .map(|i| (i.id(), matches!(i, InputItem::Document(_))))
        .collect();
    // The blank (if long) third line is no record.
    assert_eq!(got, [("before", true), ("feed:2", false), ("after", true)]);
    let InputItem::Skipped(s) = &items[1] else {
        panic!()
    };
    assert!(
        s.reason.starts_with("line 2: record too large: 5023 bytes"),
        "{}",
        s.reason
    );
}

#[test]
fn byte_order_marks_of_joined_files_are_dropped() {
    // `cat a.jsonl b.jsonl`, each saved with a BOM; and a line of only a BOM.
    let input = b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"One.\"}\n\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"Two.\"}\n\xEF\xBB\xBF\n";
    let items = parse_json_lines(input, "in", &InputOptions::default());
    let got: Vec<(&str, bool)> = items
        .iter()
        .map(|i| {
            (
                i.id(),
                matches!(i, InputItem::Document(d) if d.warnings.is_empty()),
            )
        })
        .collect();
    assert_eq!(got, [("a", true), ("b", true)]);
}
