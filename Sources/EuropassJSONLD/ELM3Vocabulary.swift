/// Fixed IRIs of Europass ELM v3 (EDC) JSON-LD.
public enum ELM3Vocabulary {
    public static let context = "http://data.europa.eu/snb/model/context/edc-ap"
    public static let credentialsV1Context = "https://www.w3.org/2018/credentials/v1"
    /// The SHACL application profile credconv writes for (`credentialSchema`).
    public static let genericFullProfile = "http://data.europa.eu/snb/model/ap/edc-generic-full"
    public static let shaclValidatorType = "ShaclValidator2017"
}
