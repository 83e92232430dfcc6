import Foundation
import Testing
@testable import SwitchboardModel

/// A placeholder (`{unconfirmed: true, note: …}`) loads as a placeholder, not as a value.
@Suite struct PlaceholderTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content").path

    @Test func theBundledAscomI63KeepsItsPlaceholders() throws {
        let result = SiteLoader(contentDirectory: Self.content, displayPath: "content",
                                options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        let site = try #require(result.site, "\(result.diagnostics)")
        let device = try #require(site.devices.first { $0.info.slug == "ascom-i63" })
        #expect(Set(device.placeholders.keys) == ["firmware", "approved", "licence_id", "tested", "interop_url"])
        #expect(device.firmware.isEmpty && device.approved == nil && device.licenceID == nil && device.interopURL == nil)
        #expect(device.placeholders["firmware"]?.note.contains("approved device list") == true)
        #expect(site.config.support.emergencyURL == nil)
        #expect(site.config.support.emergencyPlaceholder?.note.contains("Cloud Service Status") == true)
    }

    @Test func onlyFieldsThatAllowOneTakeAPlaceholder() {
        let allowing = Set(Schemas.device.fields.filter(\.placeholder).map(\.name))
        #expect(allowing == ["firmware", "approved", "licence_id", "tested", "interop_url"])
        #expect(Schemas.device.field(named: "manufacturer")?.placeholder == false)
    }
}
