import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

@Suite(.serialized) struct DiskSinkTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-sink-\(getpid())")

    func files(under folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if let text = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) { result[path] = text }
        }
        return result
    }

    func fresh() throws -> URL {
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root.appendingPathComponent("public")
    }

    @Test func rebuildsRewriteInPlaceAndDropFilesThatAreGone() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = DiskSink(directory: output.path)
        try first.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "kb/a/index.html", text: "a"),
                         OutputFile(path: "old/x.txt", text: "x")])
        try first.commit()
        #expect(files(under: output).filter { $0.key != DiskSink.markerName } == ["index.html": "one", "kb/a/index.html": "a", "old/x.txt": "x"])

        let second = DiskSink(directory: output.path)
        try second.write([OutputFile(path: "index.html", text: "two"), OutputFile(path: "kb/b/index.html", text: "b")])
        #expect(files(under: output)["index.html"] == "one", "nothing visible changes before commit")
        try second.commit()
        #expect(files(under: output).filter { $0.key != DiskSink.markerName } == ["index.html": "two", "kb/b/index.html": "b"])
        // The staging folder now holds the previous output, to be rewritten by the next build.
        #expect(files(under: URL(fileURLWithPath: second.staging))["index.html"] == "one")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(siblings == [".public.switchboard-next", "public"])

        let third = DiskSink(directory: output.path)
        try third.write([OutputFile(path: "index.html", text: "three")])
        try third.commit()
        #expect(files(under: output).filter { $0.key != DiskSink.markerName } == ["index.html": "three"])
    }

    /// A file is written over in place and cut to its new length after writing, never emptied
    /// first (ext4 writes a file emptied by truncation back to the disk as it is closed).
    @Test func aFileWrittenOverHoldsOnlyItsNewBytes() throws {
        _ = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("page.html").path
        func read() -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
        #expect(DiskSink.writeFile(path, Array("a much longer first text".utf8)))
        #expect(read() == "a much longer first text")
        #expect(DiskSink.writeFile(path, Array("short".utf8)))
        #expect(read() == "short")
        #expect(DiskSink.writeFile(path, Array("longer again".utf8)))
        #expect(read() == "longer again")
        #expect(DiskSink.writeFile(path, []))
        #expect(read() == "")
    }

    /// Folders are made a level at a time, a level of many on all cores, below folders that
    /// an earlier batch made; a file of an older site where a folder goes is cleared away.
    @Test func foldersAreMadeBelowThoseAnEarlierBatchMade() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        // Two builds back, so that the staging folder holds the older site.
        let older = DiskSink(directory: output.path)
        try older.write([OutputFile(path: "kb/x/y", text: "a file where a folder goes")])
        try older.commit()
        let old = DiskSink(directory: output.path)
        try old.write([OutputFile(path: "index.html", text: "home")])
        try old.commit()
        #expect(files(under: URL(fileURLWithPath: old.staging))["kb/x/y"] == "a file where a folder goes")
        let sink = DiskSink(directory: output.path)
        try sink.putAll([OutputFile(path: "kb/index.html", text: "kb")], digests: [ContentDigest("kb".utf8)])
        let pages = (0..<40).map { OutputFile(path: "kb/c\($0 % 3)/p\($0)/index.html", text: "page \($0)") }
            + [OutputFile(path: "kb/x/y/z/index.html", text: "deep")]
        try sink.putAll(pages, digests: pages.map { ContentDigest($0.bytes) })
        try sink.commit()
        let written = files(under: output)
        #expect(written["kb/index.html"] == "kb")
        for index in 0..<40 { #expect(written["kb/c\(index % 3)/p\(index)/index.html"] == "page \(index)") }
        #expect(written["kb/x/y/z/index.html"] == "deep")
    }

    /// A build that publishes the same site again (a no-change rebuild) leaves the staging
    /// folder trusted: its marker still names the site it holds, so the next build rewrites
    /// only what changed instead of every file.
    /// Files handed over together are written on all cores; a file whose path an older
    /// site used for a folder still replaces it, and an unchanged file is not written again.
    @Test func filesPutTogetherLandLikeFilesPutOneByOne() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = DiskSink(directory: output.path)
        try first.write([OutputFile(path: "search/t/old/x.json", text: "folder"), OutputFile(path: "index.html", text: "i")])
        try first.commit()
        let second = DiskSink(directory: output.path)
        try second.write([OutputFile(path: "index.html", text: "i")])
        try second.commit()

        // The third build writes into the first build's folder, where search/t/old is a folder.
        let third = DiskSink(directory: output.path)
        try third.begin()
        let many = (0..<300).map { OutputFile(path: "search/t/n\($0).json", text: "\($0)") }
            + [OutputFile(path: "search/t/old", text: "now a file"), OutputFile(path: "index.html", text: "i")]
        try third.putAll(many, digests: many.map { ContentDigest($0.bytes) })
        try third.commit()
        var expected = Dictionary(uniqueKeysWithValues: (0..<300).map { ("search/t/n\($0).json", "\($0)") })
        expected["search/t/old"] = "now a file"
        expected["index.html"] = "i"
        #expect(files(under: output).filter { $0.key != DiskSink.markerName } == expected)
    }

    @Test func theSameSiteAgainKeepsTheStagingFolderTrusted() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = DiskSink(directory: output.path, manifestPath: root.appendingPathComponent("manifest").path)
        let marker = URL(fileURLWithPath: sink.staging).appendingPathComponent(DiskSink.markerName)
        try sink.write([OutputFile(path: "index.html", text: "a"), OutputFile(path: "x.txt", text: "x")])
        try sink.commit()
        try sink.write([OutputFile(path: "index.html", text: "b"), OutputFile(path: "x.txt", text: "x")])
        try sink.commit()
        #expect(try String(contentsOf: marker, encoding: .utf8).contains("site "))

        try sink.begin()
        #expect(try sink.keep("index.html", digest: ContentDigest(Array("b".utf8))))
        #expect(try sink.keep("x.txt", digest: ContentDigest(Array("x".utf8))))
        #expect(try sink.commit().isEmpty)
        #expect(try String(contentsOf: marker, encoding: .utf8).contains("site "), "the staging folder's marker still names its site")

        try sink.begin()
        try sink.put(OutputFile(path: "index.html", text: "c"))
        #expect(try sink.keep("x.txt", digest: ContentDigest(Array("x".utf8))))
        try sink.commit()
        #expect(files(under: output).filter { $0.key != DiskSink.markerName } == ["index.html": "c", "x.txt": "x"])
    }

    /// Files carried over from the published folder are hard links to it; writing one of
    /// them later must replace it, never change the published file through the shared inode.
    @Test func carriedFilesAreLinksThatWritesNeverChangeInPlace() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = DiskSink(directory: output.path, manifestPath: root.appendingPathComponent("manifest").path)
        try sink.write([OutputFile(path: "index.html", text: "a"), OutputFile(path: "kb/x.txt", text: "x")])
        try sink.commit()
        // After a clean build there is no staging folder: the kept file is carried as a link.
        try sink.begin()
        try sink.put(OutputFile(path: "index.html", text: "b"))
        #expect(try sink.keep("kb/x.txt", digest: ContentDigest(Array("x".utf8))))
        try sink.commit()
        var published = stat(), staged = stat()
        #expect(stat(output.path + "/kb/x.txt", &published) == 0 && stat(sink.staging + "/kb/x.txt", &staged) == 0)
        #expect(published.st_ino == staged.st_ino, "carried over as a hard link")

        try sink.begin()
        try sink.put(OutputFile(path: "index.html", text: "c"))
        try sink.put(OutputFile(path: "kb/x.txt", text: "x, changed"))
        #expect(files(under: output)["kb/x.txt"] == "x", "the published file is untouched before the swap")
        try sink.commit()
        #expect(files(under: output).filter { $0.key != DiskSink.markerName } == ["index.html": "c", "kb/x.txt": "x, changed"])
        #expect(files(under: URL(fileURLWithPath: sink.staging))["kb/x.txt"] == "x")
    }

    /// The first build after a clean one carries every kept file: each lands as a link to its
    /// published file, in its folder, and one changed by hand since it was published stops the
    /// build (the output is left as it was) instead of being carried.
    @Test func manyCarriedFilesAreCheckedAndLinked() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = DiskSink(directory: output.path, manifestPath: root.appendingPathComponent("manifest").path)
        let kept = (0..<300).map { OutputFile(path: "kb/c\($0 % 7)/a\($0)/index.html", text: "page \($0)") }
        try sink.write([OutputFile(path: "index.html", text: "a")] + kept)
        try sink.commit()
        try sink.begin()
        try sink.put(OutputFile(path: "index.html", text: "b"))
        for file in kept { #expect(try sink.keep(file.path, digest: ContentDigest(file.bytes))) }
        try sink.commit()
        for file in kept {
            var published = stat(), staged = stat()
            #expect(stat(output.path + "/" + file.path, &published) == 0 && stat(sink.staging + "/" + file.path, &staged) == 0)
            #expect(published.st_ino == staged.st_ino, "\(file.path) carried as a hard link")
        }
        #expect(files(under: output)["kb/c3/a10/index.html"] == "page 10")

        // Published again, then one file changed by hand in the output folder.
        let again = DiskSink(directory: output.path, manifestPath: root.appendingPathComponent("manifest2").path)
        try again.write([OutputFile(path: "index.html", text: "a")] + kept)
        try again.commit()
        try Data("edited by hand".utf8).write(to: output.appendingPathComponent("kb/c5/a12/index.html"))
        try again.begin()
        try again.put(OutputFile(path: "index.html", text: "c"))
        for file in kept { #expect(try again.keep(file.path, digest: ContentDigest(file.bytes))) }
        #expect(throws: DiskSink.WriteError.self) { try again.commit() }
        again.discard()
        #expect(files(under: output)["index.html"] == "a")
        #expect(files(under: output)["kb/c5/a12/index.html"] == "edited by hand")
    }

    /// The carry trusts modification times (`DiskSink.carryAll`): a published file last changed
    /// before the output folder's marker is linked without being read, so even a hand edit given
    /// an older time is carried as it is, while one changed in the marker's own clock tick is
    /// read, checked and stops the build.
    @Test func theCarryReadsOnlyFilesChangedSinceTheMarker() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        let kept = (0..<20).map { OutputFile(path: "kb/a\($0)/index.html", text: "page \($0)") }
        func setModificationTime(_ path: String, to time: timespec) {
            var times = [time, time]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        }
        func publishThenKeep(edit: (_ marker: timespec) -> Void) throws -> DiskSink {
            let manifest = root.appendingPathComponent("manifest").path
            let sink = DiskSink(directory: output.path, manifestPath: manifest)
            try sink.write([OutputFile(path: "index.html", text: "a")] + kept)
            try sink.commit()
            let marker = try #require(DiskSink.modificationTime(of: output.path + "/" + DiskSink.markerName))
            edit(marker)
            let next = DiskSink(directory: output.path, manifestPath: manifest)
            try next.begin()
            try next.put(OutputFile(path: "index.html", text: "b"))
            for file in kept { #expect(try next.keep(file.path, digest: ContentDigest(file.bytes))) }
            return next
        }
        let edited = output.path + "/kb/a3/index.html"
        // Edited by hand and dated an hour before the marker: carried unread.
        let trusting = try publishThenKeep { marker in
            try? Data("edited, dated back".utf8).write(to: URL(fileURLWithPath: edited))
            setModificationTime(edited, to: timespec(tv_sec: marker.tv_sec - 3600, tv_nsec: marker.tv_nsec))
        }
        try trusting.commit()
        #expect(files(under: output)["kb/a3/index.html"] == "edited, dated back")
        #expect(files(under: output)["kb/a4/index.html"] == "page 4")

        // Edited by hand in the marker's own tick: read, found changed, and the build stops.
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let checking = try publishThenKeep { marker in
            try? Data("edited in the same tick".utf8).write(to: URL(fileURLWithPath: edited))
            setModificationTime(edited, to: marker)
        }
        #expect(throws: DiskSink.WriteError.self) { try checking.commit() }
        checking.discard()
        #expect(files(under: output)["index.html"] == "a")
    }

    @Test func aFailedWriteLeavesTheOutputAsItWas() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = DiskSink(directory: output.path)
        try first.write([OutputFile(path: "index.html", text: "kept")])
        try first.commit()
        let second = DiskSink(directory: output.path)
        // A file and a folder at the same path cannot both be written.
        #expect(throws: DiskSink.WriteError.self) {
            try second.write([OutputFile(path: "a", text: "file"), OutputFile(path: "a/b", text: "inside a file")])
        }
        second.discard()
        #expect(files(under: output).filter { $0.key != DiskSink.markerName } == ["index.html": "kept"])
        // The staging folder stays for the next build to bring up to date; discard forgets what it
        // held, so the next build rewrites it instead of trusting it.
        let third = DiskSink(directory: output.path)
        try third.write([OutputFile(path: "index.html", text: "third")])
        try third.commit()
        #expect(files(under: output).filter { $0.key != DiskSink.markerName } == ["index.html": "third"])
    }

    @Test func anOutputWhoseParentIsMissingSaysSo() throws {
        _ = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("missing/public")
        let sink = DiskSink(directory: output.path)
        let error = #expect(throws: DiskSink.WriteError.self) { try sink.write([OutputFile(path: "index.html", text: "site")]) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("\(root.path)/missing/, does not exist"), "\(message)")
        #expect(!message.contains("switchboard-next"), "\(message)")
        sink.discard()
    }
}

extension DiskSinkTests {
    /// `--output` pointed at a folder of the user's own must not move or prune it.
    @Test func aFolderNotWrittenBySwitchboardIsNeverReplaced() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "mine".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let sink = DiskSink(directory: output.path)
        #expect(throws: DiskSink.WriteError.self) { try sink.write([OutputFile(path: "index.html", text: "site")]) }
        #expect(files(under: output) == ["notes.txt": "mine"])
        #expect(!FileManager.default.fileExists(atPath: sink.staging))
    }

    @Test func anEmptyFolderIsUsed() throws {
        let output = try fresh()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let sink = DiskSink(directory: output.path)
        try sink.write([OutputFile(path: "index.html", text: "site")])
        try sink.commit()
        #expect(files(under: output)["index.html"] == "site")
        #expect(files(under: output)[DiskSink.markerName] != nil)
    }
}
