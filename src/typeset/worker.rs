//! Typesetting in a process of its own, under two ceilings: time and memory.
//!
//! Typst cannot be interrupted, and a template may loop or allocate without
//! end (`range(200000000)`). So rsr typesets each document in a worker
//! process, rsr itself started with [`WORKER_ARG`]: the worker caps its own
//! address space (`RLIMIT_AS`, where the system has it) before it typesets
//! anything, and the process that started it kills it when a document takes
//! longer than its limit. Either breach fails that document with a message
//! that says which ceiling it met; rsr goes on, and a stuck worker never
//! burns a core for the rest of the run.
//!
//! A worker is started with what makes its renderer the same as its
//! parent's ([`Setup`]: the repository's root, the templates as the parent
//! read them, the language), then typesets one [`Document`] after another
//! from its standard input until that closes. Messages are postcard frames
//! behind their length.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{Rendered, Renderer};
use crate::docs::{Document, Kind};
use crate::error::Error;
use crate::lang::{self, Lang, t};

/// The first argument that makes rsr a typesetting worker. Not a
/// subcommand: nobody types it, and `--help` does not list it.
pub const WORKER_ARG: &str = "__rsr-typeset-worker";

/// What a worker's renderer is made from.
#[derive(Serialize, Deserialize)]
pub struct Setup {
    /// The build of rsr that started it: a worker of another build (rsr
    /// replaced while it runs) refuses to serve.
    pub build: String,
    pub root: PathBuf,
    pub lang: String,
    /// The process that started it: a worker whose parent is gone stops.
    pub parent: u32,
    /// The library template's text and origin, then each kind's.
    pub lib: (String, String),
    pub kinds: Vec<(Kind, String, String)>,
    /// The ceiling on the worker's address space, in bytes.
    pub memory: u64,
}

/// A worker's answer to one document.
#[derive(Serialize, Deserialize)]
enum Reply {
    Done {
        rendered: Rendered,
        /// The worker's peak resident memory so far, where the system
        /// tells.
        peak: Option<u64>,
    },
    Failed(Failure),
}

/// An error as it crosses from the worker to its parent.
#[derive(Serialize, Deserialize)]
enum Failure {
    Template { document: PathBuf, report: String },
    Repository(String),
    Io { path: PathBuf, message: String },
    Other(String),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        match error {
            Error::Template { document, report } => Failure::Template { document, report },
            Error::Repository(message) => Failure::Repository(message),
            Error::Io { path, source } => Failure::Io {
                path,
                message: source.to_string(),
            },
            other => Failure::Other(other.to_string()),
        }
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Error {
        match failure {
            Failure::Template { document, report } => Error::Template { document, report },
            Failure::Repository(message) => Error::Repository(message),
            Failure::Io { path, message } => Error::Io {
                path,
                source: io::Error::other(message),
            },
            Failure::Other(message) => Error::Internal(message),
        }
    }
}

/// The most one frame may hold: a PDF carries its attachments, each up to
/// `docs::ATTACHMENT_LIMIT`.
const FRAME_LIMIT: u64 = 16 << 30;

fn write_frame<T: Serialize>(to: &mut impl Write, value: &T) -> io::Result<()> {
    let bytes = postcard::to_stdvec(value).map_err(io::Error::other)?;
    to.write_all(&(bytes.len() as u64).to_le_bytes())?;
    to.write_all(&bytes)?;
    to.flush()
}

/// The next frame, or `None` at the end of the stream.
fn read_frame<T: for<'de> Deserialize<'de>>(from: &mut impl Read) -> io::Result<Option<T>> {
    let mut length = [0u8; 8];
    match from.read_exact(&mut length) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let length = u64::from_le_bytes(length);
    if length > FRAME_LIMIT {
        return Err(io::Error::other("frame too large"));
    }
    let mut bytes = Vec::new();
    from.take(length).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != length {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    postcard::from_bytes(&bytes)
        .map(Some)
        .map_err(io::Error::other)
}

/// How long and how much memory one document may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ceilings {
    pub time: Duration,
    /// Bytes of address space.
    pub memory: u64,
}

impl Ceilings {
    /// The organisation's, from rsr.yaml's `gränser:`.
    pub fn of(limits: crate::repo::model::Limits) -> Ceilings {
        Ceilings {
            time: limits.per_document(),
            memory: limits.memory_bytes(),
        }
    }
}

