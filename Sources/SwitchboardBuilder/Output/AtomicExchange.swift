#if canImport(Glibc)
import Glibc
#endif

/// Linux's `renameat2(…, RENAME_EXCHANGE)`: swaps two paths in one step, so a
/// web server reading the output folder never finds it missing.
///
/// Swift's Glibc module does not declare `renameat2` (it needs `_GNU_SOURCE`),
/// so it is looked up in the C library at run time.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    private static let renameExchange: UInt32 = 2

    private static let function: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Swaps `a` and `b`; false when the system or the file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let function else { return false }
        return function(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
