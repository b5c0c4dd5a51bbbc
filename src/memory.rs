//! Giving memory a stage of a build has let go back to the system at once.
//! jemalloc, the allocator `src/main.rs` sets, keeps freed pages resident
//! for some seconds (its decay) in case they are asked for again: the
//! model a large build lets go before typesetting would stay resident
//! beside the first documents' typesetting processes.

/// Gives the pages jemalloc holds free back to the system. Where rsr runs
/// with another allocator (its library's tests, Windows with MSVC), there
/// is nothing of jemalloc's to give back, and it costs a call.
pub fn give_back() {
    #[cfg(not(target_env = "msvc"))]
    purge();
}

#[cfg(not(target_env = "msvc"))]
fn purge() {
    // jemalloc's MALLCTL_ARENAS_ALL: every arena.
    const NAME: &std::ffi::CStr = c"arena.4096.purge";
    // SAFETY: `arena.<i>.purge` reads and writes nothing, so every pointer
    // is null and every length 0, as jemalloc's mallctl(3) documents; the
    // name is a nul-terminated string that lives as long as the program.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            NAME.as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}
