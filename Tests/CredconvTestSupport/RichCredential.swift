import CredentialModel

/// A credential that fills every model property a format may carry, for round-trip tests of writers.
public enum RichCredential {
    public static func make() -> Credential {
        var c = Credential(provenance: Provenance(sourceFormat: "test"))
        c.id = "urn:uuid:5a0c7e52-8a39-4d67-9d1c-2f7c1b3e6a10"
        c.name = LocalizedString(entries: [.init(language: "en", text: "Applied Machine Learning"), .init(language: "es", text: "Aprendizaje automático aplicado")])
        c.description = LocalizedString("Awarded for the short programme Applied Machine Learning.", language: "en")
        c.primaryLanguage = "en"
        c.credentialType = EUVocabulary.credentialGeneric
        c.image = Image(id: "https://uni.example.es/img/credential.png", caption: LocalizedString("Credential image", language: "en"))
        var issuer = Organization(id: "https://uni.example.es/", name: LocalizedString(entries: [.init(language: "es", text: "Universidad de Ejemplo"), .init(language: "en", text: "University of Example")]))
        issuer.url = "https://uni.example.es/"
        issuer.email = "registro@uni.example.es"
        issuer.phone = "+34 91 000 0000"
        var address = Address()
        address.country = Country(alpha2: "ES")
        address.locality = "Madrid"
        address.street = "Calle Mayor 1"
        address.postalCode = "28013"
        address.fullAddress = LocalizedString("Calle Mayor 1, 28013 Madrid, Spain", language: "en")
        address.locationName = LocalizedString("Campus Centro", language: "es")
        issuer.address = address
        issuer.identifiers = [Identifier(value: "Q2818018B", type: Identifier.Kind.vat), Identifier(value: "ES-REG-12345", type: Identifier.Kind.registration)]
        issuer.parent = Indirect(Organization(id: "https://ministry.example.es/", name: LocalizedString("Ministerio de Universidades", language: "es")))
        c.issuer = issuer
        c.validFrom = "2026-07-01T00:00:00Z"
        c.validUntil = "2036-07-01T00:00:00Z"
        c.issued = "2026-07-02T09:30:00Z"
        c.awardedDate = "2026-07-01T00:00:00Z"
        var awarding = Awarding()
        awarding.bodies = [Organization(id: "https://uni.example.es/", name: LocalizedString("Universidad de Ejemplo", language: "es"))]
        awarding.date = "2026-07-01T00:00:00Z"
        awarding.location = LocalizedString("Madrid", language: "es")
        c.awarding = awarding

        var learner = Learner(id: "did:example:6c1f")
        learner.fullName = LocalizedString("Jan Kowalski")
        learner.givenName = LocalizedString("Jan")
        learner.familyName = LocalizedString("Kowalski")
        learner.dateOfBirth = "1999-12-31"
        learner.identities = [IdentityHash(identityHash: "sha256$0d2c4bd5a1b5e4d7a4cba1e7d06f3c09b68b1e3d0e1bb4a9b0e6e2f5a3c9d8e7", identityType: "emailAddress", hashed: true, salt: "pepper")]
        learner.identifiers = [Identifier(value: "PL-99123100000", type: "nationalIdentityNumber")]
        learner.gender = Concept(id: "http://publications.europa.eu/resource/authority/human-sex/MALE", scheme: "http://publications.europa.eu/resource/authority/human-sex", label: LocalizedString("male", language: "en"))
        learner.citizenship = [Concept(id: "http://publications.europa.eu/resource/authority/country/POL", scheme: "http://publications.europa.eu/resource/authority/country", notation: "country", label: LocalizedString("Poland", language: "en"), schemeName: LocalizedString("Country", language: "en"))]
        learner.placeOfBirth = Concept(id: "http://publications.europa.eu/resource/authority/country/POL", label: LocalizedString("Poland", language: "en"))
        c.learner = learner

        var a = Achievement(id: "https://uni.example.es/mc/aml", name: LocalizedString(entries: [.init(language: "en", text: "Applied Machine Learning"), .init(language: "es", text: "Aprendizaje automático aplicado")]))
        a.achievementType = "MicroCredential"
        a.awardId = "urn:epass:learningAchievement:1"
        a.specificationName = LocalizedString("Applied Machine Learning (short programme)", language: "en")
        a.specificationDescription = LocalizedString("Programme description.", language: "en")
        a.additionalCredits = [CreditPoints(value: NumberText("4.5")!, system: nil)]
        a.duration = "P5M"
        a.supplementaryDocuments = ["https://uni.example.es/mc/aml/syllabus.pdf"]
        a.description = LocalizedString("Supervised learning, model evaluation and responsible use of ML.", language: "en")
        a.criteria = Criteria(id: "https://uni.example.es/mc/aml/criteria", narrative: LocalizedString("Pass the project and the exam.", language: "en", format: .markdown))
        a.image = Image(id: "https://uni.example.es/mc/aml/badge.png")
        a.tags = ["machine learning", "data science"]
        a.fieldOfStudy = LocalizedString("Computer science", language: "en")
        a.thematicAreas = [Concept(id: "http://data.europa.eu/snb/isced-f/0613", scheme: EUVocabulary.iscedFScheme, notation: "0613", label: LocalizedString("Software and applications development and analysis", language: "en"))]
        a.humanCode = "AML-6"
        a.identifiers = [Identifier(value: "AML-2026", type: "sourcedId")]
        a.version = "2026"
        a.languages = ["en", "es"]
        a.credits = CreditPoints(value: NumberText("6")!, system: EUVocabulary.ects)
        a.workload = "PT150H"
        a.eqfLevel = EUVocabulary.eqfLevel(6)
        a.nqfLevels = [Concept(id: "http://data.europa.eu/snb/qdr/c_example", notation: "MECES 2", label: LocalizedString("MECES level 2", language: "en"))]
        a.learningOutcomes = [
            LearningOutcome(id: "urn:uuid:7d3e4f10-0000-4000-8000-000000000001", text: LocalizedString(entries: [.init(language: "en", text: "Train and evaluate supervised models."), .init(language: "es", text: "Entrenar y evaluar modelos supervisados.")]), relatedSkills: [Concept(id: "http://data.europa.eu/esco/skill/aaaaaaaa-0000-4000-8000-000000000001", scheme: EUVocabulary.escoSkillScheme, notation: "Skill", label: LocalizedString("apply machine learning", language: "en"))]),
            LearningOutcome(text: LocalizedString("Explain the limits of a model to non-specialists.", language: "en")),
        ]
        a.learningOutcomeSummary = LocalizedString("Builds, evaluates and explains ML models.", language: "en")
        var alignment = Alignment(targetName: LocalizedString("Machine learning"), targetUrl: "https://example.org/frameworks/ml")
        alignment.targetFramework = "Example framework"
        alignment.targetCode = "ML"
        alignment.targetType = "CFItem"
        a.alignments = [alignment]
        a.participationForm = EUVocabulary.modeBlended
        a.learningSetting = EUVocabulary.settingFormal
        a.assessmentType = EUVocabulary.assessmentContinuous
        a.supervision = EUVocabulary.supervisedWithID
        a.qualityAssurance = [QualityAssurance(type: Concept(label: LocalizedString("Programme accreditation", language: "en")), body: Organization(id: "https://aneca.example.es/", name: LocalizedString("ANECA (example)")), note: LocalizedString("Accredited within the university's continuing-education framework.", language: "en"))]
        a.prerequisites = LocalizedString("Programming in Python; linear algebra.", language: "en")
        a.stackability = LocalizedString("Stacks into the Diploma in Data Science (30 ECTS).", language: "en")
        a.relations = [
            AchievementRelation(kind: .stacksInto, id: "https://uni.example.es/diploma/data-science", name: LocalizedString("Diploma in Data Science", language: "en")),
            AchievementRelation(kind: .relatedEdition, id: "https://uni.example.es/mc/aml?lang=es", language: "es"),
        ]
        a.isPartialQualification = true
        var part = Achievement(id: "https://uni.example.es/mc/aml/module-1", name: LocalizedString("Module 1: Supervised learning", language: "en"))
        part.description = LocalizedString("First module.", language: "en")
        part.credits = CreditPoints(value: NumberText("3")!, system: EUVocabulary.ects)
        part.awardId = "urn:epass:learningAchievement:2"
        var partAssessment = Assessment(grade: LocalizedString("9.5", language: "es"))
        partAssessment.title = LocalizedString("Module 1 exam", language: "en")
        part.partAssessment = partAssessment
        a.parts = [part]
        var rd = ResultDescription(id: "urn:uuid:7d3e4f10-0000-4000-8000-0000000000aa", name: LocalizedString("Project grade"), resultType: "LetterGrade")
        rd.allowedValues = ["A", "B", "C", "D"]
        rd.requiredValue = "C"
        a.resultDescriptions = [rd]
        a.homepages = ["https://uni.example.es/mc/aml"]
        a.notes = [Note(subject: Concept(label: LocalizedString("Delivery", language: "en")), text: LocalizedString("Taught in English.", language: "en"))]
        a.creator = Organization(id: "https://uni.example.es/", name: LocalizedString("Universidad de Ejemplo", language: "es"))
        c.achievement = a

        var assessment = Assessment(grade: LocalizedString("9.1 (sobresaliente)", language: "es"))
        assessment.id = "urn:uuid:7d3e4f10-0000-4000-8000-0000000000bb"
        assessment.title = LocalizedString("Final project and exam", language: "en")
        assessment.gradingScheme = Concept(label: LocalizedString("Spanish scale 0–10, pass 5", language: "en"))
        assessment.date = "2026-06-25T10:00:00Z"
        assessment.identityVerification = EUVocabulary.supervisedWithID
        c.assessment = assessment
        var result = Result()
        result.resultDescription = "urn:uuid:7d3e4f10-0000-4000-8000-0000000000aa"
        result.value = "A"
        c.results = [result]
        c.creditsEarned = NumberText("6")
        c.activityStartDate = "2026-02-01"
        c.activityEndDate = "2026-06-20"
        c.term = "Spring 2026"
        var evidence = Evidence(id: "https://uni.example.es/records/6c1f/project")
        evidence.name = LocalizedString("Project report", language: "en")
        evidence.genre = "Project"
        c.evidence = [evidence]
        return c
    }
}
