//! The words synthetic records are made of: communes per region, venues,
//! organisations, topics per theme, names, roles and kinds. French, with the
//! accents and ligatures real records carry, so folding and search are
//! measured on text like theirs.

pub(super) const COMMUNES: &[(&str, &[&str])] = &[
    (
        "11",
        &[
            "Paris",
            "Saint-Denis",
            "Créteil",
            "Nanterre",
            "Évry-Courcouronnes",
            "Montreuil",
            "Cergy",
            "Aubervilliers",
        ],
    ),
    (
        "84",
        &[
            "Lyon",
            "Saint-Étienne",
            "Grenoble",
            "Clermont-Ferrand",
            "Annecy",
            "Valence",
        ],
    ),
    ("27", &["Dijon", "Besançon", "Mâcon", "Belfort"]),
    (
        "53",
        &["Rennes", "Brest", "Quimper", "Saint-Brieuc", "Lorient"],
    ),
    ("24", &["Orléans", "Tours", "Bourges", "Chartres", "Blois"]),
    ("94", &["Ajaccio", "Bastia", "Corte"]),
    (
        "44",
        &["Strasbourg", "Metz", "Nancy", "Reims", "Mulhouse", "Épinal"],
    ),
    (
        "32",
        &["Lille", "Amiens", "Roubaix", "Dunkerque", "Beauvais"],
    ),
    (
        "28",
        &[
            "Rouen",
            "Caen",
            "Le Havre",
            "Évreux",
            "Cherbourg-en-Cotentin",
        ],
    ),
    (
        "75",
        &[
            "Bordeaux",
            "Limoges",
            "Poitiers",
            "La Rochelle",
            "Pau",
            "Angoulême",
        ],
    ),
    (
        "76",
        &[
            "Toulouse",
            "Montpellier",
            "Nîmes",
            "Perpignan",
            "Béziers",
            "Albi",
        ],
    ),
    (
        "52",
        &[
            "Nantes",
            "Angers",
            "Le Mans",
            "Saint-Nazaire",
            "La Roche-sur-Yon",
        ],
    ),
    (
        "93",
        &["Marseille", "Nice", "Toulon", "Avignon", "Aix-en-Provence"],
    ),
    ("01", &["Pointe-à-Pitre", "Basse-Terre", "Les Abymes"]),
    ("02", &["Fort-de-France", "Le Lamentin", "Schœlcher"]),
    ("03", &["Cayenne", "Saint-Laurent-du-Maroni", "Kourou"]),
    (
        "04",
        &["Saint-Denis", "Saint-Pierre", "Saint-André", "Le Port"],
    ),
    ("06", &["Mamoudzou", "Dzaoudzi", "Koungou"]),
];

pub(super) const VENUES: &[&str] = &[
    "Hôtel de Région",
    "Préfecture de région",
    "Chambre de commerce et d'industrie",
    "Maison de l'économie sociale et solidaire",
    "Cité des métiers",
    "Hôtel de ville",
];

/// (name, acronym, kind of organisation).
pub(super) const PARTIES: &[(&str, &str, &str)] = &[
    (
        "Confédération des petites et moyennes entreprises",
        "CPME",
        "organisation patronale",
    ),
    (
        "Mouvement des entreprises de France",
        "MEDEF",
        "organisation patronale",
    ),
    (
        "Union des entreprises de proximité",
        "U2P",
        "organisation patronale",
    ),
    (
        "Union des employeurs de l'économie sociale et solidaire",
        "UDES",
        "organisation d'employeurs de l'ESS",
    ),
    (
        "Chambre régionale de l'économie sociale et solidaire",
        "CRESS",
        "chambre régionale",
    ),
    (
        "Union régionale des structures d'insertion par l'activité économique",
        "URSIAE",
        "réseau de l'IAE",
    ),
    (
        "Fédération des entreprises d'insertion",
        "FEI",
        "réseau de l'IAE",
    ),
    (
        "Association pour le droit à l'initiative économique",
        "ADIE",
        "association",
    ),
    (
        "Œuvres sociales et éducatives de l'entraide",
        "OSEE",
        "association",
    ),
    (
        "Société coopérative et participative Æquitas",
        "SCOP Æquitas",
        "coopérative",
    ),
    (
        "Groupement d'employeurs pour l'insertion et la qualification",
        "GEIQ",
        "groupement d'employeurs",
    ),
    (
        "Chambre de métiers et de l'artisanat",
        "CMA",
        "chambre consulaire",
    ),
    (
        "Fédération des acteurs de la solidarité",
        "FAS",
        "fédération",
    ),
    (
        "Coopérative d'activité et d'emploi Élan",
        "CAE Élan",
        "coopérative",
    ),
];

