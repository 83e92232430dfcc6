/// Which paths the watchers report.
public enum WatchedPath {
    /// Files that editors write and delete around a save (vim's swap and `4913` probe,
    /// Emacs's `#name#` and `.#name` locks, `name~` backups, `*.tmp`, hidden files). A save
    /// is seen when the real file is renamed over or written; these names never are content.
    public static func isEditorScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913"
            || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".tmp")
    }
}
