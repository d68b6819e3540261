import CredconvJSON

/// Small readings of JSON-LD values the checks share.
enum JSONNames {
    /// A string or the strings of an array (`type` values).
    static func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let s)?: return [s]
        case .array(let items)?: return items.compactMap(\.stringValue)
        default: return []
        }
    }

    /// An id given as a string or as an object's `id`.
    static func id(_ value: JSONValue?) -> String? {
        value?.stringValue ?? value?.objectValue?["id"]?.stringValue
    }

    /// The objects of a value that is one object or an array of them.
    static func objects(_ value: JSONValue?) -> [JSONObject] {
        switch value {
        case .object(let o)?: return [o]
        case .array(let items)?: return items.compactMap(\.objectValue)
        default: return []
        }
    }
}
