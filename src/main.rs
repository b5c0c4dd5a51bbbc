// glibc's allocator keeps the memory Typst's many short-lived allocations on
// several threads leave fragmented: a build of 5,600 documents peaked at 406
// MB with it and at 164 MB with jemalloc (bench/RESULTS.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    rsr::cli::main()
}
