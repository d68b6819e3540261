import CredconvJSON
import CredentialModel

extension ELM3WriteContext {
    /// `credentialSubject`: the `Person` with its claims.
    func person() -> JSONObject {
        let l = credential.learner
        let id = nodeId(l.id, kind: "person")
        var p = node("Person", id: id)
        if let given = l.givenName { p.set("givenName", ifPresent: languageMap(given, path: "learner.givenName")) }
        if let family = l.familyName { p.set("familyName", ifPresent: languageMap(family, path: "learner.familyName")) }
        p.set("fullName", ifPresent: languageMap(l.fullName, path: "learner.fullName"))
        p.set("dateOfBirth", ifPresent: dateTime(l.dateOfBirth, path: "learner.dateOfBirth"))
        p.set("gender", ifPresent: concept(l.gender, path: "learner.gender"))
        p.set("citizenshipCountry", ifPresent: concepts(l.citizenship, path: "learner.citizenship"))
        if let place = l.placeOfBirth {
            if let id = place.id, let country = Country(anyCode: id) {
                var address = node("Address", id: localId("address"))
                address.set("countryCode", ifPresent: countryConcept(country, path: "learner.placeOfBirth"))
                var location = node("Location", id: localId("location"))
                location.set("address", .object(address))
                p.set("placeOfBirth", .object(location))
            } else {
                report.lose(.modelPath("learner.placeOfBirth"), "an ELM place of birth is a country; \(place.displayText()) is not one")
            }
        }
        var identifiers: [JSONValue] = []
        for (i, identifier) in l.identifiers.enumerated() {
            let path = "learner.identifiers[\(i)]"
            if identifier.type == Identifier.Kind.nationalId, p["nationalID"] == nil,
                let national = legalIdentifier(identifier, fallbackCountry: nil, path: path)
            {
                p.set("nationalID", national)
            } else {
                identifiers.append(self.identifier(identifier, path: path))
            }
        }
        p.set("identifier", ifPresent: many(identifiers))
        for (i, identity) in l.identities.enumerated() {
            report.lose(.modelPath("learner.identities[\(i)]"), identity.hashed
                ? "ELM v3 has no hashed identity (\(identity.identityType))"
                : "ELM v3 identifies a person by email, national id or identifier; the \(identity.identityType) \(identity.identityHash) has no place")
        }
        if let email = l.email {
            let mailbox = node("Mailbox", id: EmailAddress.mailtoIRI(email))
            var contact = node("ContactPoint", id: localId("contactPoint"))
            contact.set("emailAddress", .object(mailbox))
            p.set("contactPoint", .object(contact))
        }
        if l.id == nil && l.fullName == nil && l.givenName == nil && l.email == nil { report.warn(.valueMissing, "the learner is not identified") }
        for f in l.extensions.fields { report.lose(kept: f, "ELM v3 has no place for this \(f.family) property of the person", writerFamily: ELM3Reader.family) }
        var claims: [JSONValue] = []
        if let achievement = credential.achievement {
            claims.append(learningAchievement(achievement, assessment: credential.assessment, awarding: credential.awarding,
                                              awardedDate: credential.awardedDate, path: "achievement", paths: .main))
        } else {
            report.warn(.valueMissing, "the credential holds no achievement; its title is written as the claim")
            var a = Achievement()
            a.name = credential.name
            claims.append(learningAchievement(a, assessment: credential.assessment, awarding: credential.awarding, awardedDate: credential.awardedDate, path: "achievement", paths: .main))
        }
        for (i, other) in credential.otherAchievements.enumerated() {
            claims.append(learningAchievement(other, assessment: other.partAssessment, awarding: other.partAwarding, awardedDate: other.partAwarding?.date,
                                          path: "otherAchievements[\(i)]", paths: .part(at: "otherAchievements[\(i)]", ownAwarding: true, whole: nil)))
        }
        p.set("hasClaim", many(claims) ?? .null)
        return p
    }
}
