//! Work over a list on as many threads as there are cores: loading the
//! bodies, making their documents' data and fingerprints. One item after
//! another from a shared queue, so that a large body does not hold up a
//! thread's share; the results in the list's order, as one thread would
//! give them.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads `each` works on at most: as many as there are cores.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// `work` on each of `items`, in parallel; the results in `items`' order.
pub fn each<'a, T: Sync, U: Send>(items: &'a [T], work: impl Fn(&'a T) -> U + Sync) -> Vec<U> {
    let threads = threads().min(items.len());
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<U>>> = items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(n) else { break };
                    let done = work(item);
                    if let Ok(mut slot) = slots[n].lock() {
                        *slot = Some(done);
                    }
                }
            });
        }
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
}
