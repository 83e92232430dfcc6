import SwitchboardModel

/// The dynamic types a page context holds, by identity: what converts a context for the
/// compiled renderer (`TemplateValue`) and what hashes it (`ContextDigest.swift`) compare a
/// value's type with these before any cast, because a failed dynamic cast (a dictionary tried
/// as a string, then as a flag, then as a number) costs the runtime far more than comparing
/// two pointers, and a page's context is hundreds of values.
enum ContextValueType {
    static let string = ObjectIdentifier(String.self)
    static let context = ObjectIdentifier(TemplateContext.self)
    static let contextList = ObjectIdentifier([TemplateContext].self)
    static let stringList = ObjectIdentifier([String].self)
    static let bool = ObjectIdentifier(Bool.self)
    static let int = ObjectIdentifier(Int.self)
}