/// Two phrases a record may be about, per theme id of the shipped vocabulary
/// (in its order); a theme missing here borrows the first entry's.
pub(super) const TOPICS: &[(&str, [&str; 2])] = &[
    (
        "emploi",
        [
            "l'accès à l'emploi des personnes qui en sont éloignées",
            "le recrutement dans les très petites entreprises",
        ],
    ),
    (
        "insertion",
        [
            "l'insertion par l'activité économique",
            "les parcours des salariés en insertion",
        ],
    ),
    (
        "rse",
        [
            "la responsabilité sociétale des entreprises",
            "le partage de bonnes pratiques sociétales",
        ],
    ),
    (
        "formation",
        [
            "l'apprentissage et l'alternance",
            "la validation des acquis et le curriculum vitæ des compétences",
        ],
    ),
    (
        "jeunes",
        [
            "l'emploi des jeunes diplômés et non diplômés",
            "la mise en œuvre du plan « 1 jeune, 1 solution »",
        ],
    ),
    (
        "dialogue-social",
        [
            "le dialogue social territorial",
            "la démocratie sociale dans les entreprises de l'ESS",
        ],
    ),
    (
        "diversite",
        [
            "l'égalité professionnelle entre les femmes et les hommes",
            "la lutte contre les discriminations à l'embauche",
        ],
    ),
    (
        "qpv",
        [
            "l'emploi dans les quartiers prioritaires",
            "les cœurs de quartier et l'économie de proximité",
        ],
    ),
    (
        "achats",
        [
            "les clauses sociales des marchés publics",
            "les achats responsables auprès des structures de l'ESS",
        ],
    ),
    (
        "ess",
        [
            "le développement de l'économie sociale et solidaire",
            "la création d'entreprises solidaires à l'œuvre dans les territoires",
        ],
    ),
];
/// Theme weights in [`TOPICS`] order: employment and insertion dominate.
pub(super) const THEME_WEIGHTS: &[usize] = &[14, 12, 8, 9, 8, 4, 5, 4, 6, 10];

pub(super) const FIRST_NAMES: &[&str] = &[
    "Élise",
    "François",
    "Chloé",
    "Gaëlle",
    "Noël",
    "Hélène",
    "Jérôme",
    "Loïc",
    "Maëlle",
    "Zoé",
    "Benoît",
    "Cécile",
    "Aurélien",
    "Agnès",
    "Raphaël",
    "Inès",
    "Joël",
    "Lætitia",
    "Léa",
    "Stéphane",
];
pub(super) const LAST_NAMES: &[&str] = &[
    "Durand",
    "Lefèvre",
    "Bérenger",
    "Mœller",
    "Dupré",
    "Gaillard",
    "Leclerc",
    "Nguyen",
    "Benali",
    "Rousseau",
    "Faure",
    "Boëdec",
    "Lemaître",
    "Cœurdevey",
    "Delacroix",
    "Ferré",
];
pub(super) const ROLES: &[&str] = &[
    "président",
    "présidente",
    "déléguée générale",
    "directeur régional",
    "préfet de région",
    "vice-présidente chargée de l'économie",
];
pub(super) const INVOLVEMENTS: &[&str] = &["signataire", "cité", "intervenant", "contact presse"];

/// (kind, weight).
pub(super) const AGREEMENT_KINDS: &[(&str, usize)] = &[
    ("convention de partenariat", 6),
    ("convention", 2),
    ("déclaration commune", 1),
    ("accord-cadre", 1),
    ("charte d'engagement", 1),
];
/// (kind, weight, title prefix).
pub(super) const EVENT_KINDS: &[(&str, usize, &str)] = &[
    ("visite", 3, "Visite d'entreprise"),
    ("séminaire", 3, "Séminaire"),
    ("petit-déjeuner", 3, "Petit-déjeuner"),
    ("conférence", 3, "Conférence"),
    ("journée", 2, "Journée régionale"),
    ("forum", 2, "Forum"),
    ("atelier", 2, "Atelier"),
];

/// Invented French-looking words, so that a large dataset has the
/// vocabulary of a large corpus (at 100,000 records, more than 20,000
/// distinct words reach the index) and typo tolerance and stems are
/// measured against it: 4,500 stems of three syllables, each in the
/// inflections and derivations French gives a word. Same list every time.
pub(super) fn lexicon() -> Vec<String> {
    const ONSETS: [&str; 16] = [
        "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "pr", "tr",
    ];
    const VOWELS: [&str; 8] = ["a", "e", "i", "o", "u", "é", "ou", "ai"];
    const ENDINGS: [&str; 8] = ["", "s", "e", "es", "er", "ement", "age", "ation"];
    let syllable = |k: usize| format!("{}{}", ONSETS[k % 16], VOWELS[(k / 16) % 8]);
    let mut out = Vec::with_capacity(4_500 * ENDINGS.len());
    for i in 0..4_500usize {
        // Spread over the 128³ stems, so neighbours differ early.
        let k = (i * 1_000_003) % (128 * 128 * 128);
        let stem = format!(
            "{}{}{}",
            syllable(k % 128),
            syllable((k / 128) % 128),
            syllable(k / (128 * 128))
        );
        // A stem ending in a vowel takes a consonant before its endings.
        let stem = if stem.ends_with(['a', 'e', 'i', 'o', 'u', 'é']) {
            format!("{stem}t")
        } else {
            stem
        };
        for e in ENDINGS {
            out.push(format!("{stem}{e}"));
        }
    }
    out
}
