//! Digital justering (`rsr signera`, `rsr verifiera`), held to independent
//! tools: a test CA and signers' certificates made with `openssl`, rsr's
//! signatures validated by pyHanko, pyHanko's signatures on rsr's prepared
//! PDF checked by rsr, and every signed PDF under the repository validated
//! as PDF/UA-1 and PDF/A-2a (`conformance`, after each run of rsr).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::conformance;
use crate::support::Repo;

const BMN: &str = "meetings/bmn/2026-10-14";
const SIGNED: &str = "meetings/bmn/2026-10-14/signerat/protokoll.pdf";
const PASSWORD: &str = "RSR_CERTIFIKAT_LOSENORD";

/// A test CA with signers' certificates, made with openssl in a folder of
/// its own (outside the repository, so that what a test makes there is
/// not held to PDF/A).
struct Pki {
    dir: tempfile::TempDir,
}

/// A signer's files: the .p12 (password `hemligt`), the key and the
/// certificate as PEM.
struct Person {
    p12: PathBuf,
    key: PathBuf,
    cert: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

const CA_CONFIG: &str = "\
[ca]
default_ca = test
[test]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = anything
unique_subject = no
x509_extensions = signer
[anything]
commonName = supplied
[signer]
keyUsage = critical,nonRepudiation,digitalSignature
basicConstraints = CA:FALSE
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa]
keyUsage = critical,nonRepudiation,digitalSignature
extendedKeyUsage = critical,timeStamping
basicConstraints = CA:FALSE
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
";

/// What `openssl ts -reply` needs of a time-stamp authority: its key and
/// certificate, the chain it sends, and what it puts in each token
/// (accuracy, ordering and its name among them, the optional fields a
/// token may carry).
const TSA_CONFIG: &str = "\
[tsa]
default_tsa = authority
[authority]
dir = .
serial = tsaserial
signer_cert = tsa.pem
certs = ca.pem
signer_key = tsa.key
signer_digest = sha256
default_policy = 1.2.752.1.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
";

impl Pki {
    fn new() -> Pki {
        let pki = Pki {
            dir: tempfile::tempdir().unwrap(),
        };
        pki.ca("ca", "Storsjö kommuns test-CA");
        pki
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A CA named `name`, its key and certificate as `<file>.key` and
    /// `<file>.pem`, with its own database.
    fn ca(&self, file: &str, name: &str) {
        let dir = self.path().join(file);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("ca.cnf"), CA_CONFIG).unwrap();
        std::fs::write(dir.join("index.txt"), "").unwrap();
        std::fs::write(dir.join("serial"), "1000\n").unwrap();
        let subject = format!("/CN={name}");
        openssl(
            &dir,
            &[
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-utf8", "-keyout", "ca.key",
                "-out", "ca.pem", "-days", "3650", "-subj", &subject,
            ],
        );
    }

    fn ca_pem(&self, ca: &str) -> PathBuf {
        self.path().join(ca).join("ca.pem")
    }

