// A library user imports CredentialConversion alone: the model, the diagnostics and the format
// interface come with it.
@_exported import CredentialModel
@_exported import FormatInterface
