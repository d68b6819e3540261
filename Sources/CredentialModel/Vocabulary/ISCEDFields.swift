/// ISCED-F 2013 fields of education and training (broad, narrow and common detailed fields) with their
/// English names, for labels of `http://data.europa.eu/snb/isced-f/CODE` concepts.
enum ISCEDFields {
    static let all: [(String, String)] = [
        ("00", "Generic programmes and qualifications"), ("001", "Basic programmes and qualifications"),
        ("002", "Literacy and numeracy"), ("003", "Personal skills and development"),
        ("01", "Education"), ("011", "Education"), ("0111", "Education science"), ("0112", "Training for pre-school teachers"),
        ("0113", "Teacher training without subject specialisation"), ("0114", "Teacher training with subject specialisation"),
        ("02", "Arts and humanities"), ("021", "Arts"), ("022", "Humanities (except languages)"), ("023", "Languages"),
        ("0231", "Language acquisition"), ("0232", "Literature and linguistics"),
        ("03", "Social sciences, journalism and information"), ("031", "Social and behavioural sciences"),
        ("0311", "Economics"), ("0312", "Political sciences and civics"), ("0313", "Psychology"),
        ("0314", "Sociology and cultural studies"), ("032", "Journalism and information"),
        ("04", "Business, administration and law"), ("041", "Business and administration"),
        ("0411", "Accounting and taxation"), ("0412", "Finance, banking and insurance"), ("0413", "Management and administration"),
        ("0414", "Marketing and advertising"), ("0415", "Secretarial and office work"), ("0416", "Wholesale and retail sales"),
        ("0417", "Work skills"), ("042", "Law"), ("0421", "Law"),
        ("05", "Natural sciences, mathematics and statistics"), ("051", "Biological and related sciences"), ("052", "Environment"),
        ("053", "Physical sciences"), ("054", "Mathematics and statistics"), ("0541", "Mathematics"), ("0542", "Statistics"),
        ("06", "Information and Communication Technologies (ICTs)"), ("061", "Information and Communication Technologies (ICTs)"),
        ("0611", "Computer use"), ("0612", "Database and network design and administration"),
        ("0613", "Software and applications development and analysis"),
        ("0688", "Inter-disciplinary programmes and qualifications involving Information and Communication Technologies (ICTs)"),
        ("07", "Engineering, manufacturing and construction"), ("071", "Engineering and engineering trades"),
        ("072", "Manufacturing and processing"), ("073", "Architecture and construction"),
        ("08", "Agriculture, forestry, fisheries and veterinary"), ("081", "Agriculture"), ("082", "Forestry"),
        ("083", "Fisheries"), ("084", "Veterinary"),
        ("09", "Health and welfare"), ("091", "Health"), ("092", "Welfare"),
        ("10", "Services"), ("101", "Personal services"), ("102", "Hygiene and occupational health services"),
        ("103", "Security services"), ("104", "Transport services"),
    ]
}
