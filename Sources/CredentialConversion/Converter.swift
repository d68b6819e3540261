import CredconvJSON
import CredentialVerification
import CredentialModel
import BakedImages
import ModelFormat
import FormatInterface

/// What one conversion produced.
public struct ConversionOutput: Sendable {
    /// The output document, without a trailing newline.
    public var bytes: [UInt8]
    /// The format the input was read as.
    public var inputFormat: FormatName
    /// Version detail of the input.
    public var inputDetail: String
    /// Warnings and losses.
    public var report: ConversionReport
    /// The signature the input carried, if any (never carried into the output).
    public var signature: SignatureInfo?

    public init(bytes: [UInt8], inputFormat: FormatName, inputDetail: String, report: ConversionReport, signature: SignatureInfo?) {
        self.bytes = bytes
        self.inputFormat = inputFormat
        self.inputDetail = inputDetail
        self.report = report
        self.signature = signature
    }
}

/// Converts credentials between formats through the model: the library entry point the CLI uses.
///
/// ```swift
/// let output = try Converter().convert(bytes, options: ConversionOptions(to: .ob3))
/// ```
public struct Converter: Sendable {
    /// The formats this converter reads and writes.
    public var formats: FormatRegistry

    public init(formats: FormatRegistry = CredconvFormats.registry) { self.formats = formats }

    /// Reads `bytes` (detecting the format; a format stated in `options.from` must agree) into the model.
    public func read(_ bytes: [UInt8], options: ConversionOptions, report: inout ConversionReport) throws(Diagnostic) -> (Credential, DetectedInput) {
        if bytes.count > options.jsonLimits.maxBytes {
            throw Diagnostic(.limitExceeded, "input larger than \(options.jsonLimits.maxBytes) bytes")
        }
        if let from = options.from { _ = try formats.requireReader(named: from) }
        let records = try formats.records(bytes, limits: options.jsonLimits)
        guard records.count == 1, let record = records.first else {
            throw Diagnostic(.severalCredentials,
                "the input holds \(records.count) credentials (in a \(records.first?.wrappers.last ?? "wrapper")); convert them with --jsonl, one output line each")
        }
        return try read(record, options: options, report: &report)
    }

    /// Reads one record of an input (see ``FormatRegistry/records(_:limits:)``), with what its unwrapping found.
    func read(_ record: InputRecord, options: ConversionOptions, report: inout ConversionReport) throws(Diagnostic) -> (Credential, DetectedInput) {
        for finding in record.findings { report.add(finding) }
        if let wrapper = record.wrappers.last {
            let position = record.position.map { " (credential \($0.index) of \($0.of))" } ?? ""
            report.warn(.unwrapped, "the credential was taken out of a \(wrapper)\(position); the wrapper itself is not converted")
        }
        var context = ReadContext(
            formats: formats, jsonLimits: options.jsonLimits, xmlMaxBytes: options.xmlMaxBytes,
            linkedDocuments: options.linkedDocuments, report: report)
        let result: (Credential, DetectedInput)
        if let document = record.document {
            result = try formats.read(document: document, stated: options.from, context: &context)
        } else {
            result = try formats.read(record.bytes, stated: options.from, context: &context)
        }
        report = context.report
        return result
    }

    /// Converts every credential of an input: one result per credential, in order (a presentation or a
    /// wrapper object holds several; any other input is one). A failure of one does not stop the others.
    /// A learner record written to a format that holds records is one result (`convertRecord(_:options:)`).
    public func convertEach(_ bytes: [UInt8], options: ConversionOptions) -> [Swift.Result<ConversionOutput, Diagnostic>] {
        let records: [InputRecord]
        do throws(Diagnostic) {
            if let whole = try convertRecord(bytes, options: options) { return [.success(whole)] }
            if bytes.count > options.jsonLimits.maxBytes {
                throw Diagnostic(.limitExceeded, "input larger than \(options.jsonLimits.maxBytes) bytes")
            }
            records = try formats.records(bytes, limits: options.jsonLimits)
        } catch {
            return [.failure(error)]
        }
        return records.map { record in
            do throws(Diagnostic) {
                var report = ConversionReport()
                let (credential, detected) = try readVerifiedIfAsked(record, options: options, report: &report)
                return .success(try finish(credential, detected: detected, input: record.bytes, options: options, report: &report))
            } catch {
                guard let position = record.position, position.of > 1 else { return .failure(error) }
                return .failure(error.prefixed("credential \(position.index) of \(position.of): "))
            }
        }
    }

