//! Work over a list on as many threads as there are cores: loading the
//! bodies, making their documents' data and fingerprints. One item after
//! another from a shared queue, so that a large body does not hold up a
//! thread's share; the results in the list's order, as one thread would
//! give them. A call made within another's work (a body's sealed
//! protokoll, within the bodies' rules) starts only as many threads as
//! there are cores no other call of `each` is working on, never cores ×
//! cores, and takes on more as they come free.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// How many threads `each` works on at most: as many as there are cores
/// (asked once: the system reads its limits from files each time).
pub fn threads() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES
        .get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
}

/// The threads working on items of `each` now, callers among them.
static WORKING: AtomicUsize = AtomicUsize::new(0);

std::thread_local! {
    /// Whether this thread is counted in `WORKING`.
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

/// This thread counted in `WORKING` while it works, unless it is already.
struct Working {
    counted: bool,
}

impl Working {
    /// The calling thread: always works, counted or not.
    fn start() -> Working {
        let counted = !COUNTED.with(|c| c.replace(true));
        if counted {
            WORKING.fetch_add(1, Ordering::Relaxed);
        }
        Working { counted }
    }

    /// A helper `reserve` counted before it was started.
    fn reserved() -> Working {
        COUNTED.with(|c| c.set(true));
        Working { counted: true }
    }

    /// No longer counted, where this counted the thread: it only waits.
    fn release(&mut self) {
        if std::mem::take(&mut self.counted) {
            WORKING.fetch_sub(1, Ordering::Relaxed);
            COUNTED.with(|c| c.set(false));
        }
    }
}

impl Drop for Working {
    fn drop(&mut self) {
        self.release();
    }
}

/// Counts one more thread in `WORKING` if that keeps it within the cores.
fn reserve() -> bool {
    WORKING
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |working| {
            (working < threads()).then_some(working + 1)
        })
        .is_ok()
}

/// `work` on each of `items`, in parallel; the results in `items`' order.
/// The calling thread works on them too, and starts a helper whenever a
/// core is free and more than one item is left.
pub fn each<'a, T: Sync, U: Send>(items: &'a [T], work: impl Fn(&'a T) -> U + Sync) -> Vec<U> {
    if threads() <= 1 || items.len() <= 1 {
        return items.iter().map(work).collect();
    }
    let mut caller = Working::start();
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<U>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let one = |n: usize| {
        let done = work(&items[n]);
        if let Ok(mut slot) = slots[n].lock() {
            *slot = Some(done);
        }
    };
    // The next item no thread has taken yet.
    let claim = || Some(next.fetch_add(1, Ordering::Relaxed)).filter(|&n| n < items.len());
    let take = || {
        while let Some(n) = claim() {
            one(n);
        }
    };
    std::thread::scope(|scope| {
        let mut helpers = 0;
        while let Some(n) = claim() {
            // A helper for what is left after this item, while a core is
            // free: one that cannot be started gives its core back.
            while helpers + 1 < threads() && items.len() - n > helpers + 1 && reserve() {
                let started = std::thread::Builder::new().spawn_scoped(scope, || {
                    let _helper = Working::reserved();
                    take();
                });
                if started.is_err() {
                    WORKING.fetch_sub(1, Ordering::Relaxed);
                    break;
                }
                helpers += 1;
            }
            one(n);
        }
        // Only waiting for the helpers from here.
        caller.release();
    });
    // Every slot is filled: a thread that panicked makes the scope panic
    // before this. Should one be empty all the same, its item is done here.
    slots
        .into_iter()
        .zip(items)
        .map(|(slot, item)| {
            slot.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| work(item))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_results_come_in_the_items_order() {
        let items: Vec<u64> = (0..100).collect();
        let squares = super::each(&items, |n| n * n);
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert!(super::each(&[] as &[u64], |n| *n).is_empty());
    }

    #[test]
    fn work_within_work_starts_no_more_threads_than_there_are_cores() {
        // Each item of the calls within the outer one's work notes how many
        // of them run at once: never more than the cores, on every core
        // where there is more than one, and the results as ever.
        use std::sync::atomic::{AtomicUsize, Ordering};
        let (running, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let outer: Vec<u64> = (0..6).collect();
        let sums = super::each(&outer, |&n| {
            let inner: Vec<u64> = (0..50).collect();
            super::each(&inner, |&m| {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_micros(300));
                running.fetch_sub(1, Ordering::SeqCst);
                n * m
            })
            .into_iter()
            .sum::<u64>()
        });
        assert_eq!(sums, outer.iter().map(|n| n * 1225).collect::<Vec<_>>());
        let most = most.into_inner();
        assert!(most <= super::threads(), "{most} at once");
    }
}