/// A running worker process and the threads that read what it says.
struct Process {
    child: Child,
    stdin: ChildStdin,
    replies: mpsc::Receiver<io::Result<Reply>>,
    /// The end of what it wrote to standard error.
    stderr: Arc<Mutex<Vec<u8>>>,
    stderr_reader: Option<std::thread::JoinHandle<()>>,
}

/// A new worker's pipes, once the threads that read it run.
struct Attached {
    stdin: ChildStdin,
    replies: mpsc::Receiver<io::Result<Reply>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    stderr_reader: std::thread::JoinHandle<()>,
}

/// How much of a worker's standard error is kept for the message of its
/// end.
const STDERR_KEPT: usize = 16 * 1024;

impl Process {
    /// A new worker process, started by `starter` where there is one, or
    /// on this thread.
    fn start(setup: &[u8], starter: Option<&Starter>) -> io::Result<Process> {
        let command = || -> io::Result<Command> {
            let mut command = Command::new(program()?);
            command
                .arg(WORKER_ARG)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            Ok(command)
        };
        let started = starter.and_then(|starter| starter.start(command().ok()?));
        let mut child = match started {
            Some(child) => child?,
            // Without a starter's thread, the process ends with this
            // thread: a pool finds it ended, and starts another.
            None => command()?.spawn()?,
        };
        match Process::attach(&mut child, setup) {
            Ok(attached) => Ok(Process {
                child,
                stdin: attached.stdin,
                replies: attached.replies,
                stderr: attached.stderr,
                stderr_reader: Some(attached.stderr_reader),
            }),
            // Not left behind when it cannot be talked to.
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(e)
            }
        }
    }

    /// The threads that read a new worker's output, and its setup sent.
    fn attach(child: &mut Child, setup: &[u8]) -> io::Result<Attached> {
        let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(io::Error::other("no pipes"));
        };
        let (send, replies) = mpsc::channel();
        std::thread::Builder::new()
            .name("typeset-replies".into())
            .spawn(move || {
                loop {
                    let reply = match read_frame::<Reply>(&mut stdout) {
                        Ok(Some(reply)) => Ok(reply),
                        Ok(None) => break,
                        Err(e) => Err(e),
                    };
                    let failed = reply.is_err();
                    if send.send(reply).is_err() || failed {
                        break;
                    }
                }
            })?;
        let kept = Arc::new(Mutex::new(Vec::new()));
        let tail = kept.clone();
        let stderr_reader = std::thread::Builder::new()
            .name("typeset-stderr".into())
            .spawn(move || {
                let mut buffer = [0u8; 4096];
                while let Ok(read) = stderr.read(&mut buffer) {
                    if read == 0 {
                        break;
                    }
                    if let Ok(mut tail) = tail.lock() {
                        tail.extend_from_slice(&buffer[..read]);
                        let excess = tail.len().saturating_sub(STDERR_KEPT);
                        tail.drain(..excess);
                    }
                }
            })?;
        stdin.write_all(&(setup.len() as u64).to_le_bytes())?;
        stdin.write_all(setup)?;
        stdin.flush()?;
        Ok(Attached {
            stdin,
            replies,
            stderr: kept,
            stderr_reader,
        })
    }

    /// Stops the process and waits for it; its exit status and the end of
    /// what it wrote to standard error.
    fn end(mut self, kill: bool) -> (Option<ExitStatus>, String) {
        if kill {
            let _ = self.child.kill();
        }
        drop(self.stdin);
        let status = self.child.wait().ok();
        if let Some(reader) = self.stderr_reader.take() {
            let _ = reader.join();
        }
        let stderr = self
            .stderr
            .lock()
            .map(|tail| String::from_utf8_lossy(&tail).into_owned())
            .unwrap_or_default();
        (status, stderr)
    }
}

/// The program a worker runs: this very executable (on Linux the file it
/// was started from, even when it has been replaced since).
fn program() -> io::Result<PathBuf> {
    let proc = Path::new("/proc/self/exe");
    if cfg!(target_os = "linux") && proc.exists() {
        return Ok(proc.to_path_buf());
    }
    std::env::current_exe()
}

