// The format modules, re-exported so that a library user who imports CredentialConversion has their
// names (`.ob3`) and their readers and writers. A new format is one more line here and in the list.
@_exported import BakedImages
@_exported import ComprehensiveLearnerRecord
@_exported import Europass
@_exported import EuropassJSONLD
@_exported import EUDILearningCredential
@_exported import HTMLCertificate
@_exported import ModelFormat
@_exported import OpenBadges
@_exported import Presentations
import FormatInterface

/// The formats of this build, in the order detection asks them: the one list a new format is added to.
public enum CredconvFormats {
    /// Every format credconv knows.
    public static let registry = FormatRegistry([
        ClrFormat(),
        OB3Format(),
        OB3JWTFormat(),
        LearningCredentialFormat(),
        ELM3Format(),
        OB2Format(),
        ModelFormat(),
        ELMXMLFormat(),
        HTMLCertificateFormat(),
        BakedImageFormat(.png),
        BakedImageFormat(.svg),
    ], containers: [
        VerifiablePresentationContainer(),
        ClrCredentialContainer(),
        EnvelopeContainer(),
        CredentialArrayContainer(),
        FlattenedGraphContainer(),
        ELMPresentationContainer(),
    ])
}
