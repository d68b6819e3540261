// A library user imports CredentialConversion alone: the model, the diagnostics and the format
// interface come with it.
@_exported import CredentialModel
@_exported import FormatInterface
// Verification and signing: the checks and their report, keys and JWS.
@_exported import CredentialVerification
@_exported import JOSE
@_exported import DataIntegrity
@_exported import RDFCanonicalization
@_exported import JSONLD
