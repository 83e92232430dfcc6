import SwitchboardModel

/// A component's status at the build clock.
struct ComponentState: Sendable {
    var component: StatusComponent
    /// One of `StatusLevels.componentStatuses`.
    var status: String
    /// 1-based place in the Statuspage component list (groups count too).
    var position: Int
    /// The latest time at or before the clock when an incident or maintenance
    /// window changed the component's status; nil when none ever did.
    var changedAt: Instant?
    /// The id of its group in the API, when it has a group.
    var groupID: String?
}

/// A group of components, which Statuspage lists as a component with `group: true`.
struct ComponentGroupState: Sendable {
    var name: String
    var id: String
    var position: Int
    var members: [ComponentState]

    /// The worst status of its members.
    var status: String { members.map(\.status).reduce("operational", StatusLevels.worse) }
    var changedAt: Instant? { members.compactMap(\.changedAt).max() }
}