/// Typesets documents one at a time in a worker process of its own,
/// started on the first document and again after one that was lost.
pub struct Worker {
    /// The setup frame every process of this worker starts with.
    setup: Arc<Vec<u8>>,
    ceilings: Ceilings,
    process: Option<Process>,
    /// Whether the last document failed with its process: too slow, too
    /// large, or Typst crashed.
    lost: bool,
    /// The highest peak resident memory its processes reported, in bytes.
    peak: u64,
    /// What starts its processes when they are to outlive the thread that
    /// typesets with them (a worker kept in a [`Pool`]).
    starter: Option<Arc<Starter>>,
}

impl Worker {
    pub fn new(renderer: &Renderer, ceilings: Ceilings) -> Worker {
        let setup = renderer.setup(ceilings.memory);
        // A setup of strings, paths and numbers always encodes.
        let setup = postcard::to_stdvec(&setup).unwrap_or_default();
        Worker::with_setup(Arc::new(setup), ceilings)
    }

    /// A worker sharing another's encoded setup.
    pub fn sibling(&self) -> Worker {
        Worker::with_setup(self.setup.clone(), self.ceilings)
    }

    fn with_setup(setup: Arc<Vec<u8>>, ceilings: Ceilings) -> Worker {
        Worker {
            setup,
            ceilings,
            process: None,
            lost: false,
            peak: 0,
            starter: None,
        }
    }

    /// Whether the last document failed with its process.
    pub fn is_lost(&self) -> bool {
        self.lost
    }

    /// The highest peak resident memory of its processes, in bytes.
    pub fn peak(&self) -> u64 {
        self.peak
    }

    /// Typesets `document` in the worker process, or fails when it takes
    /// longer or needs more memory than the ceilings allow, or when the
    /// worker cannot start or stops.
    pub fn render(&mut self, document: &Document) -> Result<Rendered, Error> {
        self.lost = false;
        let output = document.output.clone();
        let fail = |report: String| Error::Template {
            document: output.clone(),
            report,
        };
        let process = match &mut self.process {
            Some(process) => process,
            none => match Process::start(&self.setup, self.starter.as_deref()) {
                Ok(process) => none.insert(process),
                Err(e) => {
                    self.lost = true;
                    return Err(fail(t!("cmd-build-no-worker", reason = e.to_string())));
                }
            },
        };
        let sent = write_frame(&mut process.stdin, document);
        let reply = match sent {
            Ok(()) => process.replies.recv_timeout(self.ceilings.time),
            // It has stopped: what it said on its way out tells why.
            Err(_) => Err(mpsc::RecvTimeoutError::Disconnected),
        };
        match reply {
            Ok(Ok(Reply::Done { rendered, peak })) => {
                self.peak = self.peak.max(peak.unwrap_or(0));
                LATEST_PEAK.fetch_max(self.peak, std::sync::atomic::Ordering::Relaxed);
                Ok(rendered)
            }
            Ok(Ok(Reply::Failed(failure))) => Err(failure.into()),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                self.lost = true;
                if let Some(process) = self.process.take() {
                    process.end(true);
                }
                Err(fail(t!(
                    "cmd-build-too-slow",
                    seconds = self.ceilings.time.as_secs()
                )))
            }
            Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                self.lost = true;
                let (status, stderr) = self
                    .process
                    .take()
                    .map_or((None, String::new()), |process| process.end(false));
                Err(fail(stopped(status, &stderr, self.ceilings.memory)))
            }
        }
    }
}

/// Workers kept from one build for the next, their processes running
/// (`rsr watch`), one per core at most. A kept process has its fonts and
/// templates loaded, and Typst's memoized results of the last document it
/// typeset (`CACHE_AGE`): that document typeset again after a small change
/// costs less than in a new process. A worker is used again only with the same
/// setup (rsr, templates, language, root) and ceilings; the others end at
/// the next build that typesets, or with the pool.
#[derive(Default)]
pub struct Pool {
    idle: Mutex<Vec<Worker>>,
    /// Started with the first worker the pool makes.
    starter: OnceLock<Arc<Starter>>,
}