    /// A signer's certificate for `name` from `ca`, valid from `start` to
    /// `end` (YYYYMMDDHHMMSSZ), with an RSA key or, with `ec`, P-256.
    fn person(&self, ca: &str, file: &str, name: &str, ec: bool, start: &str, end: &str) -> Person {
        let dir = self.path().join(ca);
        let key = dir.join(format!("{file}.key"));
        let csr = dir.join(format!("{file}.csr"));
        let cert = dir.join(format!("{file}.pem"));
        let p12 = dir.join(format!("{file}.p12"));
        let subject = format!("/CN={name}");
        let mut request = vec!["req", "-new", "-nodes", "-utf8", "-subj", &subject];
        let key_text = key.to_str().unwrap();
        let csr_text = csr.to_str().unwrap();
        if ec {
            request.extend(["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]);
        } else {
            request.extend(["-newkey", "rsa:2048"]);
        }
        request.extend(["-keyout", key_text, "-out", csr_text]);
        openssl(&dir, &request);
        openssl(
            &dir,
            &[
                "ca",
                "-batch",
                "-config",
                "ca.cnf",
                "-notext",
                "-utf8",
                "-cert",
                "ca.pem",
                "-keyfile",
                "ca.key",
                "-startdate",
                start,
                "-enddate",
                end,
                "-in",
                csr_text,
                "-out",
                cert.to_str().unwrap(),
            ],
        );
        openssl(
            &dir,
            &[
                "pkcs12",
                "-export",
                "-inkey",
                key_text,
                "-in",
                cert.to_str().unwrap(),
                "-certfile",
                "ca.pem",
                "-out",
                p12.to_str().unwrap(),
                "-passout",
                "pass:hemligt",
            ],
        );
        Person { p12, key, cert }
    }

    /// A time-stamp authority's key and certificate (`tsa.key`, `tsa.pem`)
    /// from `ca`, for time-stamping only, and its `openssl ts` settings.
    fn tsa(&self, ca: &str, name: &str) {
        let dir = self.path().join(ca);
        let subject = format!("/CN={name}");
        openssl(
            &dir,
            &[
                "req", "-new", "-nodes", "-utf8", "-subj", &subject, "-newkey", "rsa:2048",
                "-keyout", "tsa.key", "-out", "tsa.csr",
            ],
        );
        openssl(
            &dir,
            &[
                "ca",
                "-batch",
                "-config",
                "ca.cnf",
                "-extensions",
                "tsa",
                "-notext",
                "-utf8",
                "-cert",
                "ca.pem",
                "-keyfile",
                "ca.key",
                "-startdate",
                "20200101000000Z",
                "-enddate",
                "20991231000000Z",
                "-in",
                "tsa.csr",
                "-out",
                "tsa.pem",
            ],
        );
        std::fs::write(dir.join("tsa.cnf"), TSA_CONFIG).unwrap();
        std::fs::write(dir.join("tsaserial"), "01\n").unwrap();
    }

    /// A signer valid from 2020 to 2099 under the test CA.
    fn signer(&self, file: &str, name: &str) -> Person {
        self.person(
            "ca",
            file,
            name,
            false,
            "20200101000000Z",
            "20991231000000Z",
        )
    }
}

/// The examples, with the test CA in the trust list.
fn trusting(pki: &Pki) -> Repo {
    let repo = Repo::examples();
    let trust = repo.path().join("signering/betrodda");
    std::fs::create_dir_all(&trust).unwrap();
    std::fs::copy(pki.ca_pem("ca"), trust.join("test-ca.pem")).unwrap();
    repo
}

/// Signs BMN 2026-10-14 with `person`'s certificate.
fn sign(repo: &Repo, person: &Person) -> crate::support::Run {
    sign_meeting(repo, "bmn", "2026-10-14", person)
}

/// The prepared PDF of a meeting's protokoll, as `rsr signera --forbered`
/// writes it for a signing service, in the test CA's folder.
fn prepare(repo: &Repo, pki: &Pki, body: &str, date: &str) -> PathBuf {
    let prepared = pki.path().join(format!("{body}-{date}.pdf"));
    repo.rsr(&[
        "signera",
        body,
        date,
        "--forbered",
        prepared.to_str().unwrap(),
    ])
    .success();
    prepared
}

/// pyHanko, the independent validator; the tests need it (`pip install
/// pyhanko pyhanko-cli`, as .ci/run does) and fail without it.
fn pyhanko() -> Command {
    let probe = Command::new("pyhanko").arg("--version").output();
    assert!(
        probe.is_ok_and(|o| o.status.success()),
        "pyHanko is needed to validate signatures: pip install pyhanko pyhanko-cli"
    );
    Command::new("pyhanko")
}

/// pyHanko's verdict on each signature of `file`, trusting only `ca`:
/// one line per field, `field:hash:INTACT:TRUSTED,…`.
fn pyhanko_validate(file: &Path, ca: &Path) -> (bool, String) {
    let output = pyhanko()
        .args(["sign", "validate", "--trust-replace", "--trust"])
        .arg(ca)
        .arg(file)
        .output()
        .unwrap();
    (
        output.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

/// Signs `field` of `input` with pyHanko's library as a signing service
/// would that appends only the signature (pyHanko's command line also
/// rewrites the document's metadata, which rsr refuses: see
/// `pyhankos_metadata_rewrite_is_refused`).
fn pyhanko_sign(person: &Person, ca: &Path, field: &str, input: &Path, output: &Path) {
    let script = r#"
import sys
from pyhanko.sign import signers, fields
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
IncrementalPdfFileWriter._update_meta = lambda self: None
key, cert, ca, field, src, dst = sys.argv[1:]
signer = signers.SimpleSigner.load(key, cert, ca_chain_files=(ca,), key_passphrase=None)
meta = signers.PdfSignatureMetadata(field_name=field, subfilter=fields.SigSeedSubFilter.PADES)
with open(src, "rb") as f:
    writer = IncrementalPdfFileWriter(f)
    with open(dst, "wb") as out:
        signers.sign_pdf(writer, meta, signer=signer, output=out)
"#;
    python(
        "pyHanko signing",
        script,
        &[
            person.key.as_os_str(),
            person.cert.as_os_str(),
            ca.as_os_str(),
            field.as_ref(),
            input.as_os_str(),
            output.as_os_str(),
        ],
    );
}

/// A time-stamp authority over HTTP on a local port, answering each
/// request with `openssl ts -reply` as the authority of `ca` (see
/// `Pki::tsa`); counts the tokens it has given.
struct Tsa {
    url: String,
    served: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Tsa {
    fn start(pki: &Pki, ca: &str) -> Tsa {
        use std::io::{BufRead, Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/tsa", listener.local_addr().unwrap());
        let dir = pki.path().join(ca);
        let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = served.clone();
        std::thread::spawn(move || {
            for (n, stream) in listener.incoming().enumerate() {
                let Ok(stream) = stream else { continue };
                let mut reader = std::io::BufReader::new(stream);
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some((name, value)) = line.split_once(':')
                        && name.eq_ignore_ascii_case("content-length")
                    {
                        length = value.trim().parse().unwrap_or(0);
                    }
                }
                let mut query = vec![0; length];
                if reader.read_exact(&mut query).is_err() {
                    continue;
                }
                let (query_file, reply_file) = (format!("q{n}.tsq"), format!("r{n}.tsr"));
                std::fs::write(dir.join(&query_file), &query).unwrap();
                let made = Command::new("openssl")
                    .current_dir(&dir)
                    .args(["ts", "-reply", "-config", "tsa.cnf", "-queryfile"])
                    .args([&query_file, "-out", &reply_file])
                    .output()
                    .unwrap();
                let reply = std::fs::read(dir.join(&reply_file)).unwrap_or_default();
                let mut stream = reader.into_inner();
                let head = if made.status.success() {
                    count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    "200 OK"
                } else {
                    "500 Internal Server Error"
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {head}\r\nContent-Type: application/timestamp-reply\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    reply.len()
                );
                let _ = stream.write_all(&reply);
            }
        });
        Tsa { url, served }
    }

    fn served(&self) -> usize {
        self.served.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Signs BMN 2026-10-14 with `person`'s certificate, time-stamped by the
/// authority at `url`.
fn sign_stamped(repo: &Repo, person: &Person, url: &str) -> crate::support::Run {
    repo.rsr_env(
        &[
            "signera",
            "bmn",
            "2026-10-14",
            "--certifikat",
            person.p12.to_str().unwrap(),
            "--tidsstampel",
            url,
        ],
        &[(PASSWORD, "hemligt")],
    )
}

#[test]
fn a_signature_time_stamped_by_an_authority_is_pades_b_t() {
    let pki = Pki::new();
    pki.tsa("ca", "Storsjö kommuns tidsstämpel");
    let tsa = Tsa::start(&pki, "ca");
    let repo = trusting(&pki);
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    sign_stamped(&repo, &ingrid, &tsa.url).success();
    // Asked twice: for the room the signature needs, and for it.
    assert_eq!(tsa.served(), 2);
    let stamped_once = repo.bytes(SIGNED);
    // The ordförande signs without a time-stamp, after.
    sign(&repo, &pki.signer("anna", "Anna Berg")).success();

    let signed = repo.path().join(SIGNED);
    let output = pyhanko()
        .args([
            "sign",
            "validate",
            "--pretty-print",
            "--trust-replace",
            "--trust",
        ])
        .arg(pki.ca_pem("ca"))
        .arg(&signed)
        .output()
        .unwrap();
    let pretty = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{pretty}");
    // pyHanko finds the time-stamp on the sekreterare's signature, valid and
    // trusted, and none on the ordförande's.
    let fields: Vec<&str> = pretty.split("Field ").skip(1).collect();
    let field = |name: &str| {
        *fields
            .iter()
            .find(|f| {
                f.split_once('\n')
                    .is_some_and(|(head, _)| head.ends_with(&format!(": {name}")))
            })
            .unwrap_or_else(|| panic!("no {name}: {pretty}"))
    };
    let sekreterare = field("sekreterare");
    for said in [
        "The timestamp token is cryptographically sound.",
        "TSA certificate subject: \"Common Name: Storsjö kommuns tidsstämpel\"",
        "The TSA certificate is trusted.",
        "The signature is judged VALID.",
    ] {
        assert!(sekreterare.contains(said), "{said}: {sekreterare}");
    }
    assert!(!field("ordforande").contains("timestamp token"), "{pretty}");

    let human = repo
        .rsr(&["verifiera", "bmn", "2026-10-14"])
        .success()
        .stdout();
    assert!(
        human.contains("time-stamped ") && human.contains(" by CN=Storsjö kommuns tidsstämpel"),
        "{human}"
    );
    let report = json(
        &repo
            .rsr(&["verifiera", "bmn", "2026-10-14", "--format", "json"])
            .success()
            .stdout(),
    );
    let stamp = &report["signatures"][0]["timestamp"];
    assert_eq!(
        stamp["authority"], "CN=Storsjö kommuns tidsstämpel",
        "{report}"
    );
    assert_eq!(stamp["trusted_by"], "CN=Storsjö kommuns test-CA");
    assert!(
        report["signatures"][1].get("timestamp").is_none(),
        "{report}"
    );
    repo.rsr(&["check"]).success();

    // The time-stamp sits outside what the signer signed: a token whose
    // authority's signature is broken (its last byte, the container's
    // last) leaves the signature intact but the time-stamp void.
    let mut bytes = stamped_once;
    let dictionary = bytes.windows(9).position(|w| w == b"/Type/Sig").unwrap();
    let at = dictionary
        + bytes[dictionary..]
            .windows(10)
            .position(|w| w == b"/Contents<")
            .unwrap()
        + 10;
    let hex =
        |i: usize| u8::from_str_radix(std::str::from_utf8(&bytes[i..i + 2]).unwrap(), 16).unwrap();
    // SEQUENCE, length in two bytes: 30 82 hi lo.
    assert_eq!((hex(at), hex(at + 2)), (0x30, 0x82));
    let length = 4 + (usize::from(hex(at + 4)) << 8 | usize::from(hex(at + 6)));
    let last = at + 2 * (length - 1);
    bytes[last] = if bytes[last] == b'0' { b'1' } else { b'0' };
    let tampered = pki.path().join("tidsstampel-bruten.pdf");
    std::fs::write(&tampered, &bytes).unwrap();
    let broken = verify_file(&repo, "bmn", "2026-10-14", &tampered)
        .failure()
        .stdout();
    assert!(
        broken.contains(
            "the time-stamp over the signature does not hold: its signature does not hold"
        ),
        "{broken}"
    );
    assert!(!broken.contains("does not match the bytes"), "{broken}");
}

#[test]
fn a_document_time_stamp_a_service_adds_after_the_signatures_is_checked() {
    let pki = Pki::new();
    pki.tsa("ca", "Storsjö kommuns tidsstämpel");
    let tsa = Tsa::start(&pki, "ca");
    let repo = trusting(&pki);
    sign(&repo, &pki.signer("ingrid", "Ingrid Palm")).success();
    // The service adds a document time-stamp (PAdES B-LTA) with pyHanko's
    // library, its metadata left alone, in a field of its own.
    let prepared = pki.path().join("att-tidsstampla.pdf");
    repo.rsr(&[
        "signera",
        "bmn",
        "2026-10-14",
        "--forbered",
        prepared.to_str().unwrap(),
    ])
    .success();
    let stamped = pki.path().join("tidsstamplad.pdf");
    let script = r#"
import sys
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
IncrementalPdfFileWriter._update_meta = lambda self: None
url, src, dst = sys.argv[1:]
with open(src, "rb") as f:
    writer = IncrementalPdfFileWriter(f)
    with open(dst, "wb") as out:
        PdfTimeStamper(HTTPTimeStamper(url)).timestamp_pdf(writer, "sha256", output=out)
"#;
    python(
        "pyHanko time-stamping",
        script,
        &[tsa.url.as_ref(), prepared.as_os_str(), stamped.as_os_str()],
    );
    // pyHanko holds the time-stamp and the signature before it valid.
    let (valid, pyhanko_report) = pyhanko_validate(&stamped, &pki.ca_pem("ca"));
    assert!(valid, "{pyhanko_report}");
    // rsr checks the time-stamp too; it holds, and is no one's signature:
    // one of three. But the service put it in a field of its own that is
    // not tagged, and the signed protokoll would no longer be PDF/UA-1.
    let stdout = verify_file(&repo, "bmn", "2026-10-14", &stamped)
        .failure()
        .stdout();
    assert!(
        stdout.contains(": 1/3 signed, checked against BMN 2026-10-14"),
        "{stdout}"
    );
    assert!(
        stdout.contains("document time-stamp ")
            && stdout.contains(" by CN=Storsjö kommuns tidsstämpel valid"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("is not tagged for screen readers, so the signed PDF is no longer PDF/UA-1"),
        "{stdout}"
    );
    let report = json(
        &repo
            .rsr(&[
                "verifiera",
                "bmn",
                "2026-10-14",
                "--fil",
                stamped.to_str().unwrap(),
                "--format",
                "json",
            ])
            .failure()
            .stdout(),
    );
    assert_eq!(report["fields"], 3, "{report}");
    assert_eq!(report["timestamps"][0]["problems"], serde_json::json!([]));
    assert_eq!(
        report["timestamps"][0]["trusted_by"],
        "CN=Storsjö kommuns test-CA"
    );
    // So it is not taken in: the repository keeps what it had.
    let before = repo.bytes(SIGNED);
    let refused = repo
        .rsr(&[
            "signera",
            "bmn",
            "2026-10-14",
            "--ta-emot",
            stamped.to_str().unwrap(),
        ])
        .failure()
        .stderr();
    assert!(
        refused.contains("not tagged for screen readers"),
        "{refused}"
    );
    assert_eq!(repo.bytes(SIGNED), before);

    // Bytes changed under the time-stamp are found.
    let mut bytes = std::fs::read(&stamped).unwrap();
    let at = before.len() + 10;
    bytes[at] ^= 0x01;
    let tampered = pki.path().join("andrad.pdf");
    std::fs::write(&tampered, &bytes).unwrap();
    let stdout = verify_file(&repo, "bmn", "2026-10-14", &tampered)
        .failure()
        .stdout();
    assert!(
        stdout.contains("the document time-stamp does not hold: it stamps other bytes"),
        "{stdout}"
    );
}

#[test]
fn a_time_stamp_from_an_authority_outside_the_trust_list_does_not_count() {
    let pki = Pki::new();
    pki.ca("other", "Någon annans CA");
    pki.tsa("other", "Okänd tidsstämpel");
    let tsa = Tsa::start(&pki, "other");
    let repo = trusting(&pki);
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    // Nothing is written when the signature would not verify.
    let refused = sign_stamped(&repo, &ingrid, &tsa.url).failure().stderr();
    assert!(
        refused.contains(
            "the time-stamp authority CN=Okänd tidsstämpel does not chain to a CA in signering/betrodda/"
        ),
        "{refused}"
    );
    assert!(!repo.path().join(SIGNED).exists());
}

#[test]
fn a_time_stamp_authority_that_cannot_be_asked_signs_nothing() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    let https = sign_stamped(&repo, &ingrid, "https://tsa.example.se/")
        .usage_failure()
        .stderr();
    assert!(
        https.contains("the time-stamp authority is asked over http:// (its answer is signed and checked): https://tsa.example.se/ is not such a URL"),
        "{https}"
    );
    // A port nobody listens on.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let run = sign_stamped(&repo, &ingrid, &format!("http://{closed}/tsa"))
        .io_failure()
        .stderr();
    assert!(
        run.contains("the time-stamp authority did not answer with a time-stamp: "),
        "{run}"
    );
    assert!(!repo.path().join(SIGNED).exists());
}

/// `rsr verifiera <body> <date> --fil FILE`: another file against the
/// meeting.
fn verify_file(repo: &Repo, body: &str, date: &str, file: &Path) -> crate::support::Run {
    repo.rsr(&["verifiera", body, date, "--fil", file.to_str().unwrap()])
}

/// Runs a Python script of pyHanko's library with `args`; fails the test
/// where it fails, saying `what`.
fn python(what: &str, script: &str, args: &[&std::ffi::OsStr]) {
    pyhanko();
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn three_signers_sign_one_after_another_and_pyhanko_validates_each() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    // Anna's key is ECDSA P-256, the others' RSA.
    let anna = pki.person(
        "ca",
        "anna",
        "Anna Berg",
        true,
        "20200101000000Z",
        "20991231000000Z",
    );
    let karin = pki.signer("karin", "Karin Holm");

    let first = sign(&repo, &ingrid).success().stderr();
    assert!(
        first.contains("signed the protokoll of BMN 2026-10-14 as Ingrid Palm, Sekreterare: 1/3 signed (meetings/bmn/2026-10-14/signerat/protokoll.pdf)"),
        "{first}"
    );
    let after_one = repo.bytes(SIGNED);
    let second = sign(&repo, &anna).success().stderr();
    assert!(
        second.contains("as Anna Berg, Ordförande: 2/3 signed"),
        "{second}"
    );
    let after_two = repo.bytes(SIGNED);
    let third = sign(&repo, &karin).success().stderr();
    assert!(
        third.contains("as Karin Holm, Justerare: 3/3 signed"),
        "{third}"
    );
    let signed = repo.bytes(SIGNED);

    // Each signature appends: what was signed before stays, byte for byte.
    assert!(after_two.starts_with(&after_one));
    assert!(signed.starts_with(&after_two));
    // The first revision is the protokoll rsr builds, byte for byte.
    repo.rsr(&["build"]).success();
    let built = repo.bytes("out/bmn/2026-10-14-protokoll.pdf");
    assert!(signed.starts_with(&built));

    let (valid, report) = pyhanko_validate(&repo.path().join(SIGNED), &pki.ca_pem("ca"));
    assert!(valid, "{report}");
    for field in ["sekreterare", "ordforande", "justerare"] {
        let line = report
            .lines()
            .find(|l| l.starts_with(&format!("{field}:")))
            .unwrap_or_else(|| panic!("no line for {field}: {report}"));
        assert!(line.contains(":INTACT:TRUSTED"), "{line}");
    }
    assert!(conformance::problems(&signed).is_empty());

    let human = repo
        .rsr(&["verifiera", "bmn", "2026-10-14"])
        .success()
        .stdout();
    assert!(
        human.starts_with("meetings/bmn/2026-10-14/signerat/protokoll.pdf: 3/3 signed, checked against BMN 2026-10-14"),
        "{human}"
    );
    assert!(
        human.contains("  ordforande: Ordförande Anna Berg ("),
        "{human}"
    );
    assert!(
        human.contains("certificate issued under CN=Storsjö kommuns test-CA"),
        "{human}"
    );
    let report = json(
        &repo
            .rsr(&["verifiera", "bmn", "2026-10-14", "--format", "json"])
            .success()
            .stdout(),
    );
    assert_eq!(report["fields"], 3);
    assert_eq!(report["problems"], serde_json::json!([]));
    let signers: Vec<(&str, &str)> = report["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            assert_eq!(s["problems"], serde_json::json!([]), "{s}");
            assert_eq!(s["trusted_by"], "CN=Storsjö kommuns test-CA");
            (s["field"].as_str().unwrap(), s["signer"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        signers,
        [
            ("sekreterare", "Ingrid Palm"),
            ("ordforande", "Anna Berg"),
            ("justerare", "Karin Holm")
        ]
    );
    // The signed protokoll in the meeting folder is no problem to check.
    repo.rsr(&["check"]).success();
    // Nobody signs twice.
    let again = sign(&repo, &karin).usage_failure().stderr();
    assert!(again.contains("has signed it already"), "{again}");
}

#[test]
fn page_validation_still_wants_every_signature_to_reach_the_end_of_the_file() {
    // The exemption in `conformance` is needed while this holds.
    let pki = Pki::new();
    let repo = trusting(&pki);
    sign(&repo, &pki.signer("ingrid", "Ingrid Palm")).success();
    let once = repo.bytes(SIGNED);
    sign(&repo, &pki.signer("anna", "Anna Berg")).success();
    let twice = repo.bytes(SIGNED);
    let options = page_validation::ValidationOptions::default()
        .profile(page_validation::ValidationProfile::PdfA2a);
    let failing = |bytes: &[u8]| {
        page_validation::validate_pdf_bytes(bytes, &options)
            .unwrap()
            .failures
            .iter()
            .map(|f| f.rule_id.to_string())
            .collect::<Vec<_>>()
    };
    assert!(failing(&once).is_empty(), "{:?}", failing(&once));
    assert_eq!(
        failing(&twice),
        ["ISO 19005-2:2011:6.4.3:1"],
        "page_validation now takes a signature's revision for its extent: remove the exemption"
    );
}

#[test]
fn a_signature_by_pyhanko_on_the_prepared_pdf_is_accepted() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let prepared = pki.path().join("att-signera.pdf");
    let stderr = repo
        .rsr(&[
            "signera",
            "bmn",
            "2026-10-14",
            "--forbered",
            prepared.to_str().unwrap(),
        ])
        .success()
        .stderr();
    assert!(stderr.contains("with its signature fields"), "{stderr}");
    // The prepared PDF conforms, and its fields are tagged for PDF/UA.
    assert!(conformance::problems(&std::fs::read(&prepared).unwrap()).is_empty());

    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    let signed = pki.path().join("signerad.pdf");
    pyhanko_sign(
        &ingrid,
        &pki.ca_pem("ca"),
        "sekreterare",
        &prepared,
        &signed,
    );
    let verified = verify_file(&repo, "bmn", "2026-10-14", &signed)
        .success()
        .stdout();
    assert!(
        verified.contains(": 1/3 signed, checked against BMN 2026-10-14"),
        "{verified}"
    );
    assert!(
        verified.contains("sekreterare: Sekreterare Ingrid Palm ("),
        "{verified}"
    );
    let taken = repo
        .rsr(&[
            "signera",
            "bmn",
            "2026-10-14",
            "--ta-emot",
            signed.to_str().unwrap(),
        ])
        .success()
        .stderr();
    assert!(
        taken.contains("took in the signed protokoll of BMN 2026-10-14: 1/3 signed"),
        "{taken}"
    );
    assert_eq!(repo.bytes(SIGNED), std::fs::read(&signed).unwrap());
    // Then the ordförande signs here, after the service's signature.
    sign(&repo, &pki.signer("anna", "Anna Berg")).success();
    let (valid, report) = pyhanko_validate(&repo.path().join(SIGNED), &pki.ca_pem("ca"));
    assert!(valid, "{report}");
    repo.rsr(&["verifiera", "bmn", "2026-10-14"]).success();
}

#[test]
fn pyhankos_metadata_rewrite_is_refused() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let prepared = prepare(&repo, &pki, "bmn", "2026-10-14");
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    let signed = pki.path().join("signerad.pdf");
    let output = pyhanko()
        .args([
            "sign",
            "addsig",
            "--field",
            "sekreterare",
            "pemder",
            "--key",
        ])
        .arg(&ingrid.key)
        .arg("--cert")
        .arg(&ingrid.cert)
        .arg("--no-pass")
        .arg(&prepared)
        .arg(&signed)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = verify_file(&repo, "bmn", "2026-10-14", &signed)
        .failure()
        .stdout();
    assert!(
        stdout.contains("revision 3 changes the document after the fields were prepared: object")
            && stdout.contains("(/Info)"),
        "{stdout}"
    );
    let refused = repo
        .rsr(&[
            "signera",
            "bmn",
            "2026-10-14",
            "--ta-emot",
            signed.to_str().unwrap(),
        ])
        .failure()
        .stderr();
    assert!(refused.contains("(/Metadata stream)"), "{refused}");
    assert!(!repo.path().join(SIGNED).exists());
}

#[test]
fn a_changed_byte_breaks_the_signature() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    sign(&repo, &pki.signer("ingrid", "Ingrid Palm")).success();
    let mut bytes = repo.bytes(SIGNED);
    // One letter of the document's title in its XMP metadata.
    let at = bytes
        .windows(24)
        .position(|w| w == b"<dc:title><rdf:Alt><rdf:")
        .unwrap();
    let title = at
        + bytes[at..]
            .windows(9)
            .position(|w| w == b"Protokoll")
            .unwrap();
    bytes[title] = b'p';
    let tampered = pki.path().join("tampered.pdf");
    std::fs::write(&tampered, &bytes).unwrap();
    let stdout = verify_file(&repo, "bmn", "2026-10-14", &tampered)
        .failure()
        .stdout();
    assert!(stdout.contains(": 0/3 signed"), "{stdout}");
    assert!(
        stdout.contains(
            "the signature does not match the bytes: the file was changed after it was signed"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("is not the protokoll rsr builds from the sealed data"),
        "{stdout}"
    );
    let (valid, report) = pyhanko_validate(&tampered, &pki.ca_pem("ca"));
    assert!(!valid, "pyHanko should fail it too: {report}");
    // Alone, without the meeting, the broken signature is found as well.
    let alone = repo
        .rsr(&["verifiera", tampered.to_str().unwrap()])
        .failure()
        .stdout();
    assert!(
        alone.contains("not checked against a meeting's data"),
        "{alone}"
    );
    assert!(
        alone.contains("the file was changed after it was signed"),
        "{alone}"
    );
}

#[test]
fn an_update_that_changes_the_content_after_signing_is_found() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    sign(&repo, &pki.signer("ingrid", "Ingrid Palm")).success();
    let bytes = repo.bytes(SIGNED);
    // An incremental update by another writer (lopdf's) that turns the
    // first page: the signature still covers its own revision.
    let previous = lopdf::Document::load_mem(&bytes).unwrap();
    let page = *previous.get_pages().get(&1).unwrap();
    let mut update = lopdf::IncrementalDocument::create_from(bytes.clone(), previous);
    update.opt_clone_object_to_new_document(page).unwrap();
    update
        .new_document
        .get_object_mut(page)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("Rotate", lopdf::Object::Integer(90));
    let mut changed = Vec::new();
    update.save_to(&mut changed).unwrap();
    assert!(changed.starts_with(&bytes));
    let file = pki.path().join("turned.pdf");
    std::fs::write(&file, &changed).unwrap();
    let stdout = verify_file(&repo, "bmn", "2026-10-14", &file)
        .failure()
        .stdout();
    assert!(
        stdout.contains(&format!(
            "revision 4 changes the document after the fields were prepared: object {} {} (/Page)",
            page.0, page.1
        )),
        "{stdout}"
    );
    // The signature itself is intact: it covers its revision.
    assert!(
        stdout.contains("sekreterare: Sekreterare Ingrid Palm ("),
        "{stdout}"
    );
    let refused = repo
        .rsr(&[
            "signera",
            "bmn",
            "2026-10-14",
            "--ta-emot",
            file.to_str().unwrap(),
        ])
        .failure()
        .stderr();
    assert!(refused.contains("(/Page)"), "{refused}");
}

#[test]
fn a_signer_the_protokoll_does_not_name_is_refused() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let olle = pki.signer("olle", "Olle Okänd");
    let stderr = sign(&repo, &olle).usage_failure().stderr();
    assert!(
        stderr.contains(
            "the certificate names Olle Okänd, who does not sign the protokoll of BMN 2026-10-14"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("Sekreterare Ingrid Palm (sekreterare), Ordförande Anna Berg (ordforande), Justerare Karin Holm (justerare)"),
        "{stderr}"
    );
    // Named by its field, the signature is made and then refused.
    let forced = repo
        .rsr_env(
            &[
                "signera",
                "bmn",
                "2026-10-14",
                "--certifikat",
                olle.p12.to_str().unwrap(),
                "--roll",
                "ordforande",
            ],
            &[(PASSWORD, "hemligt")],
        )
        .failure()
        .stderr();
    assert!(
        forced.contains(
            "signed by someone other than Anna Berg, whom the protokoll names as Ordförande"
        ),
        "{forced}"
    );
    assert!(!repo.path().join(SIGNED).exists());
    // Signed elsewhere, it is found by rsr verifiera.
    let prepared = prepare(&repo, &pki, "bmn", "2026-10-14");
    let signed = pki.path().join("olle.pdf");
    pyhanko_sign(&olle, &pki.ca_pem("ca"), "ordforande", &prepared, &signed);
    let stdout = verify_file(&repo, "bmn", "2026-10-14", &signed)
        .failure()
        .stdout();
    assert!(
        stdout.contains("ordforande: Ordförande Olle Okänd ("),
        "{stdout}"
    );
    assert!(stdout.contains("NOT VALID"), "{stdout}");
    assert!(
        stdout.contains(
            "signed by someone other than Anna Berg, whom the protokoll names as Ordförande"
        ),
        "{stdout}"
    );
}

#[test]
fn a_pdf_signed_from_other_data_is_not_this_protokoll() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    // The prepared protokoll of another meeting, signed by the right person.
    let prepared = prepare(&repo, &pki, "fs", "2026-11-26");
    let signed = pki.path().join("fs-signerad.pdf");
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    pyhanko_sign(
        &ingrid,
        &pki.ca_pem("ca"),
        "sekreterare",
        &prepared,
        &signed,
    );
    let stdout = verify_file(&repo, "bmn", "2026-10-14", &signed)
        .failure()
        .stdout();
    assert!(
        stdout.contains("the signed PDF is not the protokoll rsr builds from the sealed data"),
        "{stdout}"
    );
    // Its cryptography is sound: it is the binding that fails.
    assert!(!stdout.contains("does not match the bytes"), "{stdout}");
    let refused = repo
        .rsr(&[
            "signera",
            "bmn",
            "2026-10-14",
            "--ta-emot",
            signed.to_str().unwrap(),
        ])
        .failure()
        .stderr();
    assert!(refused.contains("does not continue"), "{refused}");
}

#[test]
fn an_expired_or_untrusted_certificate_does_not_sign() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let expired = pki.person(
        "ca",
        "expired",
        "Ingrid Palm",
        false,
        "20200101000000Z",
        "20210101000000Z",
    );
    let stderr = sign(&repo, &expired).failure().stderr();
    assert!(
        stderr.contains(
            "the certificate was not valid when it signed (valid 2020-01-01 to 2021-01-01)"
        ),
        "{stderr}"
    );
    assert!(!repo.path().join(SIGNED).exists());

    pki.ca("other", "En annan CA");
    let stranger = pki.person(
        "other",
        "ingrid",
        "Ingrid Palm",
        false,
        "20200101000000Z",
        "20991231000000Z",
    );
    let stderr = sign(&repo, &stranger).failure().stderr();
    assert!(
        stderr.contains("the certificate does not chain to a CA in signering/betrodda/"),
        "{stderr}"
    );
    assert!(!repo.path().join(SIGNED).exists());

    // Without a trust list, trust is not rsr's to judge: it signs, and says so.
    std::fs::remove_dir_all(repo.path().join("signering")).unwrap();
    let stderr = sign(&repo, &stranger).success().stderr();
    assert!(
        stderr.contains("note: sekreterare (Ingrid Palm): the certificate does not chain to a CA in signering/betrodda/"),
        "{stderr}"
    );
    repo.rsr(&["verifiera", "bmn", "2026-10-14"]).success();
}

#[test]
fn the_password_comes_from_the_environment_or_a_terminal() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    let p12 = ingrid.p12.to_str().unwrap();
    let args = ["signera", "bmn", "2026-10-14", "--certifikat", p12];
    let wrong = repo
        .rsr_env(&args, &[(PASSWORD, "fel")])
        .usage_failure()
        .stderr();
    assert!(
        wrong.contains("the certificate file could not be opened"),
        "{wrong}"
    );
    assert!(wrong.contains("(a wrong password?)"), "{wrong}");
    // No variable, and standard input is no terminal: rsr does not guess.
    let none = repo.rsr(&args).usage_failure().stderr();
    assert!(none.contains("set RSR_CERTIFIKAT_LOSENORD"), "{none}");
    assert!(!repo.path().join(SIGNED).exists());
}

#[test]
fn only_an_adjusted_and_sealed_protokoll_is_signed() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    let held = repo
        .rsr_env(
            &[
                "signera",
                "rlg",
                "2026-12-07",
                "--certifikat",
                ingrid.p12.to_str().unwrap(),
            ],
            &[(PASSWORD, "hemligt")],
        )
        .usage_failure()
        .stderr();
    assert!(
        held.contains("RLG 2026-12-07 is not adjusted and sealed"),
        "{held}"
    );
    // A protokoll changed after its seal is not signed until `rsr check` passes.
    repo.edit(
        &format!("{BMN}/04-bygglov-strandvagen.yaml"),
        "Strandvägen",
        "Strandgatan",
    );
    let changed = sign(&repo, &ingrid).failure().stderr();
    assert!(
        changed.contains("no longer is what justering.lock sealed"),
        "{changed}"
    );
}

#[test]
fn rsr_check_holds_the_signed_protokoll_to_the_same_checks() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    sign(&repo, &pki.signer("ingrid", "Ingrid Palm")).success();
    // Valid: nothing to say, with out/ built or not.
    repo.rsr(&["check"]).success();
    repo.rsr(&["build"]).success();
    let clean = repo.rsr(&["check"]).success().stderr();
    assert!(!clean.contains("signature"), "{clean}");

    // A PDF signed in the ordförande's field by somebody else, put in place
    // by hand.
    std::fs::remove_file(repo.path().join(SIGNED)).unwrap();
    let prepared = prepare(&repo, &pki, "bmn", "2026-10-14");
    let olle = pki.signer("olle", "Olle Okänd");
    pyhanko_sign(
        &olle,
        &pki.ca_pem("ca"),
        "ordforande",
        &prepared,
        &repo.path().join(SIGNED),
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(stderr.contains("error[signature-invalid]"), "{stderr}");
    assert!(
        stderr.contains("the signed protokoll of BMN 2026-10-14: ordforande (Olle Okänd): signed by someone other than Anna Berg, whom the protokoll names as Ordförande"),
        "{stderr}"
    );
    assert!(
        stderr.contains("meetings/bmn/2026-10-14/signerat/protokoll.pdf"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`rsr verifiera bmn 2026-10-14` prints the whole report"),
        "{stderr}"
    );
    let json = json(&repo.rsr(&["check", "--format", "json"]).failure().stdout());
    let rules: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["signature-invalid"]);

    // Without a trust list the signature of the right person is a warning.
    std::fs::remove_file(repo.path().join(SIGNED)).unwrap();
    std::fs::remove_dir_all(repo.path().join("signering")).unwrap();
    sign(&repo, &pki.signer("ingrid", "Ingrid Palm")).success();
    let stderr = repo.rsr(&["check"]).success().stderr();
    assert!(stderr.contains("warning[signature-untrusted]"), "{stderr}");
    repo.rsr(&["check", "--deny-warnings"]).failure();
    // A body cannot turn it off.
    repo.edit(
        "meetings/bmn/body.yaml",
        "kortnamn: BMN",
        "kortnamn: BMN\nregler: {signature-untrusted: off}",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(stderr.contains("error[unknown-rule]"), "{stderr}");
}

/// A meeting's folder is listed once, as it is loaded, and its `signerat`
/// looked in only where the listing has one. A build keeps each body's
/// model with what the listing said; a signed protokoll put in place after
/// it must be found all the same, by `rsr check` and by the next build.
#[test]
fn a_protokoll_signed_after_a_build_is_found_by_the_next_check_and_build() {
    const FS_SIGNED: &str = "meetings/fs/2026-11-26/signerat/protokoll.pdf";
    let pki = Pki::new();
    let repo = trusting(&pki);
    repo.rsr(&["build"]).success();
    assert!(
        repo.path()
            .join("out/.rsr.models")
            .read_dir()
            .unwrap()
            .next()
            .is_some()
    );
    repo.rsr(&["check"]).success();

    // Signed by hand in the ordförande's field by somebody else, and put
    // in a `signerat` made for it.
    let prepared = prepare(&repo, &pki, "fs", "2026-11-26");
    std::fs::create_dir(repo.path().join("meetings/fs/2026-11-26/signerat")).unwrap();
    let olle = pki.signer("olle", "Olle Okänd");
    pyhanko_sign(
        &olle,
        &pki.ca_pem("ca"),
        "ordforande",
        &prepared,
        &repo.path().join(FS_SIGNED),
    );
    let json = json(&repo.rsr(&["check", "--format", "json"]).failure().stdout());
    let found: Vec<(&str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["file"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [("signature-invalid", FS_SIGNED)]);
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(stderr.contains("warning[signature-invalid]"), "{stderr}");
    assert!(
        !repo
            .path()
            .join("out/fs/2026-11-26-protokoll-signerat.pdf")
            .exists()
    );

    // Signed as it should be: served, and listed as signed.
    std::fs::remove_file(repo.path().join(FS_SIGNED)).unwrap();
    sign_meeting(
        &repo,
        "fs",
        "2026-11-26",
        &pki.signer("elise", "Elise Ackerot"),
    )
    .success();
    repo.rsr(&["check"]).success();
    repo.rsr(&["build"]).success();
    assert_eq!(
        repo.bytes("out/fs/2026-11-26-protokoll-signerat.pdf"),
        repo.bytes(FS_SIGNED)
    );
    let list = repo.rsr(&["list"]).success().stdout();
    let fs = list
        .lines()
        .find(|l| l.starts_with("fs    2026-11-26"))
        .unwrap();
    assert!(fs.ends_with(", signed 1/3"), "{fs}");
}

fn sign_meeting(repo: &Repo, body: &str, date: &str, person: &Person) -> crate::support::Run {
    repo.rsr_env(
        &[
            "signera",
            body,
            date,
            "--certifikat",
            person.p12.to_str().unwrap(),
        ],
        &[(PASSWORD, "hemligt")],
    )
}

#[test]
fn the_site_the_open_data_publish_and_list_serve_the_signed_protokoll() {
    const FS_SIGNED: &str = "meetings/fs/2026-11-26/signerat/protokoll.pdf";
    let pki = Pki::new();
    let repo = trusting(&pki);
    sign_meeting(
        &repo,
        "fs",
        "2026-11-26",
        &pki.signer("elise", "Elise Ackerot"),
    )
    .success();
    // A name with letters beyond ASCII, as the certificate has it in UTF-8.
    let asa = pki.signer("asa", "Åsa Lind");
    let stderr = repo
        .rsr_env(
            &[
                "signera",
                "fs",
                "2026-11-26",
                "--certifikat",
                asa.p12.to_str().unwrap(),
            ],
            &[(PASSWORD, "hemligt")],
        )
        .success()
        .stderr();
    assert!(
        stderr.contains("as Åsa Lind, Justerare: 2/3 signed"),
        "{stderr}"
    );
    // BMN's protokoll has a confidential item: its signed copy is the
    // internal protokoll and is never served.
    sign(&repo, &pki.signer("ingrid", "Ingrid Palm")).success();

    repo.rsr(&["build"]).success();
    assert_eq!(
        repo.bytes("out/fs/2026-11-26-protokoll-signerat.pdf"),
        repo.bytes(FS_SIGNED)
    );
    let index = repo.read("out/index.html");
    assert!(
        index.contains(r#"<a href="fs&#x2f;2026-11-26-protokoll-signerat.pdf">Protokoll</a>"#),
        "{index}"
    );
    assert!(index.contains("signerat digitalt, 2 av 3 underskrifter"));
    assert!(!index.contains("bmn&#x2f;2026-10-14-protokoll-signerat.pdf"));
    let feed = repo.read("out/feed.xml");
    assert!(
        feed.contains("fs&#x2f;2026-11-26-protokoll-signerat.pdf"),
        "{feed}"
    );

    let data = json(&repo.read("out/fs/2026-11-26.json"));
    assert_eq!(
        data["resultsProtocol"]["fileName"],
        "2026-11-26-protokoll-signerat.pdf"
    );
    assert_eq!(data["resultsProtocol"]["name"], "Protokoll (signerat)");
    assert_eq!(
        data["resultsProtocol"]["size"],
        repo.bytes(FS_SIGNED).len() as u64
    );
    assert_eq!(
        data["signatures"],
        serde_json::json!({"signed": 2, "fields": 3, "complete": false})
    );
    let bmn = json(&repo.read("out/bmn/2026-10-14.json"));
    assert!(bmn.get("signatures").is_none(), "{bmn}");

    let published = tempfile::tempdir().unwrap();
    let folder = published.path().join("site");
    repo.rsr(&["publish", folder.to_str().unwrap()]).success();
    assert!(
        folder
            .join("fs/2026-11-26-protokoll-signerat.pdf")
            .is_file()
    );
    assert!(
        !folder
            .join("bmn/2026-10-14-protokoll-signerat.pdf")
            .exists()
    );
    assert!(!folder.join("bmn/2026-10-14-protokoll.pdf").exists());

    let list = repo.rsr(&["list"]).success().stdout();
    let fs = list
        .lines()
        .find(|l| l.starts_with("fs    2026-11-26"))
        .unwrap();
    assert!(fs.ends_with(", signed 2/3"), "{fs}");
    let bmn_line = list
        .lines()
        .find(|l| l.starts_with("bmn   2026-10-14"))
        .unwrap();
    assert!(bmn_line.ends_with(", signed 1/3"), "{bmn_line}");
    let listed = json(&repo.rsr(&["list", "--format", "json"]).success().stdout());
    let entry = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["body"] == "fs" && m["date"] == "2026-11-26")
        .unwrap();
    assert_eq!(
        entry["signed"],
        serde_json::json!({"signed": 2, "fields": 3, "file": FS_SIGNED})
    );

    // A signed file that no longer verifies is not served: the build warns
    // and the site links the protokoll it built.
    std::fs::remove_file(repo.path().join(FS_SIGNED)).unwrap();
    let prepared = prepare(&repo, &pki, "fs", "2026-11-26");
    let olle = pki.signer("olle", "Olle Okänd");
    pyhanko_sign(
        &olle,
        &pki.ca_pem("ca"),
        "ordforande",
        &prepared,
        &repo.path().join(FS_SIGNED),
    );
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(stderr.contains("warning[signature-invalid]"), "{stderr}");
    assert!(
        stderr.contains(
            "the signed protokoll of FS 2026-11-26 does not verify against the one built now"
        ),
        "{stderr}"
    );
    assert!(
        !repo
            .path()
            .join("out/fs/2026-11-26-protokoll-signerat.pdf")
            .exists()
    );
    let index = repo.read("out/index.html");
    assert!(index.contains(r#"<a href="fs&#x2f;2026-11-26-protokoll.pdf">Protokoll</a>"#));
    let data = json(&repo.read("out/fs/2026-11-26.json"));
    assert!(data.get("signatures").is_none());
}

/// KN 2026-03-02 of the minimal repository, adjusted and built with
/// `justering: {underskrift: <how>}`.
fn adjusted_to_sign(how: &str) -> Repo {
    let repo = Repo::minimal_held();
    adjust_to_sign(&repo, how);
    repo
}

/// Adjusts and builds KN 2026-03-02 of `repo` (`Repo::minimal_held`) with
/// `justering: {underskrift: <how>}`: its first page names the signers and
/// says the protokoll is signed electronically.
fn adjust_to_sign(repo: &Repo, how: &str) {
    repo.edit(
        "meetings/kn/2026-03-02/meeting.yaml",
        "justering: {datum: 2026-03-09, plats: Kommunhuset}",
        &format!("justering: {{datum: 2026-03-09, plats: digitalt, underskrift: {how}}}"),
    );
    repo.rsr(&["justera", "kn", "2026-03-02"]).success();
    repo.rsr(&["build"]).success();
    let first = repo.page_text("out/kn/2026-03-02-protokoll.pdf", 1);
    crate::support::assert_in_order(
        &first,
        &[
            "Justeras av:",
            "Eva Sekreterare",
            "Sekreterare",
            "Protokollet justeras med elektroniska underskrifter.",
        ],
    );
}

#[test]
fn a_protokoll_for_electronic_signatures_says_so_on_its_first_page() {
    let pki = Pki::new();
    let repo = adjusted_to_sign("elektronisk");
    let eva = pki.signer("eva", "Eva Sekreterare");
    let stderr = sign_meeting(&repo, "kn", "2026-03-02", &eva)
        .success()
        .stderr();
    assert!(stderr.contains("1/3 signed"), "{stderr}");
    assert!(!stderr.contains("in ink"), "{stderr}");

    // A protokoll with lines to sign on is signed too, with a note.
    let paper = Repo::minimal();
    let stderr = sign_meeting(&paper, "kn", "2026-03-02", &eva)
        .success()
        .stderr();
    assert!(
        stderr.contains("note: the protokoll of KN 2026-03-02 prints lines to sign on in ink"),
        "{stderr}"
    );
    paper.rsr(&["build"]).success();
    let lines = paper.page_text("out/kn/2026-03-02-protokoll.pdf", 1);
    assert!(!lines.contains("elektroniska underskrifter"), "{lines}");
}

#[test]
fn visible_signatures_are_shown_on_the_signature_lines() {
    const SIGNED_KN: &str = "meetings/kn/2026-03-02/signerat/protokoll.pdf";
    let pki = Pki::new();
    let repo = Repo::minimal_held();
    std::fs::create_dir_all(repo.path().join("signering/betrodda")).unwrap();
    std::fs::copy(
        pki.ca_pem("ca"),
        repo.path().join("signering/betrodda/test-ca.pem"),
    )
    .unwrap();
    adjust_to_sign(&repo, "synlig");
    // The prepared PDF has a field on each line, left to right, with an
    // empty appearance, and conforms.
    let prepared = prepare(&repo, &pki, "kn", "2026-03-02");
    let prepared_bytes = std::fs::read(&prepared).unwrap();
    assert!(conformance::problems(&prepared_bytes).is_empty());
    let rects = field_rects(&prepared_bytes);
    let names: Vec<&str> = rects.iter().map(|(name, _, _)| name.as_str()).collect();
    assert_eq!(names, ["sekreterare", "ordforande", "justerare"]);
    for pair in rects.windows(2) {
        let ((_, a, page_a), (_, b, page_b)) = (&pair[0], &pair[1]);
        assert_eq!((page_a, page_b), (&1, &1));
        // Side by side on one line, each with an area to sign in.
        assert!(a[2] < b[0] && (a[1] - b[1]).abs() < 0.01, "{rects:?}");
        assert!(a[2] - a[0] > 100.0 && a[3] - a[1] > 20.0, "{rects:?}");
    }

    // A signing service that draws its own appearance with a font it does
    // not embed (pyHanko's default) would make the file other than PDF/A:
    // found, and refused.
    let by_service = pki.path().join("tjanst.pdf");
    pyhanko_sign(
        &pki.signer("eva-tjanst", "Eva Sekreterare"),
        &pki.ca_pem("ca"),
        "sekreterare",
        &prepared,
        &by_service,
    );
    assert!(
        conformance::problems(&std::fs::read(&by_service).unwrap())
            .iter()
            .any(|p| p.contains("font program is not embedded")),
        "the validator no longer finds what rsr is to find"
    );
    let refused = repo
        .rsr(&[
            "signera",
            "kn",
            "2026-03-02",
            "--ta-emot",
            by_service.to_str().unwrap(),
        ])
        .failure()
        .stderr();
    assert!(
        refused.contains("the signature in sekreterare is shown with the font Courier without embedding it, so the signed PDF is no longer PDF/A"),
        "{refused}"
    );
    assert!(!repo.path().join(SIGNED_KN).exists());
    let before = chrono::Local::now().format("%Y-%m-%d").to_string();
    for (file, name) in [
        ("eva", "Eva Sekreterare"),
        ("anna", "Anna Ordförande"),
        ("bo", "Bo Ledamot"),
    ] {
        sign_meeting(&repo, "kn", "2026-03-02", &pki.signer(file, name)).success();
    }
    let signed = repo.bytes(SIGNED_KN);
    let (valid, report) = pyhanko_validate(&repo.path().join(SIGNED_KN), &pki.ca_pem("ca"));
    assert!(valid, "{report}");
    assert_eq!(report.matches(":INTACT:TRUSTED").count(), 3, "{report}");
    assert!(conformance::problems(&signed).is_empty());
    // Each signature shows in its field, on its line (the rectangles
    // above): the certificate's name and the time.
    let shown = repo.page_text(SIGNED_KN, 1);
    // The day the signing began, unless midnight passed since.
    let today = if shown.contains(&format!("signerat {before}")) {
        before
    } else {
        chrono::Local::now().format("%Y-%m-%d").to_string()
    };
    crate::support::assert_in_order(
        &shown,
        &[
            "Justeras av:",
            &format!("Eva Sekreterare Elektroniskt signerat {today}"),
            &format!("Anna Ordförande Elektroniskt signerat {today}"),
            &format!("Bo Ledamot Elektroniskt signerat {today}"),
        ],
    );
    assert_eq!(
        repo.rsr(&["verifiera", "kn", "2026-03-02"])
            .success()
            .stdout()
            .lines()
            .next()
            .unwrap(),
        "meetings/kn/2026-03-02/signerat/protokoll.pdf: 3/3 signed, checked against KN 2026-03-02"
    );

    // Under other templates, the fields it placed itself still bind it.
    let template =
        std::fs::read_to_string(crate::support::examples().join("templates/protokoll.typ"))
            .unwrap();
    repo.write(
        "templates/protokoll.typ",
        &template.replacen(
            "#v(2.5em)\n#strong(labels.justeras_av",
            "#v(4.5em)\n#strong(labels.justeras_av",
            1,
        ),
    );
    let stdout = repo
        .rsr(&["verifiera", "kn", "2026-03-02"])
        .success()
        .stdout();
    assert!(
        stdout.contains(": 3/3 signed") && stdout.contains("typeset under an earlier environment"),
        "{stdout}"
    );
}

/// Each signature field of a PDF: its name, its `/Rect` and its page
/// (from 1).
fn field_rects(bytes: &[u8]) -> Vec<(String, [f32; 4], u32)> {
    let document = lopdf::Document::load_mem(bytes).unwrap();
    let pages: std::collections::BTreeMap<lopdf::ObjectId, u32> = document
        .get_pages()
        .into_iter()
        .map(|(n, id)| (id, n))
        .collect();
    let catalog = document.catalog().unwrap();
    let form = document
        .get_dictionary(catalog.get(b"AcroForm").unwrap().as_reference().unwrap())
        .unwrap();
    form.get(b"Fields")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|field| {
            let field = document
                .get_dictionary(field.as_reference().unwrap())
                .unwrap();
            let name = lopdf::decode_text_string(field.get(b"T").unwrap()).unwrap();
            let rect: Vec<f32> = field
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_float().unwrap())
                .collect();
            // An appearance for every field with an area (PDF/A).
            assert!(field.get(b"AP").is_ok(), "{name} has no appearance");
            let page = pages[&field.get(b"P").unwrap().as_reference().unwrap()];
            (name, [rect[0], rect[1], rect[2], rect[3]], page)
        })
        .collect()
}

#[test]
fn a_protokoll_signed_under_earlier_templates_stays_bound_by_its_record() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    sign(&repo, &ingrid).success();
    repo.rsr(&["verifiera", "bmn", "2026-10-14"]).success();
    // Another meeting's protokoll, prepared and signed under these templates.
    let other = prepare(&repo, &pki, "fs", "2026-11-26");
    let other_signed = pki.path().join("fs-signerad.pdf");
    pyhanko_sign(
        &ingrid,
        &pki.ca_pem("ca"),
        "sekreterare",
        &other,
        &other_signed,
    );
    // The organisation's own protokoll template, with more space above the
    // signatures: the same words, other bytes, another environment.
    let template =
        std::fs::read_to_string(crate::support::examples().join("templates/protokoll.typ"))
            .unwrap();
    assert!(template.contains("#v(2.5em)\n#strong(labels.justeras_av"));
    repo.write(
        "templates/protokoll.typ",
        &template.replacen(
            "#v(2.5em)\n#strong(labels.justeras_av",
            "#v(3.5em)\n#strong(labels.justeras_av",
            1,
        ),
    );
    repo.rsr(&["build"]).success();
    assert!(
        !repo
            .bytes(SIGNED)
            .starts_with(&repo.bytes("out/bmn/2026-10-14-protokoll.pdf"))
    );
    let stdout = repo
        .rsr(&["verifiera", "bmn", "2026-10-14"])
        .success()
        .stdout();
    assert!(
        stdout.contains(": 1/3 signed, checked against BMN 2026-10-14"),
        "{stdout}"
    );
    assert!(
        stdout.contains("typeset under an earlier environment (")
            && stdout
                .contains("bound by its signed record of the printed text justering.lock sealed"),
        "{stdout}"
    );
    // A record of another protokoll's printed text does not bind.
    let stdout = verify_file(&repo, "bmn", "2026-10-14", &other_signed)
        .failure()
        .stdout();
    assert!(
        stdout.contains("the signed PDF is not the protokoll rsr builds from the sealed data"),
        "{stdout}"
    );
    // The next signer signs the same file, under today's templates.
    sign(&repo, &pki.signer("anna", "Anna Berg")).success();
    repo.rsr(&["check"]).success();
    let (valid, report) = pyhanko_validate(&repo.path().join(SIGNED), &pki.ca_pem("ca"));
    assert!(valid, "{report}");
    // Its copy is served: the build checked it against its record.
    repo.rsr(&["build"]).success();
    assert_eq!(
        repo.bytes("out/bmn/2026-10-14-protokoll-signerat.pdf"),
        repo.bytes(SIGNED)
    );
}

#[test]
fn the_sekreterare_certifies_a_protokollsutdrag_with_a_signature() {
    const UTDRAG: &str = "meetings/bmn/2026-10-14/signerat/protokollsutdrag-118.pdf";
    let pki = Pki::new();
    let repo = trusting(&pki);
    let ingrid = pki.signer("ingrid", "Ingrid Palm");
    let utdrag = |person: &Person, paragraph: &str| {
        repo.rsr_env(
            &[
                "signera",
                "bmn",
                "2026-10-14",
                "--paragraf",
                paragraph,
                "--certifikat",
                person.p12.to_str().unwrap(),
            ],
            &[(PASSWORD, "hemligt")],
        )
    };
    let stderr = utdrag(&ingrid, "118").success().stderr();
    assert!(
        stderr.contains("signed the protokollsutdrag of BMN 2026-10-14 § 118 as Ingrid Palm, Sekreterare: 1/1 signed (meetings/bmn/2026-10-14/signerat/protokollsutdrag-118.pdf)"),
        "{stderr}"
    );
    // The built utdrag, byte for byte, is its first revision.
    repo.rsr(&["build"]).success();
    assert!(
        repo.bytes(UTDRAG)
            .starts_with(&repo.bytes("out/bmn/2026-10-14-protokollsutdrag-118.pdf"))
    );
    let (valid, report) = pyhanko_validate(&repo.path().join(UTDRAG), &pki.ca_pem("ca"));
    assert!(valid, "{report}");
    assert!(
        report
            .lines()
            .any(|l| l.starts_with("sekreterare:") && l.contains(":INTACT:TRUSTED")),
        "{report}"
    );
    let stdout = repo
        .rsr(&["verifiera", "bmn", "2026-10-14", "--paragraf", "118"])
        .success()
        .stdout();
    assert!(
        stdout.contains(": 1/1 signed, checked against BMN 2026-10-14 § 118"),
        "{stdout}"
    );
    // The build serves it in place of the built utdrag: the site, the open
    // data and what rsr publish copies.
    repo.rsr(&["build"]).success();
    assert_eq!(
        repo.bytes("out/bmn/2026-10-14-protokollsutdrag-118-signerat.pdf"),
        repo.bytes(UTDRAG)
    );
    let index = repo.read("out/index.html");
    assert!(
        index.contains(r#"href="bmn&#x2f;2026-10-14-protokollsutdrag-118-signerat.pdf""#)
            && !index.contains(r#"href="bmn&#x2f;2026-10-14-protokollsutdrag-118.pdf""#),
        "{index}"
    );
    let data = json(&repo.read("out/bmn/2026-10-14.json"));
    let files: Vec<(&str, &str)> = data["auxiliaryFile"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap(), f["fileName"].as_str().unwrap()))
        .collect();
    assert!(
        files.contains(&(
            "Protokollsutdrag § 118 (signerat)",
            "2026-10-14-protokollsutdrag-118-signerat.pdf"
        )),
        "{files:?}"
    );
    let published = tempfile::tempdir().unwrap();
    let folder = published.path().join("site");
    repo.rsr(&["publish", folder.to_str().unwrap()]).success();
    assert_eq!(
        std::fs::read(folder.join("bmn/2026-10-14-protokollsutdrag-118-signerat.pdf")).unwrap(),
        repo.bytes(UTDRAG)
    );

    // Only the sekreterare certifies an utdrag.
    let anna = pki.signer("anna", "Anna Berg");
    let stderr = utdrag(&anna, "119").usage_failure().stderr();
    assert!(
        stderr.contains("the certificate names Anna Berg, who does not sign the protokollsutdrag of BMN 2026-10-14 § 119"),
        "{stderr}"
    );
    let stderr = utdrag(&ingrid, "999").usage_failure().stderr();
    assert!(
        stderr.contains("BMN 2026-10-14 has no protokollsutdrag of § 999"),
        "{stderr}"
    );
    let stderr = repo
        .rsr(&["verifiera", "bmn", "2026-10-14", "--paragraf", "119"])
        .usage_failure()
        .stderr();
    assert!(
        stderr.contains("has no signed protokollsutdrag"),
        "{stderr}"
    );

    // rsr check holds each signed utdrag to its own paragraph.
    repo.rsr(&["check"]).success();
    std::fs::copy(
        repo.path().join(UTDRAG),
        repo.path()
            .join("meetings/bmn/2026-10-14/signerat/protokollsutdrag-119.pdf"),
    )
    .unwrap();
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("the signed protokollsutdrag of BMN 2026-10-14 § 119: the signed PDF is not the protokoll rsr builds from the sealed data"),
        "{stderr}"
    );
}

#[test]
fn a_hostile_file_is_reported_not_a_crash() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    let prepared = prepare(&repo, &pki, "bmn", "2026-10-14");
    let bytes = std::fs::read(&prepared).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"%PDF-1.7\n\x00\xff not a PDF at all".to_vec()),
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("revisions", {
            // The prepared file followed by a hundred empty updates.
            let mut many = bytes.clone();
            let xref = many.windows(9).rposition(|w| w == b"startxref").unwrap();
            let offset: String = String::from_utf8_lossy(&many[xref + 10..])
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            for _ in 0..100 {
                many.extend_from_slice(format!("startxref\n{offset}\n%%EOF\n").as_bytes());
            }
            many
        }),
    ];
    for (name, bytes) in cases {
        let file = pki.path().join(format!("{name}.pdf"));
        std::fs::write(&file, bytes).unwrap();
        let run = verify_file(&repo, "bmn", "2026-10-14", &file);
        assert_eq!(
            run.output.status.code(),
            Some(1),
            "{name}: {}",
            run.stderr()
        );
        let stdout = run.stdout();
        assert!(stdout.contains(": 0/"), "{name}: {stdout}");
        if name == "revisions" {
            assert!(
                stdout
                    .contains("it has 102 revisions, more than the 64 a signed protokoll may have"),
                "{stdout}"
            );
        }
        let taken = repo.rsr(&[
            "signera",
            "bmn",
            "2026-10-14",
            "--ta-emot",
            file.to_str().unwrap(),
        ]);
        assert!(!taken.output.status.success(), "{name}");
        assert!(!repo.path().join(SIGNED).exists(), "{name}");
    }
}

