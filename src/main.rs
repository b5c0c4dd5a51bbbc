fn main() -> std::process::ExitCode {
    rsr::cli::main()
}