impl Pool {
    /// A kept worker set up as `like` whose process still runs, or a new
    /// one that is. Those set up otherwise (a template changed since) end:
    /// none would be used again.
    pub fn take(&self, like: &Worker) -> Worker {
        let mut idle = crate::repo::store::held(&self.idle);
        idle.retain_mut(|worker| {
            worker.ceilings == like.ceilings
                && (Arc::ptr_eq(&worker.setup, &like.setup) || worker.setup == like.setup)
                && worker
                    .process
                    .as_mut()
                    .is_some_and(|process| matches!(process.child.try_wait(), Ok(None)))
        });
        idle.pop().unwrap_or_else(|| {
            let mut worker = like.sibling();
            worker.starter = Some(self.starter.get_or_init(Starter::new).clone());
            worker
        })
    }

    /// Keeps `worker` for the next build, unless its process has ended or
    /// as many as there are cores are kept already. What its process said
    /// on standard error so far is not kept.
    pub fn keep(&self, worker: Worker) {
        let mut idle = crate::repo::store::held(&self.idle);
        if let Some(process) = &worker.process
            && !worker.lost
            && idle.len() < crate::repo::parallel::threads()
        {
            crate::repo::store::held(&process.stderr).clear();
            idle.push(worker);
        }
    }
}

/// A thread that starts worker processes for a [`Pool`]. The system kills
/// a worker when the thread that started it ends (`bind_to_parent`), and
/// each build's typesetting threads end with it: a kept worker is started
/// by this thread, which lives as long as the pool's workers.
pub struct Starter {
    requests: mpsc::Sender<(Command, mpsc::Sender<io::Result<Child>>)>,
}

impl Starter {
    fn new() -> Arc<Starter> {
        let (requests, received) = mpsc::channel::<(Command, mpsc::Sender<io::Result<Child>>)>();
        // Should the thread not start, each request goes unanswered and
        // its process is started by the thread that asked (`start`).
        let _ = std::thread::Builder::new()
            .name("typeset-starter".into())
            .spawn(move || {
                for (mut command, answer) in received {
                    let _ = answer.send(command.spawn());
                }
            });
        Arc::new(Starter { requests })
    }

    /// `command` spawned by the starter's thread; `None` when the thread
    /// is not there to answer.
    fn start(&self, command: Command) -> Option<io::Result<Child>> {
        let (answer, answered) = mpsc::channel();
        self.requests.send((command, answer)).ok()?;
        answered.recv().ok()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Idle, it waits for a document that will not come: closing its
        // input ends it, and killing it is as good.
        if let Some(process) = self.process.take() {
            process.end(true);
        }
    }
}

/// Why a worker stopped in the middle of a document, as the person at the
/// terminal needs to hear it.
fn stopped(status: Option<ExitStatus>, stderr: &str, memory: u64) -> String {
    // Rust's message when an allocation fails, and jemalloc's own.
    let out_of_memory = stderr.contains("memory allocation of") || stderr.contains("<jemalloc>");
    if out_of_memory {
        return t!("cmd-build-too-much-memory", megabytes = memory >> 20);
    }
    let said: Vec<&str> = stderr.lines().rev().take(8).collect();
    let said: Vec<&str> = said.into_iter().rev().collect();
    let status = status.map(|status| status.to_string()).unwrap_or_default();
    t!(
        "cmd-build-worker-stopped",
        status = status,
        said = crate::error::printable(&said.join("\n")).into_owned()
    )
}

/// The highest peak of a worker process since `take_worker_peak` last
/// took it, whatever started the worker.
static LATEST_PEAK: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The highest peak resident memory, in bytes, of any worker process that
/// typeset a document since the last call: 0 when none did.
pub fn take_worker_peak() -> u64 {
    LATEST_PEAK.swap(0, std::sync::atomic::Ordering::Relaxed)
}

/// The process's peak resident memory in bytes, where the system tells
/// (Linux's /proc/self/status, VmHWM): since it started, or since
/// `reset_peak_memory` last did.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// Has `peak_memory` count from now, where Linux allows (`clear_refs`,
/// value 5, since Linux 4.0): a stage's own peak. Where it does not, the
/// peak goes on counting from the start, which is never less than the
/// stage's own.
pub fn reset_peak_memory() {
    #[cfg(target_os = "linux")]
    let _ = std::fs::write("/proc/self/clear_refs", b"5");
}

