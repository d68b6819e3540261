/// Facts about this build of credconv.
public enum CredconvInfo {
    /// The version, also printed by `credconv --version`.
    public static let version = "0.2.0"
}
