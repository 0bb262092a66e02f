//! Sentence splitting and word tokens on the seed articles in `corpus/`.

use std::fs;
use std::path::PathBuf;

use sitrep_text::{split_sentences, word_tokens};

fn corpus_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/"))
}

/// The text of the seed file whose name starts with `prefix` (`"000_"`).
fn seed(prefix: &str) -> String {
    let dir = corpus_dir();
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {dir:?}: {e}"));
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(prefix) && name.ends_with(".txt") {
            return fs::read_to_string(entry.path())
                .unwrap_or_else(|e| panic!("reading {name}: {e}"));
        }
    }
    panic!("no seed file {prefix}*.txt in {dir:?}");
}

fn sentences(text: &str) -> Vec<&str> {
    split_sentences(text)
        .iter()
        .map(|s| s.slice(text).expect("sentence span slices its text"))
        .collect()
}

#[track_caller]
fn assert_sentence(prefix: &str, want: &str) {
    let text = seed(prefix);
    let got = sentences(&text);
    assert!(
        got.contains(&want),
        "{prefix}: no sentence {want:?}; sentences are:\n{}",
        got.join("\n---\n")
    );
}

#[test]
fn seed_000() {
    let p = "000_";
    assert_sentence(p, "Intel, news");
    assert_sentence(
        p,
        "U.S.-Iraqi Raid in Northern Iraq Kills 9 ISIS Militants, Injures 2 U.S. Soldiers",
    );
    assert_sentence(p, "Iraqi Raid");
    assert_sentence(
        p,
        "“Overnight, CENTCOM and Iraqi security forces conducted a partner raid in Iraq targeting \
         several senior ISIS leaders,” Pentagon press secretary Maj. Gen. Patrick Ryder said at a \
         briefing.",
    );
    assert_sentence(
        p,
        "A joint operation between Iraqi forces and the U.S. military resulted in the deaths of at \
         least seven ISIS operatives in central Iraq, according to a statement by U.S. Central \
         Command (CENTCOM) on Wednesday.",
    );
    assert_sentence(
        p,
        "CENTCOM commander Gen. Michael Erik Kurilla stated, “U.S. Central Command, alongside our \
         coalition and Iraqi partners, will aggressively pursue ISIS and other terrorists that pose \
         a threat to U.S. forces, allies, partners, and security in the region.”",
    );
    assert_sentence(
        p,
        "According to CENTCOM, two U.S. service members were injured during the operation.",
    );
}

#[test]
fn seed_001() {
    let p = "001_";
    assert_sentence(p, "CNN");
    assert_sentence(p, "—");
    assert_sentence(
        p,
        "“Both individuals are being treated for their injuries and are understood to be in stable \
         condition,” Pentagon spokesman Maj. Gen. Patrick Ryder said at a briefing.",
    );
    assert_sentence(
        p,
        "“Overnight, CENTCOM and Iraqi security forces conducted joint raids in Iraq targeting \
         several ISIS leaders,” Ryder said.",
    );
    assert_sentence(p, "“Several ISIS operatives were killed in the attack.”");
    assert_sentence(
        p,
        "“We are committed to the lasting defeat of ISIS because it is a regional and global \
         threat,” CENTCOM commander Gen. Eric Kurilla said in April.",
    );
    assert_sentence(p, "Continue to do so.”");
    assert_sentence(
        p,
        "He did not go into further detail about the contents of the agreement. development. ”",
    );
}

#[test]
fn seed_002() {
    let p = "002_";
    assert_sentence(
        p,
        "Joint Forces Operation Targets High-Ranking ISIS Leaders in Iraq",
    );
    assert_sentence(p, "U.S. Casualties and Ongoing Commitment");
    assert_sentence(p, "• Iraqi and U.S. forces conducted successful raids against ISIS leadership in central Iraq");
    assert_sentence(
        p,
        "Seven high-ranking ISIS members eliminated in a joint U.S.-Iraqi operation, but at what \
         cost?",
    );
    assert_sentence(
        p,
        "Two U.S. military personnel were wounded during the mission.",
    );
    assert_sentence(
        p,
        "Pentagon press secretary Maj. Gen. Pat Ryder confirmed their condition, stating, “Both of \
         the U.S. service members are in ‘stable condition.'”",
    );
    assert_sentence(
        p,
        "The statement from Gen. Kurilla reaffirms the unwavering resolve of the U.S. and its \
         allies in combating terrorism.",
    );
    assert_sentence(
        p,
        "Currently, about 2,500 U.S. troops remain in Iraq and 900 in Syria.",
    );
    assert_sentence(
        p,
        "However, there are indications that the U.S. may be planning to end its military mission \
         in Iraq within a year.",
    );
}