/// The worker's side: reads its setup, caps its memory, and typesets what
/// comes on standard input until it closes. Its exit code is the process's.
pub fn serve() -> std::process::ExitCode {
    use std::process::ExitCode;
    let mut input = io::stdin();
    let setup: Setup = match read_frame(&mut input) {
        Ok(Some(setup)) => setup,
        _ => return ExitCode::from(crate::error::exit::INTERNAL),
    };
    if setup.build != env!("RSR_BUILD_ID") {
        return ExitCode::from(crate::error::exit::INTERNAL);
    }
    if let Some(lang) = Lang::ALL.into_iter().find(|l| l.tag() == setup.lang) {
        lang::set(lang);
    }
    if !bind_to_parent(setup.parent) {
        return ExitCode::from(crate::error::exit::INTERNAL);
    }
    cap_memory(setup.memory);
    let renderer = Renderer::from_setup(&setup);
    // Typst's layout recurses deeply on nested content: a thread with a
    // large stack does the work.
    let worked = std::thread::Builder::new()
        .name("typeset".into())
        .stack_size(super::STACK)
        .spawn(move || -> io::Result<()> {
            let mut input = input.lock();
            let mut output = io::BufWriter::new(io::stdout().lock());
            while let Some(document) = read_frame::<Document>(&mut input)? {
                let reply = match renderer.render(&document) {
                    Ok(rendered) => Reply::Done {
                        rendered,
                        peak: peak_memory(),
                    },
                    Err(error) => Reply::Failed(error.into()),
                };
                write_frame(&mut output, &reply)?;
            }
            Ok(())
        })
        .map(|thread| thread.join());
    match worked {
        Ok(Ok(Ok(()))) => ExitCode::SUCCESS,
        _ => ExitCode::from(crate::error::exit::INTERNAL),
    }
}

/// Caps this process's address space at `bytes`, where the system allows:
/// an allocation past it fails, and the process stops with Rust's message
/// that says so.
#[cfg(unix)]
fn cap_memory(bytes: u64) {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let _ = setrlimit(
        Resource::As,
        Rlimit {
            current: Some(bytes),
            maximum: Some(bytes),
        },
    );
}

#[cfg(not(unix))]
fn cap_memory(_bytes: u64) {}

/// Has the system kill this process when the thread that started it ends
/// (a build killed with `kill -9` leaves no worker behind that loops on a
/// template); false when the parent is gone already.
#[cfg(target_os = "linux")]
fn bind_to_parent(parent: u32) -> bool {
    use rustix::process::{getppid, set_parent_process_death_signal};
    let _ = set_parent_process_death_signal(Some(rustix::process::Signal::KILL));
    getppid().is_some_and(|pid| pid.as_raw_nonzero().get().unsigned_abs() == parent)
}

/// Elsewhere a worker that loses its parent ends when it next reads or
/// writes.
#[cfg(not(target_os = "linux"))]
fn bind_to_parent(_parent: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_carry_a_document_and_end_cleanly() {
        let document = Document {
            kind: Kind::Protokoll,
            body: "bmn".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 10, 14).unwrap(),
            output: PathBuf::from("bmn/2026-10-14-protokoll.pdf"),
            ident: "bmn-2026-10-14".into(),
            issued: chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
            data: br#"{"title":"Protokoll \u0000"}"#.to_vec(),
            files: vec![PathBuf::from("meetings/bmn/2026-10-14/underlag.pdf")],
            public: false,
            internal: false,
            paragraph: Some(121),
            cancelled: false,
            logo: None,
        };
        let mut stream = Vec::new();
        write_frame(&mut stream, &document).unwrap();
        let mut reader = stream.as_slice();
        let read: Document = read_frame(&mut reader).unwrap().unwrap();
        assert_eq!(read.output, document.output);
        assert_eq!(read.data, document.data);
        assert_eq!(read.paragraph, Some(121));
        assert_eq!(read.files, document.files);
        assert!(read_frame::<Document>(&mut reader).unwrap().is_none());
        // A frame cut short is an error, not the end.
        let mut cut = &stream[..stream.len() - 1];
        assert!(read_frame::<Document>(&mut cut).is_err());
    }

    #[test]
    fn a_worker_that_ran_out_of_memory_says_so() {
        let said = stopped(
            None,
            "memory allocation of 1073741824 bytes failed\n",
            256 << 20,
        );
        assert!(said.contains("256 MB"), "{said}");
        let said = stopped(None, "thread 'typeset' panicked at layout.rs\n", 256 << 20);
        assert!(said.contains("panicked at layout.rs"), "{said}");
        assert!(!said.contains("256 MB"), "{said}");
    }
}
