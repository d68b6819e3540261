/// An organisation (issuer, awarding body, assessor, quality-assurance body) or, for Open Badges,
/// any issuer profile.
public struct Organization: Sendable, Equatable, Codable {
    /// The IRI of the organisation (URL, DID, `urn:…`).
    public var id: String?
    /// Legal or display names.
    public var name: LocalizedString?
    /// Alternative names.
    public var alternativeNames: [LocalizedString] = []
    public var description: LocalizedString?
    /// Home page(s).
    public var url: String?
    public var email: String?
    public var phone: String?
    public var address: Address?
    /// Registration, VAT, tax, eIDAS and other identifiers.
    public var identifiers: [Identifier] = []
    /// The organisation this one is part of.
    public var parent: Indirect<Organization>?
    /// Logo or image.
    public var image: Image?
    /// Endorsements of the organisation itself.
    public var endorsements: [Endorsement] = []
    /// Open Badges `official`: the name of the authorised official.
    public var official: String?
    /// Source fields no property holds.
    public var extensions = ExtensionBag()

    public init(id: String? = nil, name: LocalizedString? = nil) {
        self.id = id
        self.name = name
    }
}

/// A postal address with its country.
public struct Address: Sendable, Equatable, Codable {
    /// The country, with ISO 3166 alpha-2 and the EU's alpha-3 both derivable (see ``Country``).
    public var country: Country?
    /// A country code the source gives that is not in the ISO 3166-1 list (a user-assigned `XX`, a
    /// code of its own), kept as written; targets that need a listed code report it lost.
    public var unlistedCountryCode: String?
    /// Free-text country name as given by the source (Open Badges `addressCountry`).
    public var countryName: LocalizedString?
    public var region: String?
    public var locality: String?
    public var street: String?
    public var postOfficeBox: String?
    public var postalCode: String?
    /// A full address as one text (Europass `fullAddress`).
    public var fullAddress: LocalizedString?
    /// The name of the place (Europass `hasLocation/name`).
    public var locationName: LocalizedString?
    public var latitude: NumberText?
    public var longitude: NumberText?
    public var extensions = ExtensionBag()

    public init() {}
}

/// An identifier with its scheme: a registration number, a national id, an email address …
public struct Identifier: Sendable, Equatable, Codable {
    /// The identifier text.
    public var value: String
    /// The kind: Open Badges' `IdentifierTypeEnum` terms where one fits (`sourcedId`, `emailAddress`,
    /// `nationalIdentityNumber`, `identifier`, …), one of ``Kind``'s names, or an `ext:` value.
    public var type: String?
    /// The identifier scheme (Europass `schemeID`).
    public var schemeID: String?
    /// The scheme's name (Europass `schemeName`).
    public var schemeName: String?
    /// The agency that issues the scheme (Europass `schemeAgencyName`).
    public var schemeAgency: String?
    /// When the identifier was issued.
    public var issuedDate: String?
    /// The country or region the identifier belongs to (Europass `spatialID`).
    public var spatial: String?

    public init(value: String, type: String? = nil, schemeID: String? = nil, schemeName: String? = nil, schemeAgency: String? = nil, spatial: String? = nil) {
        self.value = value
        self.type = type
        self.schemeID = schemeID
        self.schemeName = schemeName
        self.schemeAgency = schemeAgency
        self.spatial = spatial
    }

    /// Identifier kinds of organisations and persons that Europass distinguishes.
    public enum Kind {
        /// The legal registration number of an organisation.
        public static let registration = "registration"
        public static let vat = "vatIdentifier"
        public static let tax = "taxIdentifier"
        public static let eIDAS = "eIDASIdentifier"
        /// A person's national identification number.
        public static let nationalId = "nationalIdentityNumber"

        /// The kinds that Open Badges writes as `ext:` values and that read back without the prefix.
        public static let europassKinds: Set<String> = [registration, vat, tax, eIDAS]
    }
}

/// An image given by URL or data URI.
public struct Image: Sendable, Equatable, Codable {
    /// `https://…` or `data:image/png;base64,…`.
    public var id: String
    public var caption: LocalizedString?
    public var extensions = ExtensionBag()

    public init(id: String, caption: LocalizedString? = nil) {
        self.id = id
        self.caption = caption
    }
}

/// A box that lets a value type hold a value of its own type (an organisation's parent).
public struct Indirect<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
    private let storage: Storage

    public init(_ value: Value) { storage = Storage(value) }

    public var value: Value { storage.value }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
