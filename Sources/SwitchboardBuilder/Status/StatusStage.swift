import SwitchboardModel

/// The status stage of the pipeline: pages, API files and feeds from content/status/.
enum StatusStage {
    static func build(_ site: Site) -> PageSet {
        PageSet()
    }

    static func banner(_ site: Site) -> (indicator: String, description: String)? {
        nil
    }
}
