/// How two achievements of a learner record relate (1EdTech CLR 2.0 `Association`): the source
/// achievement stands in `kind` to the target one.
public struct AchievementAssociation: Sendable, Equatable, Codable {
    /// The CLR 2.0 association types.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// The two are the same achievement.
        case exactMatchOf
        /// The source is a child of the target.
        case isChildOf
        /// The source is the parent of the target (the target is part of it).
        case isParentOf
        /// The source is part of the target.
        case isPartOf
        /// The two are peers.
        case isPeerOf
        /// The two are related.
        case isRelatedTo
        /// The source comes before the target.
        case precedes
        /// The source is replaced by the target.
        case replacedBy
    }

    public var kind: Kind
    /// The id of the source achievement.
    public var sourceId: String
    /// The id of the target achievement.
    public var targetId: String

    public init(_ kind: Kind, source sourceId: String, target targetId: String) {
        self.kind = kind
        self.sourceId = sourceId
        self.targetId = targetId
    }

    /// The same link as a relation on the source achievement (the model of one credential); nil for
    /// none. `isChildOf` becomes `isPartOf`, the nearest relation the model has.
    public var relation: AchievementRelation.Kind {
        switch kind {
        case .exactMatchOf: .exactMatchOf
        case .isChildOf, .isPartOf: .isPartOf
        case .isParentOf: .hasPart
        case .isPeerOf: .isPeerOf
        case .isRelatedTo: .relatedTo
        case .precedes: .precedes
        case .replacedBy: .replacedBy
        }
    }

    /// The association a relation between two achievements of one record stands for (`stacksInto` is
    /// `isPartOf`, CLR's nearest); nil for editions, which are no association.
    public init?(_ relation: AchievementRelation, source: String) {
        let kind: Kind
        switch relation.kind {
        case .isPartOf, .stacksInto: kind = .isPartOf
        case .hasPart: kind = .isParentOf
        case .relatedTo: kind = .isRelatedTo
        case .exactMatchOf: kind = .exactMatchOf
        case .isPeerOf: kind = .isPeerOf
        case .precedes: kind = .precedes
        case .replacedBy: kind = .replacedBy
        case .relatedEdition: return nil
        }
        self.init(kind, source: source, target: relation.id)
    }
}
