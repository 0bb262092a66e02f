//! The HTML report of the bundled corpus as headless Chromium parses it
//! (`--dump-dom`): events present, every claim link resolving to a
//! highlighted sentence that marks the claim's words, entities coloured by
//! type. Skips with a printed reason when no Chromium is installed
//! (`scripts/setup-chromium.sh` installs one; `scripts/test.sh` runs it).

mod common;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{check_html_page, json, sitrep, temp_dir};

/// `$SITREP_CHROMIUM`, else the first Chromium on `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SITREP_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| {
            ["chromium", "chromium-browser", "google-chrome"]
                .into_iter()
                .map(move |n| d.join(n))
        })
        .find(|p| p.is_file())
}

#[allow(unsafe_code)]
fn running_as_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn html_report_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!(
            "skipping html_report_in_headless_chromium: no chromium on PATH \
             (run scripts/setup-chromium.sh, or set SITREP_CHROMIUM)"
        );
        return;
    };
    let dir = temp_dir("browser");
    let page = dir.join("report.html");
    let out = sitrep(&["run", "corpus/", "--format", "json", "--quiet"], None);
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    let out = sitrep(
        &[
            "run",
            "corpus/",
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
            "--quiet",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));

    let mut cmd = Command::new(&browser);
    cmd.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
    ])
    .arg(format!("--user-data-dir={}", dir.join("profile").display()))
    .arg("--dump-dom")
    .arg(format!("file://{}", page.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    if running_as_root() {
        cmd.arg("--no-sandbox");
    }
    let child = cmd.spawn().expect("chromium starts");
    let pid = child.id();
    // Read the output on another thread (the DOM is larger than a pipe's
    // buffer) and give up after two minutes.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(r) => r.expect("chromium output"),
        Err(_) => {
            // SAFETY: sends a signal to the process this test started.
            #[allow(unsafe_code)]
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL)
            };
            panic!("chromium did not finish within 120 s");
        }
    };
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && dom.contains("</html>"),
        "chromium failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    // The DOM as the browser built it: if the markup were mis-nested, the
    // parser would have moved elements and these checks would fail.
    assert!(dom.contains("class=\"claim-sentence\""));
    check_html_page(&dom, &report);
    std::fs::remove_dir_all(&dir).ok();
}
