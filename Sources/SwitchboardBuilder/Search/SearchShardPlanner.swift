/// Splits the sorted vocabulary into shards by term prefix so that no shard is much larger
/// than `limit` bytes: a cold query fetches one shard, so the largest shard bounds its cost.
/// Prefixes start at one character and grow only where terms are dense, so a small site has
/// a few dozen shards and a large one a few thousand, each within the limit.
///
/// A term belongs to the shard with the longest key that is a prefix of it. When a prefix
/// is split, a term equal to the prefix stays in a shard named by the prefix itself.
struct SearchShardPlanner {
    /// A shard: its key and the range of term indices it holds.
    struct Shard {
        var key: [Unicode.Scalar]
        var range: Range<Int>
    }

    let terms: [[Unicode.Scalar]]
    /// `sizeBefore[i]` is the total size of terms `0..<i`.
    let sizeBefore: [Int]
    let limit: Int

    /// `terms` sorted by code point; `sizes` the bytes each adds to its shard.
    init(terms: [[Unicode.Scalar]], sizes: [Int], limit: Int) {
        self.terms = terms
        var running = 0
        var before = [0]
        before.reserveCapacity(sizes.count + 1)
        for size in sizes { running += size; before.append(running) }
        self.sizeBefore = before
        self.limit = limit
    }

    func plan() -> [Shard] {
        var shards: [Shard] = []
        split(0..<terms.count, depth: 0, into: &shards)
        return shards
    }

    private func split(_ range: Range<Int>, depth: Int, into shards: inout [Shard]) {
        if range.isEmpty { return }
        var start = range.lowerBound
        if depth > 0 {
            let size = sizeBefore[range.upperBound] - sizeBefore[range.lowerBound]
            if size <= limit || range.count == 1 || depth >= 12 {
                shards.append(Shard(key: Array(terms[start][..<depth]), range: range))
                return
            }
            // Sorted by code point, the term equal to the prefix (if any) comes first.
            if terms[start].count == depth {
                shards.append(Shard(key: terms[start], range: start..<start + 1))
                start += 1
            }
        }
        while start < range.upperBound {
            let next = terms[start][depth]
            var end = start + 1
            while end < range.upperBound, terms[end][depth] == next { end += 1 }
            split(start..<end, depth: depth + 1, into: &shards)
            start = end
        }
    }
}