    /// Converts one document.
    public func convert(_ bytes: [UInt8], options: ConversionOptions) throws(Diagnostic) -> ConversionOutput {
        try checkWritable(options.to, signing: options.signing)
        if let whole = try convertRecord(bytes, options: options) { return whole }
        var report = ConversionReport()
        let credential: Credential
        let detected: DetectedInput
        if options.verification != nil {
            if bytes.count > options.jsonLimits.maxBytes {
                throw Diagnostic(.limitExceeded, "input larger than \(options.jsonLimits.maxBytes) bytes")
            }
            let records = try formats.records(bytes, limits: options.jsonLimits)
            guard records.count == 1, let record = records.first else {
                throw Diagnostic(.severalCredentials, "the input holds \(records.count) credentials; verify and convert them with --jsonl, one output line each")
            }
            (credential, detected) = try readVerifiedIfAsked(record, options: options, report: &report)
        } else {
            (credential, detected) = try read(bytes, options: options, report: &report)
        }
        return try finish(credential, detected: detected, input: bytes, options: options, report: &report)
    }

    /// Reads a record; with ``ConversionOptions/verification`` only when it verifies (else the first
    /// failing check, exit status 1), its provenance then saying with which key.
    func readVerifiedIfAsked(_ record: InputRecord, options: ConversionOptions, report: inout ConversionReport) throws(Diagnostic) -> (Credential, DetectedInput) {
        guard let verification = options.verification else { return try read(record, options: options, report: &report) }
        let verified = CredentialVerifier(formats: formats).verify(record, options: options, verification: verification)
        if let failure = verified.report.firstFailure {
            throw Diagnostic(failure.code.diagnosticCode, "not verified (\(verified.report.proof)): \(failure.detail); nothing converted")
        }
        if let error = verified.readError { throw error }
        guard let credential = verified.credential, let detected = verified.detected else {
            throw Diagnostic(.invalidValue, "the verified credential could not be read")
        }
        report.merge(verified.readReport)
        return (credential, detected)
    }

    /// Merges, hashes and writes what was read.
    func finish(_ read: consuming Credential, detected: DetectedInput, input bytes: [UInt8], options: ConversionOptions, report: inout ConversionReport) throws(Diagnostic) -> ConversionOutput {
        try checkWritable(options.to, signing: options.signing)
        var credential = read
        for merge in options.mergeDocuments {
            do {
                credential = try ModelMerge.apply(merge.value, to: credential, report: &report)
            } catch {
                throw error.prefixed("the merge document \(merge.name) does not fit the model: ")
            }
        }
        if let salt = options.hashRecipientSalt { RecipientIdentity.hashEmails(in: &credential, salt: salt, report: &report) }
        let out = try write(credential, options: options, input: bytes, report: &report)
        return ConversionOutput(bytes: out, inputFormat: detected.format, inputDetail: detected.detail, report: report, signature: credential.provenance.signature)
    }