#[test]
fn seed_003() {
    let p = "003_";
    assert_sentence(
        p,
        "Several ISIS members have been killed in a coordinated attack by the US and Iraq",
    );
    assert_sentence(p, "[/caption]");
    assert_sentence(p, "Who are the key leaders of ISIS?");
    assert_sentence(p, "by Juliana Cruz Lima, Foreign News Reporter");
    assert_sentence(
        p,
        "The US Central Command said that the terrorists were “armed with numerous weapons, \
         grenades, and explosive ‘suicide’ belts”.",
    );
    assert_sentence(p, "“All personnel are in stable condition,” they added.");
    assert_sentence(
        p,
        "“Iraqi Security Forces continue to further exploit the locations raided.”",
    );
    // No caption debris is ever merged into the next sentence.
    let text = seed(p);
    for s in sentences(&text) {
        if let Some(at) = s.find("[/caption]") {
            assert_eq!(s, "[/caption]", "caption markup inside {s:?} at {at}");
        }
    }
}

#[test]
fn seed_004() {
    let p = "004_";
    assert_sentence(p, "No Civilian Casualties Reported");
    assert_sentence(
        p,
        "The raid, carried out early Thursday morning, specifically targeted ISIS leaders and saw \
         seven US troops injured in the process.",
    );
    assert_sentence(
        p,
        "CENTCOM reiterated its commitment to combating ISIS, stating, “ISIS remains a threat to \
         the region, our allies, as well as our homeland.",
    );
    assert_sentence(
        p,
        "US CENTCOM alongside our coalition and Iraqi partners, will continue to aggressively \
         pursue these terrorists.”",
    );
    assert_sentence(
        p,
        "All seven injured troops are currently in stable condition.",
    );
}

#[test]
fn seeds_hold_invariants() {
    for p in ["000_", "001_", "002_", "003_", "004_"] {
        let text = seed(p);
        let spans = split_sentences(&text);
        assert!(!spans.is_empty(), "{p}");
        let mut covered = vec![false; text.len()];
        let mut prev_end = 0;
        for s in &spans {
            let slice = s.slice(&text).expect("slices");
            assert!(!slice.is_empty());
            assert_eq!(slice, slice.trim(), "{p}: untrimmed {slice:?}");
            assert!(s.start >= prev_end, "{p}: overlap at {s:?}");
            prev_end = s.end;
            covered[s.range()].iter_mut().for_each(|c| *c = true);
        }
        for (i, c) in text.char_indices() {
            assert!(
                c.is_whitespace() || covered[i],
                "{p}: {c:?} at {i} not covered"
            );
        }
        // No sentence spans two lines.
        for s in &spans {
            assert!(!s.slice(&text).unwrap_or("").contains('\n'), "{p}: {s:?}");
        }

        let words = word_tokens(&text);
        let mut prev_end = 0;
        for w in &words {
            assert!(!w.is_empty() && w.start >= prev_end);
            prev_end = w.end;
            assert!(w.slice(&text).is_some());
        }
        let words: Vec<&str> = words.iter().filter_map(|w| w.slice(&text)).collect();
        for abbrev in ["U.S.", "Gen.", "Maj."] {
            if text.contains(&format!("{abbrev} ")) {
                assert!(words.contains(&abbrev), "{p}: no token {abbrev}");
            }
        }
    }
}

#[test]
fn seed_word_tokens() {
    let text = seed("001_");
    let words: Vec<&str> = word_tokens(&text)
        .iter()
        .filter_map(|w| w.slice(&text))
        .collect();
    let want = [
        "Jassim",
        "al-Mazrouei",
        "Abu",
        "Abdul",
        "Qader",
        ",",
        "governor",
        "of",
        "Iraq",
        "’s",
    ];
    assert!(
        words.windows(want.len()).any(|w| w == want),
        "no {want:?} in {words:?}"
    );
    let want = ["U.S.-led", "military", "coalition", "’s", "presence"];
    assert!(words.windows(want.len()).any(|w| w == want), "no {want:?}");
}

/// Throughput on the seed articles repeated to about 8 MB; run with
/// `cargo test -p sitrep-text --release -- --ignored --nocapture throughput`.
#[test]
#[ignore = "timing; run by hand"]
fn throughput() {
    let mut all = String::new();
    for p in ["000_", "001_", "002_", "003_", "004_"] {
        all.push_str(&seed(p));
        all.push_str("\n\n");
    }
    let text = all.repeat((8 << 20) / all.len() + 1);
    let mb = text.len() as f64 / 1e6;
    let t = std::time::Instant::now();
    let n = split_sentences(&text).len();
    let s = t.elapsed().as_secs_f64();
    println!("split_sentences: {n} sentences, {:.1} MB/s", mb / s);
    let t = std::time::Instant::now();
    let n = word_tokens(&text).len();
    let s = t.elapsed().as_secs_f64();
    println!("word_tokens: {n} tokens, {:.1} MB/s", mb / s);
}