#[test]
fn an_archived_signed_protokoll_carries_its_signatures_as_premis_events() {
    let pki = Pki::new();
    let repo = trusting(&pki);
    sign_meeting(
        &repo,
        "fs",
        "2026-11-26",
        &pki.signer("elise", "Elise Ackerot"),
    )
    .success();
    repo.rsr(&["arkivera", "fs", "2026-11-26"]).success();
    let folder = repo.path().join("out/arkiv/fs-2026-11-26");
    crate::archive::eark_validate(&folder);
    assert_eq!(
        std::fs::read(folder.join("representations/rep1/data/2026-11-26/signerat/protokoll.pdf"))
            .unwrap(),
        repo.bytes("meetings/fs/2026-11-26/signerat/protokoll.pdf")
    );
    let premis = std::fs::read_to_string(
        folder.join("representations/rep1/metadata/preservation/premis.xml"),
    )
    .unwrap();
    let signature = premis
        .split("<premis:event>")
        .find(|event| event.contains("digital signature generation"))
        .unwrap_or_else(|| panic!("no signature event:\n{premis}"));
    assert!(signature.contains("Elise Ackerot"), "{signature}");
    assert!(
        signature.contains("representations/rep1/data/2026-11-26/signerat/protokoll.pdf"),
        "{signature}"
    );
    assert!(premis.contains("<premis:agentName>Elise Ackerot</premis:agentName>"));
}
