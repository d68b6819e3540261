import ArgumentParser
import CredentialConversion

/// `credconv formats`: lists every format with what this build reads and writes.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "formats", abstract: "List the formats and whether this build reads and writes them.")

    func run() {
        let width = Format.allCases.map(\.rawValue.count).max() ?? 8
        print("format".padding(width) + "  read  write  description")
        for f in Format.allCases {
            print(f.rawValue.padding(width) + "  " + (f.canRead ? "yes " : "-   ") + "  " + (f.canWrite ? "yes  " : "-    ") + "  " + f.summary)
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
