import Dispatch

/// How long each stage of the pipeline took, for `--timings` and the benchmark.
public struct StageTimings: Sendable {
    /// Each stage's wall time, and the process's peak resident memory when it ended
    /// (megabytes; 0 where the system does not say), so `--timings` shows which stage
    /// raised the peak.
    public private(set) var stages: [(name: String, seconds: Double, peakMB: Int)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the current stage under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((name, Double(now - last) / 1e9, Self.peakResidentMB()))
        last = now
    }

    /// VmHWM from /proc/self/status: the most memory the process has held at once.
    static func peakResidentMB() -> Int {
        guard let bytes = FileReader.read("/proc/self/status") else { return 0 }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return kilobytes / 1024
    }

    public mutating func append(_ other: StageTimings) {
        stages += other.stages
    }
}
