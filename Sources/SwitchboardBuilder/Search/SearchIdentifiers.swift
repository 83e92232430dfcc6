/// Identifiers: tokens made of several runs of ASCII letters and digits and what joins them,
/// indexed whole as well as in parts, because engineers paste them into the search box:
///
/// - e-mail addresses, whole and their domain (`escalations@wearepragma.co.uk`,
///   `wearepragma.co.uk`);
/// - domains, whole and without their first label when that leaves a name
///   (`www.tollring.com`, `tollring.com`);
/// - dotted versions (`4.3.10`; `v2.3` and `2.3` for `V2.3`);
/// - ids joined by `-` or `_` with both letters and digits (`tpsip-0001`);
/// - money after `£`, `$` or `€` (`£800` for `£800.00`, `£12.50`; `1000` for `£1,000`);
/// - phone numbers of 9 to 15 digits starting with `0` or `+`, whole without spaces
///   (`01903927100` for `01903 927100`) and their trailing 4 to n − 1 digits, so that an
///   extension or the end of a number finds it.
///
/// The parts are the plain tokens the scanner emits anyway. `search-core.js` repeats these
/// rules (`identifiers`), held together by `Tests/Fixtures/search-vectors.json`.
enum SearchIdentifiers {
    /// A run of ASCII letters and digits as written in the text: UTF-8 offsets.
    struct Run {
        var start: Int
        var end: Int
    }

