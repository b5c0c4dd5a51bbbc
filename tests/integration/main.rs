//! rsr's integration tests: one binary, a temporary copy of the example
//! repository per test, the real `rsr` executable, and PDFs read back as text.

mod architecture;
mod attachments;
mod build;
mod cancelled;
mod check;
mod ci;
mod conformance;
mod decisions;
mod diff;
mod draft;
mod errors;
mod example;
mod fuzz;
mod hardening;
mod headings;
mod incremental;
mod justera;
mod labels;
mod lang;
mod list;
mod membership;
mod new;
mod numbering;
mod opendata;
mod pdf;
mod record;
mod recovery;
mod schema;
mod secrecy;
mod site;
mod snapshots;
mod subitems;
mod support;
mod typography;
mod watch;
