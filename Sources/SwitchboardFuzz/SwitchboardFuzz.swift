#if canImport(Glibc)
import Glibc
#endif

#if FUZZING
/// libFuzzer's driver, from `libclang_rt.fuzzer_no_main` (see scripts/fuzz.sh): `swiftc
/// -sanitize=fuzzer` would link libFuzzer's own `main`, which clashes with the one SwiftPM
/// gives every executable, so this program keeps its `main` and hands over to the driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

/// `switchboard-fuzz`: the fuzz targets of `FuzzTargets`, chosen by `SWITCHBOARD_FUZZ_TARGET`.
/// Built by `make fuzz` with libFuzzer and AddressSanitizer; built normally (by `swift build`),
/// it replays the files named on its command line, for regression fixtures.
@main struct SwitchboardFuzz {
    static let target = getenv("SWITCHBOARD_FUZZ_TARGET").map { String(cString: $0) } ?? "loader"

    static func main() {
        #if FUZZING
        FuzzTargets.warmUp()
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzTargets.run(SwitchboardFuzz.target, UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
            return 0
        })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else { fatalError("cannot open \(path)") }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = fread(&buffer, 1, buffer.count, file)
                if count <= 0 { break }
                bytes += buffer[..<count]
            }
            fclose(file)
            bytes.withUnsafeBufferPointer { FuzzTargets.run(target, $0) }
        }
        #endif
    }
}