    /// Writes the model as `options.to`. Identifiers the target needs are derived from `input` unless
    /// `options.makeIdentifier` says otherwise.
    public func write(_ credential: Credential, options: ConversionOptions, input: [UInt8], report: inout ConversionReport) throws(Diagnostic) -> [UInt8] {
        try checkWritable(options.to, signing: options.signing)
        if let signing = options.signing {
            let signer = CredentialSigner(request: signing)
            var unsigned = options
            unsigned.signing = nil
            unsigned.to = signer.unsignedFormat
            let document = try writeUnsigned(credential, options: unsigned, input: input, report: &report)
            // The output is signed now: the unsigned-output warning would say otherwise.
            report.removeAll(code: .unsignedOutput)
            let signed = try signer.sign(document, style: options.compact ? .compact : .pretty, report: &report)
            let was = credential.provenance.signature.map { "; the input's own signature (\($0.statement)) does not carry over" } ?? ""
            report.warn(.signedOutput, "the output is signed by credconv with the given key (\(signing.key.publicKey.typeDescription), thumbprint \(signing.key.publicKey.thumbprint))\(was)")
            return signed
        }
        return try writeUnsigned(credential, options: options, input: input, report: &report)
    }

    /// Writes the model as `options.to` with its writer, then accounts for what the output lost.
    private func writeUnsigned(_ credential: Credential, options: ConversionOptions, input: [UInt8], report: inout ConversionReport) throws(Diagnostic) -> [UInt8] {
        var context = writeContext(options: options, input: input, report: report)
        do {
            let bytes = try formats.write(credential, as: options.to, context: &context)
            report = context.report
            LossAccounting(formats: formats).account(credential, writtenAs: options.to, output: bytes, serialised: context.serialisedDocument(of: bytes), options: options, report: &report)
            return bytes
        } catch where error.code.family == .data {
            throw error.prefixed("cannot write \(options.to): ")
        }
    }

    /// The context writers get: the options, identifiers derived from `input` unless
    /// `options.makeIdentifier` says otherwise, the report so far.
    func writeContext(options: ConversionOptions, input: [UInt8], report: ConversionReport) -> WriteContext {
        let makeIdentifier: @Sendable () -> String
        if let given = options.makeIdentifier {
            makeIdentifier = given
        } else {
            let identifiers = DeterministicIdentifiers(input: input)
            makeIdentifier = { identifiers.next() }
        }
        var context = WriteContext(
            formats: formats, jsonStyle: options.compact ? .compact : .pretty,
            preferredLanguages: [options.language].compactMap { $0 }, makeIdentifier: makeIdentifier,
            options: options.formatOptions, pageRenderer: options.pageRenderer, report: report)
        context.generator = "credconv \(CredconvInfo.version)"
        return context
    }

    /// Refuses a target that is no conversion target: unknown, read-only, or an image (`credconv bake`);
    /// a signed target (`ob3-jwt`) needs a signing key, and only signable targets take one.
    func checkWritable(_ target: FormatName, signing: SigningRequest?) throws(Diagnostic) {
        if let signing {
            let allowed: FormatName
            switch signing.form {
            case .ob2: allowed = .ob2
            case .ob3: allowed = .ob3
            case .ob3JWT, .vcJWT: allowed = .ob3JWT
            case .learningCredential: allowed = .eudiLearningCredential
            }
            guard allowed == target else {
                throw Diagnostic(.usage, "credconv signs ob3-jwt, ob3 (Data Integrity), ob2 and eudi-lc output (and, with credconv sign, vc-jwt); not \(target)")
            }
            return
        }
        if target == .ob3JWT {
            throw Diagnostic(.usage, "ob3-jwt output is a signed JWT: give the signing key with --sign-key FILE (credconv keys generate makes one)")
        }
        if target == .eudiLearningCredential {
            throw Diagnostic(.usage, "a Learning Credential is an issuer-signed SD-JWT VC: give the issuer's key with --sign-key FILE (ES256 on P-256 is the wallet's profile; credconv keys generate --type p256 makes one)")
        }
        try checkWritable(target)
    }

    /// Refuses a target that is no conversion target: unknown, read-only, or an image (`credconv bake`).
    func checkWritable(_ target: FormatName) throws(Diagnostic) {
        if let image = formats.format(named: target) as? BakedImageFormat {
            throw Diagnostic(.unsupportedFormat, "credconv writes badge images with credconv bake --image IMAGE.\(image.fileExtension) [INPUT]")
        }
        _ = try formats.requireWriter(named: target)
    }
}
