import ArgumentParser
import CredentialConversion
import FormatInterface

/// `credconv formats`: lists every format with what this build reads and writes.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "formats", abstract: "List the formats and whether this build reads and writes them.")

    func run() {
        let formats = CredconvFormats.registry.formats
        let width = formats.map(\.name.rawValue.count).max() ?? 8
        print("format".padding(width) + "  read  write  description")
        for f in formats {
            let reads = f.asReadable != nil, writes = f.asWritable != nil
            print(f.name.rawValue.padding(width) + "  " + (reads ? "yes " : "-   ") + "  " + (writes ? "yes  " : "-    ") + "  " + f.summary)
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
