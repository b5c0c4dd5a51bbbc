//! Writes a synthetic but realistic meeting repository for the benchmark
//! (`bench/gen` runs this): bodies under Kommunallagen with members and
//! substitutes, meetings through the year (all adjusted but the last, which
//! is called), items with long descriptions, lists, motions, votes and
//! reservations. The result passes `rsr check`.
//!
//! Meetings come 22 a year (twice a month but July), year after year from
//! 2026: `--meetings 110` or `--years 5` is five years of history.
//!
//! Usage: bench_gen --bodies B (--meetings M | --years Y) --items I DIR

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The months a body meets in, July being the summer break.
const MONTHS: [u32; 11] = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12];

const FIRST: [&str; 24] = [
    "Anna", "Erik", "Karin", "Lars", "Maria", "Johan", "Eva", "Per", "Sofia", "Mikael", "Lena",
    "Anders", "Ingrid", "Olof", "Helena", "Nils", "Sara", "Gustav", "Elin", "Tobias", "Astrid",
    "Jonas", "Frida", "Henrik",
];
const LAST: [&str; 20] = [
    "Berg",
    "Ek",
    "Holm",
    "Strand",
    "Lund",
    "Nyberg",
    "Dahl",
    "Vik",
    "Sjöberg",
    "Nord",
    "Falk",
    "Palm",
    "Lind",
    "Modig",
    "Wik",
    "Ås",
    "Forsberg",
    "Hedlund",
    "Sundqvist",
    "Öberg",
];
const PARTIES: [&str; 8] = ["S", "M", "C", "V", "SD", "KD", "L", "MP"];
const AREAS: [&str; 10] = [
    "bygg och miljö",
    "utbildning",
    "socialtjänst",
    "kultur och fritid",
    "teknisk service",
    "vård och omsorg",
    "arbetsmarknad",
    "räddningstjänst",
    "folkhälsa",
    "kollektivtrafik",
];
const MATTERS: [&str; 8] = [
    "Bygglov för nybyggnad av flerbostadshus",
    "Yttrande över remiss om regional utvecklingsstrategi",
    "Taxa för tillsyn och prövning",
    "Uppföljning av verksamhetsplan och budget",
    "Internkontrollplan",
    "Svar på motion om gång- och cykelvägar",
    "Delårsrapport med prognos",
    "Riktlinjer för lokalförsörjning",
];
const WORDS: [&str; 24] = [
    "förvaltningen",
    "bedömer",
    "att",
    "ärendet",
    "har",
    "beretts",
    "i",
    "samråd",
    "med",
    "berörda",
    "verksamheter",
    "och",
    "kostnaderna",
    "ryms",
    "inom",
    "ram",
    "för",
    "innevarande",
    "år",
    "samt",
    "redovisas",
    "till",
    "nämnden",
    "löpande",
];

/// Members per body: ordförande, vice ordförande and seven ledamöter; four
/// ersättare; a secretary and two officials who present matters.
const MEMBERS: usize = 9;
const SUBSTITUTES: usize = 4;

struct Options {
    bodies: usize,
    meetings: usize,
    items: usize,
    dir: PathBuf,
}

