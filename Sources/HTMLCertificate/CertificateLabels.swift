import CredentialModel

/// The fixed words of a certificate, in the languages credconv prints (English, Spanish, French, German,
/// Turkish). Other languages fall back to English.
struct CertificateLabels {
    enum Key: CaseIterable {
        case certifies, awarded, issuedBy, awardingBody, country, dateOfIssue, awardedOn, validUntil, expired
        case details, workload, level, assessment, participation, qualityAssurance, prerequisites, supervision, grade
        case stackability, furtherInformation, learningOutcomes, criteria, skills, results, fieldOfStudy, languages
        case verification, credentialId, issuerId, signature, notSigned, signedNotVerified, signedVerified, sealConverted, derived
        case endorsementComment, ects, credits, hours, partOf, stacksInto, partialQualification, dateOfBirth, evidence, endorsements, achievementType, qrCaption, parts
        case transcript, achievementColumn, creditsColumn, totalCredits, hasPart, achievementsBelow
    }

    let language: String
    private let table: [Key: String]

    init(language: String?) {
        let primary = language?.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        if let table = Self.tables[primary] {
            self.language = primary
            self.table = table
        } else {
            self.language = "en"
            self.table = Self.tables["en"]!
        }
    }

    subscript(_ key: Key) -> String { table[key] ?? Self.tables["en"]![key]! }

    /// The words of the Annex I projection in this language.
    var elementWording: ElementWording {
        var w = ElementWording()
        w.ectsCredits = self[.ects]
        w.credits = self[.credits]
        w.hours = self[.hours]
        w.partOf = self[.partOf]
        w.stacksInto = self[.stacksInto]
        w.partialQualification = self[.partialQualification]
        return w
    }

    static let languages = ["en", "es", "fr", "de", "tr"]