    /// Calls `emit` with each identifier of `text` (its UTF-8 bytes), given its pure runs in order.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, runs: [Run], emit: (inout [UInt8]) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var pass = Pass(text: text, runs: runs, emit: emit)
            pass.run()
        }
    }

    private struct Pass {
        let text: UnsafeBufferPointer<UInt8>
        let runs: [Run]
        let emit: (inout [UInt8]) -> Void
        var buffer: [UInt8] = []
        var m: Int { runs.count }

        init(text: UnsafeBufferPointer<UInt8>, runs: [Run], emit: @escaping (inout [UInt8]) -> Void) {
            self.text = text
            self.runs = runs
            self.emit = emit
            buffer.reserveCapacity(48)
        }

        /// The character joining run `k` to the next, if exactly one byte lies between them.
        func gap(_ k: Int) -> UInt8? {
            guard k + 1 < m, runs[k + 1].start == runs[k].end + 1 else { return nil }
            return text[runs[k].end]
        }

        func byte(_ k: Int, _ i: Int) -> UInt8 { lower(text[runs[k].start + i]) }
        func length(_ k: Int) -> Int { runs[k].end - runs[k].start }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        func digits(_ k: Int) -> Bool { (runs[k].start..<runs[k].end).allSatisfy { isDigit(text[$0]) } }
        func letters(_ k: Int) -> Bool { (runs[k].start..<runs[k].end).allSatisfy { isLetter(text[$0]) } }

        /// The currency sign written just before run `k`, as UTF-8.
        func currency(_ k: Int) -> [UInt8]? {
            let s = runs[k].start
            if s >= 1, text[s - 1] == 0x24 { return [0x24] }
            if s >= 2, text[s - 2] == 0xC2, text[s - 1] == 0xA3 { return [0xC2, 0xA3] }
            if s >= 3, text[s - 3] == 0xE2, text[s - 2] == 0x82, text[s - 1] == 0xAC { return [0xE2, 0x82, 0xAC] }
            return nil
        }

        /// Emits `prefix` + the text from `a` to `b`, lowercased, if its length is allowed.
        mutating func emitSpan(_ a: Int, _ b: Int, prefix: [UInt8] = []) {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: prefix)
            for i in a..<b { buffer.append(lower(text[i])) }
            emitBuffer(characters: (prefix.isEmpty ? 0 : 1) + (b - a))
        }

        mutating func emitBuffer(characters: Int) {
            if characters >= SearchTokenizer.minimumLength, characters <= SearchTokenizer.maximumLength { emit(&buffer) }
        }

        mutating func run() {
            // E-mail addresses, domains, versions and ids: runs joined by . - _ @.
            var i = 0
            while i < m {
                var j = i
                while let c = gap(j), c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: "@") {
                    j += 1
                }
                if j > i { chain(i, j) }
                i = j + 1
            }
            money()
            phones()
        }

        mutating func chain(_ i: Int, _ j: Int) {
            var ats: [Int] = []
            for k in i..<j where gap(k) == UInt8(ascii: "@") { ats.append(k) }
            if ats.count == 1 {
                let a = ats[0]
                var ok = a + 1 < j && letters(j) && length(j) >= 2
                for k in (a + 1)..<max(a + 1, j) where gap(k) != UInt8(ascii: ".") { ok = false }
                if ok {
                    emitSpan(runs[i].start, runs[j].end)
                    emitSpan(runs[a + 1].start, runs[j].end)
                    return
                }
            }
            var from = i
            for k in i...j where k == j || gap(k) == UInt8(ascii: "@") {
                if k > from { plain(from, k) }
                from = k + 1
            }
        }

        mutating func plain(_ i: Int, _ j: Int) {
            var k = i
            while k <= j {
                var l = k
                while l < j, gap(l) == UInt8(ascii: ".") { l += 1 }
                if l > k { dotted(k, l, chainStart: i) }
                k = l + 1
            }
            var joined = false, letter = false, digit = false
            for x in i...j {
                if x < j, let c = gap(x), c == UInt8(ascii: "-") || c == UInt8(ascii: "_") { joined = true }
                for p in runs[x].start..<runs[x].end {
                    if isLetter(text[p]) { letter = true } else if isDigit(text[p]) { digit = true }
                }
            }
            if joined, letter, digit { emitSpan(runs[i].start, runs[j].end) }
        }

        mutating func dotted(_ k: Int, _ l: Int, chainStart: Int) {
            if (k...l).allSatisfy({ digits($0) }) {
                if !(k == chainStart && currency(k) != nil) { emitSpan(runs[k].start, runs[l].end) }
                return
            }
            // Letters then digits (`v2`), then digits only: a version with a prefix.
            var letterCount = 0
            while letterCount < length(k), isLetter(text[runs[k].start + letterCount]) { letterCount += 1 }
            let prefixed = letterCount > 0 && letterCount < length(k)
                && (runs[k].start + letterCount..<runs[k].end).allSatisfy { isDigit(text[$0]) }
            if prefixed, ((k + 1)...l).allSatisfy({ digits($0) }) {
                emitSpan(runs[k].start, runs[l].end)
                emitSpan(runs[k].start + letterCount, runs[l].end)
            } else if letters(l), length(l) >= 2 {
                emitSpan(runs[k].start, runs[l].end)
                if l - k >= 2, length(k + 1) >= 3 { emitSpan(runs[k + 1].start, runs[l].end) }
            }
        }

        mutating func money() {
            for i in 0..<m {
                guard let sign = currency(i), digits(i) else { continue }
                var whole: [UInt8] = Array(text[runs[i].start..<runs[i].end])
                var j = i
                while gap(j) == UInt8(ascii: ","), length(j + 1) == 3, digits(j + 1) {
                    j += 1
                    whole.append(contentsOf: text[runs[j].start..<runs[j].end])
                }
                var amount = whole
                if gap(j) == UInt8(ascii: "."), digits(j + 1) {
                    let pence = text[runs[j + 1].start..<runs[j + 1].end]
                    if pence.contains(where: { $0 != UInt8(ascii: "0") }) {
                        amount.append(UInt8(ascii: "."))
                        amount.append(contentsOf: pence)
                    }
                }
                buffer = sign + amount
                emitBuffer(characters: 1 + amount.count)
                if j > i {
                    buffer = whole
                    emitBuffer(characters: whole.count)
                }
            }
        }

        mutating func phones() {
            var i = 0
            while i < m {
                if digits(i), length(i) >= 2 {
                    let plus = runs[i].start > 0 && text[runs[i].start - 1] == UInt8(ascii: "+")
                    var number: [UInt8] = Array(text[runs[i].start..<runs[i].end])
                    var j = i
                    while let c = gap(j), c == UInt8(ascii: " ") || c == UInt8(ascii: "-"), digits(j + 1), length(j + 1) >= 3 {
                        j += 1
                        number.append(contentsOf: text[runs[j].start..<runs[j].end])
                    }
                    if number[0] == UInt8(ascii: "0") || plus, number.count >= 9, number.count <= 15 {
                        let last = Array(text[runs[j].start..<runs[j].end])
                        if j > i {
                            buffer = number
                            emitBuffer(characters: number.count)
                        }
                        var n = number.count - 1
                        while n >= 4 {
                            let suffix = Array(number[(number.count - n)...])
                            if suffix != last {
                                buffer = suffix
                                emitBuffer(characters: n)
                            }
                            n -= 1
                        }
                        i = j + 1
                        continue
                    }
                }
                i += 1
            }
        }
    }
}
