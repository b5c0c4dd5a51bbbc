//! No personal identity number on the web (rule `personal-number`): found
//! where it stands in text that is published, not in a confidential item,
//! a number the item allows or a comment; the examples have none.

use crate::support::Repo;

const ITEM: &str = "meetings/kn/2026-03-02/03-dodsbo.yaml";

fn with_item(text: &str) -> Repo {
    let repo = Repo::minimal_held();
    repo.write(ITEM, text);
    repo
}

#[test]
fn a_personal_number_in_published_text_is_an_error_where_it_stands() {
    let repo = with_item(
        "rubrik: Bidrag ur fonden\n\
         # Sökandens nummer, 19121212-1212, står i akten: a comment is not published.\n\
         ärendebeskrivning: |\n  Ansökan från Tolvan Tolvansson,\n  personnummer 121212-1212.\n\
         beslut: Bidrag beviljas.\n",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[personal-number]: a personal identity number (121212-XXXX)")
            && stderr.contains(&format!("{ITEM}:5:16")),
        "{stderr}"
    );
    // Once; the message hides it (the source line below it is the
    // secretary's own file).
    assert_eq!(
        stderr.matches("error[personal-number]").count(),
        1,
        "{stderr}"
    );
    let message = stderr.lines().next().unwrap();
    assert!(!message.contains("1212-1212"), "{message}");
    // The build refuses too: nothing is published with it.
    repo.rsr(&["build"]).failure();
    assert!(!repo.path().join("out/kn/2026-03-02-kallelse.pdf").exists());
}

#[test]
fn a_confidential_item_or_an_allowed_number_is_not() {
    let text = "rubrik: Bidrag ur fonden\n\
                ärendebeskrivning: Ansökan från 19121212-1212.\n\
                beslut: Bidrag beviljas.\n";
    let confidential = with_item(&format!(
        "{text}sekretess:\n  grund: OSL 26 kap. 1 §\n  offentlig_rubrik: Ansökan om bidrag\n"
    ));
    let stderr = confidential.rsr(&["check"]).stderr();
    assert!(!stderr.contains("personal-number"), "{stderr}");
    let allowed = with_item(&format!("{text}tillåtna_personnummer: [\"121212-1212\"]\n"));
    let stderr = allowed.rsr(&["check"]).stderr();
    assert!(!stderr.contains("personal-number"), "{stderr}");
    // Another number in the same item is still found; one with the
    // wrong check digit is none.
    let other = with_item(&format!(
        "{text}tillåtna_personnummer: [\"1212121212\"]\nsammanfattning: Medsökande 811218-9876, inte 811218-9875.\n"
    ));
    let stderr = other.rsr(&["check"]).failure().stderr();
    assert_eq!(
        stderr.matches("error[personal-number]").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("(811218-XXXX)"), "{stderr}");
}