    private static let tables: [String: [Key: String]] = [
        "en": [
            .certifies: "This is to certify that", .awarded: "has been awarded", .issuedBy: "Issued by",
            .awardingBody: "Awarding body", .country: "Country of the issuer", .dateOfIssue: "Date of issue",
            .awardedOn: "Awarded on", .validUntil: "Valid until", .expired: "expired",
            .details: "Micro-credential information", .workload: "Workload", .level: "Level",
            .assessment: "Type of assessment", .participation: "Form of participation",
            .qualityAssurance: "Quality assurance", .prerequisites: "Prerequisites",
            .supervision: "Supervision and identity verification", .grade: "Grade",
            .stackability: "Integration and stackability", .furtherInformation: "Further information",
            .learningOutcomes: "Learning outcomes", .criteria: "Criteria", .skills: "Skills and alignments",
            .results: "Results", .fieldOfStudy: "Field of study", .languages: "Language of instruction",
            .verification: "Verification", .credentialId: "Credential id", .issuerId: "Issuer id",
            .signature: "Signature", .notSigned: "not signed",
            .signedNotVerified: "signed, signature not verified by credconv",
            .signedVerified: "signed; signature verified by credconv before conversion",
            .sealConverted: "converted from a sealed Europass credential: the seal does not survive conversion",
            .derived: "This certificate shows the credential's data; it was produced by credconv and is not itself signed.",
            .ects: "ECTS credits", .credits: "credits", .hours: "hours",
            .endorsementComment: "Endorsement comment", .partOf: "part of", .stacksInto: "stacks into", .partialQualification: "partial qualification", .dateOfBirth: "Date of birth",
            .evidence: "Evidence", .endorsements: "Endorsed by", .achievementType: "Type", .qrCaption: "Scan to identify the credential", .parts: "Components",
            .transcript: "Achievements", .achievementColumn: "Achievement", .creditsColumn: "Credits", .totalCredits: "Total", .hasPart: "includes",
            .achievementsBelow: "the achievements listed below",
        ],
        "es": [
            .certifies: "Por la presente se certifica que", .awarded: "ha obtenido", .issuedBy: "Expedido por",
            .awardingBody: "Organismo otorgante", .country: "País del emisor", .dateOfIssue: "Fecha de expedición",
            .awardedOn: "Otorgado el", .validUntil: "Válido hasta", .expired: "caducado",
            .details: "Información de la microcredencial", .workload: "Carga de trabajo", .level: "Nivel",
            .assessment: "Tipo de evaluación", .participation: "Forma de participación",
            .qualityAssurance: "Garantía de calidad", .prerequisites: "Requisitos previos",
            .supervision: "Supervisión y verificación de identidad", .grade: "Calificación",
            .stackability: "Integración y acumulabilidad", .furtherInformation: "Más información",
            .learningOutcomes: "Resultados de aprendizaje", .criteria: "Criterios", .skills: "Competencias y alineaciones",
            .results: "Resultados", .fieldOfStudy: "Ámbito de estudio", .languages: "Lengua de enseñanza",
            .verification: "Verificación", .credentialId: "Identificador de la credencial", .issuerId: "Identificador del emisor",
            .signature: "Firma", .notSigned: "sin firma",
            .signedNotVerified: "firmada; credconv no ha verificado la firma",
            .signedVerified: "firmada; credconv verificó la firma antes de la conversión",
            .sealConverted: "convertida desde una credencial Europass sellada: el sello no se conserva en la conversión",
            .derived: "Este certificado muestra los datos de la credencial; lo ha generado credconv y no está firmado.",
            .ects: "créditos ECTS", .credits: "créditos", .hours: "horas",
            .endorsementComment: "Comentario del aval", .partOf: "parte de", .stacksInto: "acumulable en", .partialQualification: "cualificación parcial", .dateOfBirth: "Fecha de nacimiento",
            .evidence: "Pruebas", .endorsements: "Avalado por", .achievementType: "Tipo", .qrCaption: "Escanee para identificar la credencial", .parts: "Componentes",
            .transcript: "Logros", .achievementColumn: "Logro", .creditsColumn: "Créditos", .totalCredits: "Total", .hasPart: "incluye",
            .achievementsBelow: "los logros que se indican a continuación",
        ],
        "fr": [
            .certifies: "Il est certifié que", .awarded: "a obtenu", .issuedBy: "Délivré par",
            .awardingBody: "Organisme de certification", .country: "Pays de l'émetteur", .dateOfIssue: "Date de délivrance",
            .awardedOn: "Décerné le", .validUntil: "Valable jusqu'au", .expired: "expiré",
            .details: "Informations sur la microcertification", .workload: "Charge de travail", .level: "Niveau",
            .assessment: "Type d'évaluation", .participation: "Forme de participation",
            .qualityAssurance: "Assurance qualité", .prerequisites: "Prérequis",
            .supervision: "Surveillance et vérification de l'identité", .grade: "Note",
            .stackability: "Intégration et cumul", .furtherInformation: "Informations complémentaires",
            .learningOutcomes: "Acquis d'apprentissage", .criteria: "Critères", .skills: "Compétences et alignements",
            .results: "Résultats", .fieldOfStudy: "Domaine d'études", .languages: "Langue d'enseignement",
            .verification: "Vérification", .credentialId: "Identifiant du titre", .issuerId: "Identifiant de l'émetteur",
            .signature: "Signature", .notSigned: "non signé",
            .signedNotVerified: "signé ; signature non vérifiée par credconv",
            .signedVerified: "signé ; signature vérifiée par credconv avant la conversion",
            .sealConverted: "converti depuis un titre Europass scellé : le sceau ne survit pas à la conversion",
            .derived: "Ce certificat présente les données du titre ; il a été produit par credconv et n'est pas lui-même signé.",
            .ects: "crédits ECTS", .credits: "crédits", .hours: "heures",
            .endorsementComment: "Commentaire de l'approbation", .partOf: "fait partie de", .stacksInto: "cumulable dans", .partialQualification: "certification partielle", .dateOfBirth: "Date de naissance",
            .evidence: "Preuves", .endorsements: "Approuvé par", .achievementType: "Type", .qrCaption: "Scannez pour identifier le titre", .parts: "Composantes",
            .transcript: "Acquis", .achievementColumn: "Acquis", .creditsColumn: "Crédits", .totalCredits: "Total", .hasPart: "comprend",
            .achievementsBelow: "les acquis énumérés ci-dessous",
        ],
        "de": [
            .certifies: "Hiermit wird bescheinigt, dass", .awarded: "erworben hat:", .issuedBy: "Ausgestellt von",
            .awardingBody: "Verleihende Stelle", .country: "Land des Ausstellers", .dateOfIssue: "Ausstellungsdatum",
            .awardedOn: "Verliehen am", .validUntil: "Gültig bis", .expired: "abgelaufen",
            .details: "Angaben zum Microcredential", .workload: "Arbeitsaufwand", .level: "Niveau",
            .assessment: "Art der Prüfung", .participation: "Form der Teilnahme",
            .qualityAssurance: "Qualitätssicherung", .prerequisites: "Voraussetzungen",
            .supervision: "Aufsicht und Identitätsprüfung", .grade: "Note",
            .stackability: "Einbindung und Kombinierbarkeit", .furtherInformation: "Weitere Informationen",
            .learningOutcomes: "Lernergebnisse", .criteria: "Kriterien", .skills: "Kompetenzen und Zuordnungen",
            .results: "Ergebnisse", .fieldOfStudy: "Fachgebiet", .languages: "Unterrichtssprache",
            .verification: "Prüfung", .credentialId: "Kennung des Nachweises", .issuerId: "Kennung des Ausstellers",
            .signature: "Signatur", .notSigned: "nicht signiert",
            .signedNotVerified: "signiert; Signatur von credconv nicht geprüft",
            .signedVerified: "signiert; Signatur vor der Umwandlung von credconv geprüft",
            .sealConverted: "aus einem gesiegelten Europass-Nachweis umgewandelt: das Siegel übersteht die Umwandlung nicht",
            .derived: "Dieses Zertifikat zeigt die Daten des Nachweises; credconv hat es erstellt, es ist selbst nicht signiert.",
            .ects: "ECTS-Punkte", .credits: "Leistungspunkte", .hours: "Stunden",
            .endorsementComment: "Kommentar zur Befürwortung", .partOf: "Teil von", .stacksInto: "anrechenbar auf", .partialQualification: "Teilqualifikation", .dateOfBirth: "Geburtsdatum",
            .evidence: "Nachweise", .endorsements: "Bestätigt von", .achievementType: "Art", .qrCaption: "Scannen, um den Nachweis zu identifizieren", .parts: "Bestandteile",
            .transcript: "Leistungen", .achievementColumn: "Leistung", .creditsColumn: "Leistungspunkte", .totalCredits: "Summe", .hasPart: "umfasst",
            .achievementsBelow: "die unten aufgeführten Leistungen",
        ],
        "tr": [
            .certifies: "Bu belge ile", .awarded: "aşağıdaki yeterliliği kazandığı onaylanır:", .issuedBy: "Düzenleyen",
            .awardingBody: "Yeterliliği veren kurum", .country: "Düzenleyenin ülkesi", .dateOfIssue: "Düzenlenme tarihi",
            .awardedOn: "Verilme tarihi", .validUntil: "Geçerlilik sonu", .expired: "süresi doldu",
            .details: "Mikro yeterlilik bilgileri", .workload: "İş yükü", .level: "Seviye",
            .assessment: "Değerlendirme türü", .participation: "Katılım biçimi",
            .qualityAssurance: "Kalite güvencesi", .prerequisites: "Ön koşullar",
            .supervision: "Gözetim ve kimlik doğrulama", .grade: "Not",
            .stackability: "Entegrasyon ve birleştirilebilirlik", .furtherInformation: "Ek bilgi",
            .learningOutcomes: "Öğrenme çıktıları", .criteria: "Ölçütler", .skills: "Beceriler ve eşleştirmeler",
            .results: "Sonuçlar", .fieldOfStudy: "Çalışma alanı", .languages: "Öğretim dili",
            .verification: "Doğrulama", .credentialId: "Belge kimliği", .issuerId: "Düzenleyen kimliği",
            .signature: "İmza", .notSigned: "imzasız",
            .signedNotVerified: "imzalı; imza credconv tarafından doğrulanmadı",
            .signedVerified: "imzalı; imza dönüştürmeden önce credconv tarafından doğrulandı",
            .sealConverted: "mühürlü bir Europass belgesinden dönüştürüldü: mühür dönüştürmeden sonra geçerli değildir",
            .derived: "Bu sertifika belgenin verilerini gösterir; credconv tarafından üretilmiştir ve kendisi imzalı değildir.",
            .ects: "AKTS kredisi", .credits: "kredi", .hours: "saat",
            .endorsementComment: "Onay yorumu", .partOf: "bir parçası:", .stacksInto: "birleştirilebilir:", .partialQualification: "kısmi yeterlilik", .dateOfBirth: "Doğum tarihi",
            .evidence: "Kanıtlar", .endorsements: "Onaylayan", .achievementType: "Tür", .qrCaption: "Belgeyi tanımlamak için tarayın", .parts: "Bileşenler",
            .transcript: "Kazanımlar", .achievementColumn: "Kazanım", .creditsColumn: "Krediler", .totalCredits: "Toplam", .hasPart: "içerir",
            .achievementsBelow: "aşağıda listelenen kazanımlar",
        ],
    ]
}
