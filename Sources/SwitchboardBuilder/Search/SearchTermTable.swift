import Foundation

/// Interns terms given as UTF-8 bytes and numbers them 0, 1, 2… in order of first sight.
/// The bytes of every term live in one arena, so a page's hundreds of terms, and the
/// index's tens of thousands, cost no `String` each: the writer works on term numbers and
/// turns bytes into text only when it writes JSON.
///
/// Open addressing with linear probing over a power-of-two table kept at most half full.
/// Each slot holds the term's hash beside its id, so a probe compares hashes without reading
/// another array, and growing rehashes nothing.
struct SearchTermTable: Sendable {
    /// Every term's bytes, back to back.
    private(set) var arena: [UInt8] = []
    /// `starts[id]..<starts[id + 1]` is term `id` in `arena`.
    private(set) var starts: [Int32] = [0]
    /// The hash in the high 32 bits, term id + 1 in the low; 0 is empty.
    private var slots: [UInt64]

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        arena.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
    }

    /// A frozen table (see `frozen()`) from its arena and bounds, which the caller has checked:
    /// `starts` begins at 0, rises strictly, and ends at the arena's size.
    init(frozenArena arena: [UInt8], starts: [Int32]) {
        self.arena = arena
        self.starts = starts
        slots = []
    }

    var count: Int { starts.count - 1 }

    /// The bytes of term `id`.
    func bytes(_ id: Int) -> ArraySlice<UInt8> {
        arena[Int(starts[id])..<Int(starts[id + 1])]
    }

    /// The term as text.
    func string(_ id: Int) -> String {
        String(decoding: bytes(id), as: UTF8.self)
    }

    /// The id of the term with these bytes, added if new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let (tag, slot, found) = locate(key)
        if let found { return found }
        let id = count
        arena.append(contentsOf: key)
        starts.append(Int32(arena.count))
        slots[slot] = tag | UInt64(id + 1)
        if count * 2 > slots.count { grow() }
        return id
    }

    /// Where `key` is or would go: its slot's tag (the hash in the high bits), the slot, and the
    /// term's id when the table has it. The table must have slots (not be frozen).
    @inline(__always)
    private func locate(_ key: UnsafeBufferPointer<UInt8>) -> (tag: UInt64, slot: Int, id: Int?) {
        let hash = Self.hash(key)
        let tag = UInt64(hash) << 32
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (tag, slot, nil) }
            let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            if entry & 0xFFFF_FFFF_0000_0000 == tag, equals(id, key) { return (tag, slot, id) }
            slot = (slot + 1) & mask
        }
    }

    /// The table without its lookup structures, to keep many of them cheaply once no more
    /// terms will be added. `intern` must not be called on it. Its arrays are copied to their
    /// size: a page's table reserves room for 256 terms, and ten thousand pages' analyses,
    /// all held while the index is built, kept that room (some 25 MB).
    func frozen() -> SearchTermTable {
        SearchTermTable(frozenArena: arena.copiedToSize(), starts: starts.copiedToSize())
    }

    /// Convenience for `[UInt8]` keys.
    mutating func intern(_ key: [UInt8]) -> Int {
        key.withUnsafeBufferPointer { intern($0) }
    }

    /// The id of the term with these bytes, if the table has it; nil on a frozen table.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !slots.isEmpty else { return nil }
        return locate(key).id
    }

    /// Whether term `a` sorts before term `b` by bytes, which for UTF-8 is code point order.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        bytes(a).lexicographicallyPrecedes(bytes(b))
    }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id]), end = Int(starts[id + 1])
        guard end - start == key.count else { return false }
        guard let keyBase = key.baseAddress, key.count > 0 else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, keyBase, key.count) == 0 }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for entry in slots where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = entry
        }
        slots = bigger
    }

    /// FNV-1a, then the low bits mixed, as linear probing wants them.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for byte in key { h = (h ^ UInt32(byte)) &* 16_777_619 }
        h ^= h >> 15
        h = h &* 0x2C1B_3C6D
        h ^= h >> 12
        return h
    }
}

extension Array {
    /// A copy whose storage holds just its elements. (`Array(self[...])` would share the
    /// buffer, reserved room and all.)
    func copiedToSize() -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(fromContentsOf: self)
            initialized = count
        }
    }
}
