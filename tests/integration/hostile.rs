//! Text from YAML is data, whatever it holds: for a corpus of hostile and
//! unusual strings (scripts, emoji, joiners, control characters, Typst and
//! HTML markup, XML and iCalendar syntax, very long text) written into a
//! title, a place, a person's name and a decision, either `rsr check` reports the
//! problem in the file that holds it, or the build succeeds with valid
//! PDFs and a site whose feed, calendars and open data parse (issue 18:
//! no build that `rsr check` passed fails on the data).

use std::path::Path;

use crate::support::Repo;

/// The strings, with what they probe.
fn corpus() -> Vec<(&'static str, String)> {
    let mut strings: Vec<(&str, String)> = [
        ("emoji and a ZWJ sequence", "Möte 😀 👍🏽 ❤️ 👩‍👩‍👧"),
        ("CJK", "Besök från 中国"),
        ("Arabic", "فاطمة العربية"),
        ("Hebrew", "עברית"),
        ("a joiner", "a\u{200d}b"),
        ("a byte order mark inside", "a\u{feff}b"),
        ("NUL", "a\u{0}b"),
        ("an escape sequence", "a\u{1b}[2Jb"),
        ("a bell", "a\u{7}b"),
        ("a form feed", "a\u{c}b"),
        ("NEL", "a\u{85}b"),
        ("a right-to-left override", "\u{202e}gnp.exe"),
        ("private use", "a\u{e000}b"),
        ("combining marks", "e\u{301}\u{301}\u{301}"),
        ("a replacement character", "a\u{fffd}b"),
        ("a line separator", "a\u{2028}b"),
        ("Typst code", "#set text(red); #panic(\"x\")"),
        ("Typst math and references", "$x^2$ @ref <label>"),
        ("Markdown", "`code` *fet* _kursiv_ [länk](http://x)"),
        ("HTML", "<script>alert(1)</script><b>"),
        ("XML", "]]><!-- &amp; &lt; &#0;"),
        ("iCalendar", "x\r\nEND:VEVENT\r\nBEGIN:VEVENT"),
        ("quotes and backslashes", "\"a\" 'b' \\ \\n"),
        ("templating", "{{ x }} {% if %} ${x}"),
        ("a newline", "rad ett\nrad två"),
    ]
    .into_iter()
    .map(|(what, s)| (what, s.to_string()))
    .collect();
    strings.push(("a long ASCII title", "x".repeat(40_000)));
    strings.push(("a long Swedish title", "Ö".repeat(20_000)));
    strings
}

/// The places a string is written to: a file and the line it replaces.
const FIELDS: &[(&str, &str, &str)] = &[
    (
        "meetings/kn/2026-03-02/02-budget.yaml",
        "rubrik: Budget 2026",
        "rubrik",
    ),
    (
        "meetings/kn/2026-03-02/meeting.yaml",
        "plats: Sessionssalen",
        "plats",
    ),
    (
        "rsr.yaml",
        "bo.ledamot: {namn: Bo Ledamot, parti: M}",
        "namn",
    ),
    (
        "meetings/kn/2026-03-02/02-budget.yaml",
        "beslut: Nämnden godkänner budgeten.",
        "beslut",
    ),
];

/// The site's machine-readable files under `out/` parse.
fn site_parses(out: &Path) -> Result<(), String> {
    for entry in walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        let text = || std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
        match extension {
            "xml" => {
                let text = text()?;
                roxmltree::Document::parse(&text)
                    .map_err(|e| format!("{}: not XML: {e}", path.display()))?;
            }
            "json" => {
                let text = text()?;
                serde_json::from_str::<serde_json::Value>(&text)
                    .map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
            }
            "ics" => {
                let text = text()?;
                let unfolded = icalendar::parser::unfold(&text);
                icalendar::parser::read_calendar(&unfolded)
                    .map_err(|e| format!("{}: not iCalendar: {e}", path.display()))?;
                // A text cannot open an event of its own.
                let events = unfolded
                    .lines()
                    .filter(|l| l.trim_end() == "BEGIN:VEVENT")
                    .count();
                if events != 1 {
                    return Err(format!("{}: {events} events, not 1", path.display()));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[test]
fn hostile_text_is_reported_where_it_is_or_builds() {
    let mut failures = Vec::new();
    let mut built = 0;
    for (file, line, field) in FIELDS {
        for (what, value) in corpus() {
            let repo = Repo::minimal_held();
            let written = serde_json::to_string(&value).unwrap();
            let key = line.split(':').next().unwrap();
            let replacement = if *field == "namn" {
                format!("{key}: {{namn: {written}, parti: M}}")
            } else {
                format!("{key}: {written}")
            };
            repo.edit(file, line, &replacement);
            let check = repo.rsr(&["check", "--format", "json"]);
            let findings: Vec<serde_json::Value> =
                serde_json::from_slice(&check.output.stdout).unwrap_or_default();
            let errors: Vec<&serde_json::Value> = findings
                .iter()
                .filter(|f| f["severity"] == "error")
                .collect();
            if !errors.is_empty() {
                for error in errors {
                    if error["file"] != *file {
                        failures.push(format!(
                            "{field} with {what}: an error outside {file}: {error}"
                        ));
                    }
                }
                continue;
            }
            // Check passed: the build must, with valid PDFs (Repo::rsr
            // validates every PDF it finds) and a site that parses.
            let build = repo.rsr(&["build"]);
            if !build.output.status.success() {
                failures.push(format!(
                    "{field} with {what}: rsr check passed, the build failed:\n{}",
                    build.stderr()
                ));
                continue;
            }
            built += 1;
            if let Err(problem) = site_parses(&repo.path().join("out")) {
                failures.push(format!("{field} with {what}: {problem}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The corpus is not all refused: most of it is text a document holds.
    assert!(built >= 60, "only {built} of the hostile strings built");
}
