import Foundation

/// The last commit date of every file under a folder, from one `git log`.
public enum GitDates {
    /// Dates by path relative to `directory`; empty when it is not in a git checkout
    /// or git is not installed.
    public static func read(_ directory: String) -> [String: Day] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames", "--", "."]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [:] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// Parses `git log --format=%x00%cs --name-only`: newest commit first, so a path's first date wins.
    static func parse(_ log: String) -> [String: Day] {
        var dates: [String: Day] = [:]
        var current: Day?
        for line in log.split(separator: "\n") {
            if line.hasPrefix("\u{0}") {
                current = Day(String(line.dropFirst()))
            } else if let current, dates[String(line)] == nil {
                dates[String(line)] = current
            }
        }
        return dates
    }
}
