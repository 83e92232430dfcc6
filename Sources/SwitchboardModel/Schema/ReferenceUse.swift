/// A reference found while validating, checked once every file is loaded.
public struct ReferenceUse: Sendable {
    public var kind: ReferenceKind
    public var value: String
    public var file: String
    public var position: SourcePosition
}