fn main() {
    let options = match parse(std::env::args().skip(1).collect()) {
        Ok(options) => options,
        Err(message) => {
            eprintln!(
                "{message}\nUsage: bench_gen --bodies B (--meetings M | --years Y) --items I DIR"
            );
            std::process::exit(2);
        }
    };
    if let Err(error) = generate(&options) {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
    // The adjusted meetings sealed as `rsr justera` would, without
    // typesetting their protokoll (a justerad meeting without its lock is
    // an error).
    if let Err(error) = rsr::review::justera::seal_unsealed(&options.dir) {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}

fn parse(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options {
        bodies: 1,
        meetings: 11,
        items: 8,
        dir: PathBuf::new(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            let value = args.next().ok_or(format!("{name} needs a number"))?;
            value
                .parse()
                .map_err(|_| format!("{name}: `{value}` is not a number"))
        };
        match arg.as_str() {
            "--bodies" => options.bodies = number("--bodies")?,
            "--meetings" => options.meetings = number("--meetings")?,
            "--years" => options.meetings = number("--years")? * 2 * MONTHS.len(),
            "--items" => options.items = number("--items")?,
            dir if !dir.starts_with('-') => options.dir = PathBuf::from(dir),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if options.dir.as_os_str().is_empty() {
        return Err("no folder given".into());
    }
    if options.items < 3 || options.meetings == 0 || options.bodies == 0 {
        return Err("at least 1 body, 1 meeting and 3 items per meeting".into());
    }
    Ok(options)
}

fn generate(options: &Options) -> std::io::Result<()> {
    let mut people = String::from("organisation: Syntetiska regionen\n\npersoner:\n");
    for body in 0..options.bodies {
        for n in 0..MEMBERS + SUBSTITUTES + 3 {
            let seed = body * 31 + n * 7;
            let name = format!(
                "{} {}",
                FIRST[seed % FIRST.len()],
                LAST[(seed / 3 + n) % LAST.len()]
            );
            let extra = if n < MEMBERS + SUBSTITUTES {
                format!(", parti: {}", PARTIES[(body + n) % PARTIES.len()])
            } else {
                ", titel: handläggare".to_string()
            };
            writeln!(people, "  {}: {{namn: {name}{extra}}}", person(body, n)).ok();
        }
    }
    write(&options.dir.join("rsr.yaml"), &people)?;
    for body in 0..options.bodies {
        generate_body(options, body)?;
    }
    Ok(())
}

fn person(body: usize, n: usize) -> String {
    format!("p{body:03}-{n:02}")
}

fn slug(body: usize) -> String {
    format!("n{body:03}")
}

fn generate_body(options: &Options, body: usize) -> std::io::Result<()> {
    let dir = options.dir.join("meetings").join(slug(body));
    let mut text = format!(
        "namn: Nämnden för {} {}\nkortnamn: N{body:03}\norganisation: Syntetiska regionen\ntyp: nämnd\nkallelsetid: 7\ndiarienummer: '^N{body:03} \\d{{4}}-\\d{{4}}$'\nanslagstavla: true\nledamöter:\n",
        AREAS[body % AREAS.len()],
        body + 1
    );
    for n in 0..MEMBERS + SUBSTITUTES + 1 {
        let role = match n {
            0 => "ordförande",
            1 => "vice ordförande",
            n if n < MEMBERS => "ledamot",
            n if n < MEMBERS + SUBSTITUTES => "ersättare",
            _ => "sekreterare",
        };
        writeln!(text, "  - {{person: {}, roll: {role}}}", person(body, n)).ok();
    }
    write(&dir.join("body.yaml"), &text)?;
    let dates: Vec<NaiveDate> = (0..options.meetings).map(|m| date(body, m)).collect();
    for (m, date) in dates.iter().enumerate() {
        let last = m + 1 == dates.len();
        generate_meeting(options, body, m, *date, dates.get(m + 1).copied(), last)?;
    }
    Ok(())
}

/// The meeting's date: a Tuesday to Thursday in one of the months the body
/// meets, the second week and the fourth: 22 meetings a year, in order, a
/// year after another.
fn date(body: usize, m: usize) -> NaiveDate {
    let per_year = 2 * MONTHS.len();
    let year = 2026 + (m / per_year) as i32;
    let month = MONTHS[(m % per_year) / 2];
    let week = m % 2;
    let mut day = NaiveDate::from_ymd_opt(year, month, 8 + 14 * week as u32).unwrap_or_default();
    while day.weekday() != Weekday::Tue {
        day += Duration::days(1);
    }
    day + Duration::days((body % 3) as i64)
}

fn generate_meeting(
    options: &Options,
    body: usize,
    m: usize,
    date: NaiveDate,
    next: Option<NaiveDate>,
    last: bool,
) -> std::io::Result<()> {
    let dir = options
        .dir
        .join("meetings")
        .join(slug(body))
        .join(date.format("%Y-%m-%d").to_string());
    let held = !last;
    let mut text = format!(
        "datum: {date}\nstart: \"09:00\"\nslut: \"12:00\"\nplats: Sammanträdesrummet, Regionens hus\nform: fysiskt\nstatus: {}\nkallelse_skickad: {}\n",
        if held { "justerad" } else { "kallad" },
        date - Duration::days(10)
    );
    if let Some(next) = next {
        writeln!(text, "nästa_möte: {next}").ok();
    }
    if held {
        writeln!(
            text,
            "justerare: [{}]\njustering:\n  datum: {}\n  plats: Regionens hus",
            person(body, 2),
            date + Duration::days(6)
        )
        .ok();
        // All members but the last, whose place a substitute takes.
        text.push_str("närvaro:\n  beslutande:\n");
        for n in 0..MEMBERS - 1 {
            writeln!(text, "    - {}", person(body, n)).ok();
        }
        writeln!(
            text,
            "  tjänstgörande_ersättare:\n    - {{person: {}, för: {}}}\n  ej_närvarande:\n    - {}\n  övriga:\n    - {{person: {}, roll: sekreterare}}",
            person(body, MEMBERS),
            person(body, MEMBERS - 1),
            person(body, MEMBERS - 1),
            person(body, MEMBERS + SUBSTITUTES),
        )
        .ok();
    }
    write(&dir.join("meeting.yaml"), &text)?;

    let deciding: Vec<String> = (0..MEMBERS - 1)
        .map(|n| person(body, n))
        .chain(std::iter::once(person(body, MEMBERS)))
        .collect();
    write(
        &dir.join("01-justerare.yaml"),
        &format!(
            "rubrik: Val av justerare\ntyp: standard\n{}",
            if held {
                "beslut: Nämnden utser en justerare att jämte ordföranden justera protokollet.\n"
            } else {
                ""
            }
        ),
    )?;
    write(
        &dir.join("02-dagordning.yaml"),
        &format!(
            "rubrik: Godkännande av dagordning\ntyp: standard\n{}",
            if held {
                "beslut: Dagordningen godkänns.\n"
            } else {
                ""
            }
        ),
    )?;
    for i in 2..options.items {
        let seed = body * 101 + m * 13 + i * 7;
        let title = format!("{} {}", MATTERS[seed % MATTERS.len()], i - 1);
        let mut item = format!(
            "rubrik: {title}\ndiarienummer: N{body:03} {}-{:04}\nföredragande: [{}]\närendebeskrivning: |\n",
            date.year(),
            // Numbered within the year, as a diarium is: four digits.
            (m % (2 * MONTHS.len())) * 100 + i,
            person(body, MEMBERS + SUBSTITUTES + 1 + i % 2)
        );
        for paragraph in 0..3 {
            writeln!(item, "  {}\n", sentence(seed + paragraph, 60)).ok();
        }
        item.push_str("  Förvaltningen har särskilt beaktat:\n\n");
        for point in 0..4 {
            writeln!(item, "  - {}", sentence(seed * 3 + point, 9)).ok();
        }
        writeln!(
            item,
            "förslag_till_beslut: |\n  {}\nbeslutsunderlag:\n  - Tjänsteskrivelse {}\n  - Bilaga {}\nunderlag_framtaget_av: [{}]\nexpedieras_till:\n  - Kommunstyrelsen\n  - Ekonomienheten",
            sentence(seed + 5, 25),
            date - Duration::days(20),
            i - 1,
            person(body, MEMBERS + SUBSTITUTES + 1)
        )
        .ok();
        if held {
            writeln!(
                item,
                "beslut: |\n  1. {}\n  2. {}",
                sentence(seed + 7, 20),
                sentence(seed + 8, 12)
            )
            .ok();
            // Every third matter is put to a vote, lost by the opposition.
            if i % 3 == 2 {
                let (yes, no) = deciding.split_at(6);
                writeln!(
                    item,
                    "yrkanden:\n  - av: [{}]\n    yrkar: bifall till förvaltningens förslag\n  - av: [{}]\n    yrkar: avslag\nomröstning:\n  ja_för: förvaltningens förslag\n  nej_för: avslagsyrkandet\n  ja: [{}]\n  nej: [{}]\nreservationer:\n  - av: [{}]\n    motivering: |\n      {}",
                    deciding[0],
                    no[0],
                    yes.join(", "),
                    no.join(", "),
                    no.join(", "),
                    sentence(seed + 9, 30)
                )
                .ok();
            }
        }
        write(
            &dir.join(format!("{:02}-arende-{}.yaml", i + 1, i - 1)),
            &item,
        )?;
    }
    Ok(())
}

/// A sentence of `words` words, varied by `seed`, capitalised and ended.
fn sentence(seed: usize, words: usize) -> String {
    let mut text = String::new();
    let mut state = seed as u64 * 2_654_435_761 + 1;
    for n in 0..words {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let word = WORDS[(state >> 33) as usize % WORDS.len()];
        if n > 0 {
            text.push(' ');
        }
        text.push_str(word);
    }
    let mut chars = text.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    capitalised + "."
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}
