import ArgumentParser
import CredentialConversion
import Foundation

/// The `credconv` command: a filter that converts learning credentials through one model.
@main
struct CredconvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credconv",
        abstract: "Convert learning credentials between Open Badges, Europass and printable certificates.",
        discussion: """
            Reads one credential (or JSON Lines with --jsonl) from INPUT or standard input, detects its format \
            from the content, and writes it in the format given with -t. Anything the target cannot hold is \
            reported on standard error ("credconv: lost: …"); --strict makes that an error (exit 3).

            Signatures never survive conversion: the output is unsigned derived data, unless credconv signs \
            it (-t ob3-jwt --sign-key FILE, credconv sign). credconv verify checks a signed credential; \
            --verify converts only what verifies.

            Examples:
              credconv -t ob3 < badge.json > badge-v2.json
              credconv -t model badge.json | jq .achievement.credits
              credconv detect badge.jwt
              credconv --jsonl -t ob3 < badges.jsonl > out.jsonl
              credconv -t ob3 --strict --report json badge.json
              credconv -t ob3 badge.png                     # unbake a badge image
              credconv bake --image badge.png badge.json > baked.png
              credconv recipient --check ana@example.org badge.json
              credconv verify --key issuer-did.json badge.jwt
              credconv -t elm --verify --key issuer.jwk badge.jwt
              credconv -t ob3-jwt --sign-key issuer.pem badge.json > badge.jwt

            Exit status:
              0   converted
              1   not verified (--verify)
              3   information would be lost and --strict was given (nothing written)
              64  usage error (unknown option or format)
              65  invalid input data (the message names the place)
              66  input file missing or unreadable
              73  output file cannot be created
              74  I/O error
            """,
        version: CredconvVersion.string,
        subcommands: [
            ConvertCommand.self, DetectCommand.self, FormatsCommand.self, ValidateCommand.self, CheckCommand.self, VerifyCommand.self,
            SignCommand.self, KeysCommand.self, BakeCommand.self, RecipientCommand.self, BundleCommand.self, SplitCommand.self,
        ],
        defaultSubcommand: ConvertCommand.self
    )
}

/// The version printed by `--version`.
enum CredconvVersion {
    static let string = CredconvInfo.version
}
