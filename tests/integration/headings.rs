//! Markdown headings in a text field become sub-headings under the field's
//! own heading, tagged one level below it, never skipping a level.

use crate::support::{Repo, assert_in_order, structure};

#[test]
fn markdown_headings_are_sub_headings_tagged_below_the_field() {
    let repo = Repo::minimal();
    repo.unseal("meetings/kn/2026-03-02");
    let item = std::fs::read_dir(repo.path().join("meetings/kn/2026-03-02"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".yaml") && name != "meeting.yaml")
        .max()
        .unwrap();
    let item = format!("meetings/kn/2026-03-02/{item}");
    let text = repo.read(&item);
    repo.write(
        &item,
        &format!(
            "{text}sammanfattning: |\n  Inledning.\n\n  ### Ekonomi\n\n  Kostnaden ryms i budgeten.\n\n  ###### Detalj #read(\"/etc/passwd\")\n\n  Mer text.\n\n  ### Tidplan\n\n  Under våren.\n"
        ),
    );
    repo.reseal("meetings/kn/2026-03-02");
    repo.rsr(&["check"]).success();
    repo.rsr(&["build", "--kind", "protokoll"]).success();
    let path = repo.path().join("out/kn/2026-03-02-protokoll.pdf");
    let text = repo.text("out/kn/2026-03-02-protokoll.pdf");
    assert_in_order(
        &text,
        &[
            "Sammanfattning och överväganden",
            "Inledning.",
            "Ekonomi",
            "Kostnaden ryms i budgeten.",
            "Detalj #read(\"/etc/passwd\")",
            "Mer text.",
            "Tidplan",
            "Under våren.",
        ],
    );
    // The markers are gone: they were headings, not text.
    assert!(!text.contains("###"), "{text}");

    let kinds: Vec<String> = structure(&path).into_iter().map(|(kind, _)| kind).collect();
    let headings: Vec<&str> = kinds
        .iter()
        .map(String::as_str)
        .filter(|kind| kind.len() == 2 && kind.starts_with('H'))
        .collect();
    // H1 the body, H2 Innehållsförteckning and each §, H3 the parts; the
    // field's `###` is H4 and its `######` H5, one below, not H8.
    let at = headings
        .iter()
        .position(|h| *h == "H4")
        .expect("an H4 in the tag tree");
    assert_eq!(&headings[at..at + 3], ["H4", "H5", "H4"], "{headings:?}");
    assert!(headings[at - 1] == "H3", "{headings:?}");
    for pair in headings.windows(2) {
        let (a, b) = (
            pair[0][1..].parse::<u8>().unwrap(),
            pair[1][1..].parse::<u8>().unwrap(),
        );
        assert!(b <= a + 1, "a heading level skipped: {headings:?}");
    }
    // Not in the table of contents: it lists the §§ only.
    let contents = text.split("Innehållsförteckning").nth(1).unwrap();
    let contents = contents.split("§ 1 ").next().unwrap_or(contents);
    assert!(!contents.contains("Ekonomi"), "{contents}");
}

#[test]
fn a_heading_reads_as_the_paragraph_an_earlier_rsr_sealed() {
    let repo = Repo::minimal();
    let meeting = "meetings/kn/2026-03-02";
    let item = "meetings/kn/2026-03-02/02-budget.yaml";
    repo.unseal(meeting).edit(
        &format!("{meeting}/meeting.yaml"),
        "status: justerad",
        "status: genomförd",
    );
    let text = repo.read(item);
    repo.write(
        item,
        &format!("{text}sammanfattning: |\n  Ekonomi\n\n  Kostnaden ryms i budgeten.\n"),
    );
    repo.rsr(&["justera", "kn", "2026-03-02"]).success();
    repo.rsr(&["check"]).success();

    // Before rsr knew headings, `# Ekonomi` was a paragraph: a protokoll
    // sealed then must not read as changed now. The words are the same.
    repo.edit(item, "  Ekonomi\n", "  # Ekonomi\n");
    repo.rsr(&["check"]).success();
    // Other words are a change.
    repo.edit(item, "  # Ekonomi\n", "  # Ekonomin\n");
    let run = repo.rsr(&["check"]).failure();
    assert!(
        run.stderr().contains("error[adjusted-changed]"),
        "{}",
        run.stderr()
    );
}
