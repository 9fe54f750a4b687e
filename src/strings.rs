//! Every word the interface and the validator show, in one place, so the
//! English version later is a matter of one more module of the same shape.

pub const APP_NAME: &str = "Passerelles";
pub const TAGLINE: &str =
    "Conventions de partenariat et événements de l'économie sociale et solidaire et des organisations d'employeurs";

// Loading and errors.
pub const LOADING: &str = "Chargement des données…";
pub const LOADING_FETCH: &str = "Téléchargement des données…";
/// "2,3 Mo reçus", from tenths of a megabyte.
pub fn received_megabytes(tenths: u32) -> String {
    format!("{},{} Mo reçus", tenths / 10, tenths % 10)
}
pub const LOADING_READ: &str = "Lecture et vérification des fiches…";
pub const ERR_EMPTY_FILE: &str = "Le fichier de données est vide.";
pub const ERR_TRUNCATED: &str =
    "Le fichier de données s'arrête avant la fin : il est sans doute tronqué.";
pub const ERR_SYNTAX: &str = "Le fichier de données n'est pas un JSON valide";
pub const ERR_SHAPE: &str = "Le fichier de données n'a pas la forme attendue";
pub const ERR_RECORD_SHAPE: &str = "Cette fiche n'a pas la forme attendue";
pub const LOAD_FAILED_TITLE: &str = "Les données n'ont pas pu être chargées";
pub const LOAD_FAILED_HELP: &str =
    "Le fichier doit être corrigé à l'endroit indiqué, puis vérifié avec « cargo run --bin validate -- data/passerelles.json ». Si vous ne tenez pas les données à jour, prévenez la personne qui s'en charge.";
pub const LOAD_FAILED_WHERE: &str = "Position dans le fichier";
pub const HTTP_FAILED: &str = "Le serveur a répondu";
pub const ERR_NOT_PACK: &str = "Ce fichier n'est pas un fichier de données Passerelles : le paramètre « data= » doit nommer un fichier JSON (.json) ou un fichier compilé (.pack).";
pub const ERR_PACK_DAMAGED: &str =
    "Le fichier de données compilé est endommagé (tronqué ou modifié en chemin).";
pub const ERR_PACK_VERSION: &str =
    "Le fichier de données compilé vient d'une autre version de Passerelles.";
pub const ERR_CONVERTER: &str = "Le lecteur de fichiers JSON de Passerelles n'a pas pu être chargé ou n'a pas pu lire ce fichier.";
pub const PACK_HELP: &str = "Reconstruisez le site (« make build ») pour recompiler les données, puis republiez-le. Si vous ne publiez pas le site, prévenez la personne qui s'en charge.";

pub fn skipped_records(n: usize) -> String {
    if n == 1 {
        "1 fiche ignorée car invalide".into()
    } else {
        format!("{n} fiches ignorées car invalides")
    }
}
pub const SHOW_REASONS: &str = "Voir les raisons";

// Interface.
pub const SKIP_TO_RESULTS: &str = "Aller aux résultats";
pub const FILTERS: &str = "Filtrer";
pub const SEARCH_LABEL: &str = "Rechercher";
pub const SEARCH_HINT: &str = "Un mot, une organisation, un lieu… (sans se soucier des accents)";
pub const FACET_TYPE: &str = "Type de fiche";
pub const FACET_THEME: &str = "Thème";
pub const FACET_REGION: &str = "Territoire";
pub const FACET_DATES: &str = "Période";
pub const TYPE_AGREEMENT: &str = "Accords et conventions";
pub const TYPE_EVENT: &str = "Événements";
pub const BADGE_AGREEMENT: &str = "Accord";
pub const BADGE_EVENT: &str = "Événement";
pub const NATIONAL_SWITCH: &str = "Inclure les fiches de portée nationale";
pub const NATIONAL_SWITCH_HINT: &str = "S'applique quand une région est choisie.";
pub const MORE_REGIONS: &str = "Afficher toutes les régions";
pub const FEWER_REGIONS: &str = "Masquer les régions sans fiche";
pub const DATE_FROM: &str = "Du";
pub const DATE_TO: &str = "Au";
pub const DATE_HINT: &str = "Année (2019), mois (2019-11) ou jour (2019-11-21).";
pub const DATE_INVALID: &str = "Date non reconnue : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ.";
pub const DATE_INVERTED: &str =
    "La date de début est après la date de fin : aucune fiche datée ne peut correspondre.";
pub const DATE_UNKNOWN: &str = "Date inconnue";
pub fn undated_option(n: u32) -> String {
    format!("Inclure les fiches de date inconnue ({n})")
}
pub fn undated_excluded(n: u32) -> String {
    if n == 1 {
        "1 fiche de date inconnue est écartée par la période.".into()
    } else {
        format!("{n} fiches de date inconnue sont écartées par la période.")
    }
}
pub const CLEAR: &str = "Effacer les filtres";
pub const RESULTS: &str = "Résultats";
pub const NO_RECORD: &str = "Aucune fiche";
pub const SORT_LABEL: &str = "Trier par";
pub const SORT_RECENT: &str = "Plus récentes d'abord";
pub const SORT_OLDEST: &str = "Plus anciennes d'abord";
pub const SORT_TITLE: &str = "Titre (A → Z)";
pub const ACTIVE_FILTERS: &str = "Filtres actifs";
pub const REMOVE_FILTER: &str = "Retirer le filtre";
pub const EMPTY_TITLE_RESULTS: &str = "Aucune fiche ne correspond à ces filtres.";
pub const EMPTY_HELP: &str = "Essayez d'en retirer un :";
pub const CHIP_SEARCH: &str = "Recherche";
pub const CHIP_DATES: &str = "Période";
pub const ORGANISED_BY: &str = "Organisé par";
pub const BACK_TO_LIST: &str = "Retour à la liste";
pub const LOADING_RECORD: &str = "Chargement de la fiche…";
pub const RECORD_UNAVAILABLE: &str =
    "Le détail de cette fiche n'a pas pu être chargé. Vérifiez votre connexion, puis rechargez la page.";
pub const UNKNOWN_RECORD: &str = "Cette fiche n'existe pas, ou plus, dans les données.";
pub const D_DATE: &str = "Date";
pub const D_TIME: &str = "Horaire";
pub const D_PLACE: &str = "Lieu";
pub const D_TERRITORY: &str = "Territoire";
pub const D_PARTIES: &str = "Parties";
pub const D_PEOPLE: &str = "Personnes nommées";
pub const D_ORGANISER: &str = "Organisateur";
pub const D_AUDIENCE: &str = "Public";
pub const D_THEMES: &str = "Thèmes";
pub const D_REGISTRATION: &str = "Inscription";
pub const D_OBJECTIVES: &str = "Objectifs";
pub const D_TARGETS: &str = "Objectifs chiffrés";
pub const D_FIGURES: &str = "Chiffres cités";
pub const D_SOURCE: &str = "Source";
pub const D_EXCERPTS: &str = "Extraits du texte source";
pub const D_SUPPORTS: &str = "Appuie";

/// A record field as a reader names it, for "what this excerpt supports".
pub fn field_label(key: &str) -> &str {
    match key {
        "title" => "titre",
        "kind" => "nature",
        "description" => "description",
        "parties" => "parties",
        "people" => "personnes",
        "date" => "date",
        "time" => "horaire",
        "place" => "lieu",
        "territory" => "territoire",
        "themes" => "thèmes",
        "objectives" => "objectifs",
        "targets" => "objectifs chiffrés",
        "figures" => "chiffres",
        "context" => "contexte",
        "organiser" => "organisateur",
        "audience" => "public",
        "registration" => "inscription",
        "agreements" => "accords liés",
        "part_of" => "programme",
        other => other,
    }
}

pub fn see_results(count: &str) -> String {
    format!("Voir les résultats ({count})")
}
pub const D_PART_OF: &str = "Fait partie de";
pub const D_PARTS: &str = "Rendez-vous de ce programme";
pub const D_EVENTS: &str = "Événements liés";
pub const D_AGREEMENTS: &str = "Accords liés";
pub const D_FILE: &str = "Document";
pub const D_TITLE: &str = "Titre";
pub const D_LINK: &str = "Lien";
pub const D_PUBLISHED: &str = "Publié le";
pub const D_PUBLISHER: &str = "Éditeur";
pub const FOOTER_SOURCES: &str = "Chaque fiche est transcrite d'un communiqué ou d'une annonce publique, cité avec ses extraits. Une fiche ne dit que ce que son texte dit.";

// Validator messages.
pub const EMPTY_TITLE: &str = "le titre est vide";
pub const EMPTY_LABEL: &str = "le libellé est vide";
pub const EMPTY_TERRITORY: &str =
    "aucun territoire : indiquez au moins un code de région, ou \"FR\" pour la portée nationale";
pub const NO_PARTIES: &str = "aucune partie signataire";
pub fn duplicate_code(code: &str) -> String {
    format!("code \"{code}\" en double dans le vocabulaire")
}
pub fn missing_national(code: &str) -> String {
    format!("le vocabulaire des régions doit contenir la portée nationale (code \"{code}\")")
}
pub fn date_format(v: &str) -> String {
    format!("date \"{v}\" mal écrite : attendu AAAA, AAAA-MM ou AAAA-MM-JJ")
}
pub fn date_impossible(v: &str) -> String {
    format!("date {v} impossible")
}
pub fn not_http(url: &str) -> String {
    format!("lien \"{url}\" refusé : seuls les liens http(s) sont permis")
}
pub fn unknown_region(code: &str) -> String {
    format!("code de région \"{code}\" inconnu")
}
pub fn unknown_theme(theme: &str, known: &[&str]) -> String {
    match closest(theme, known) {
        Some(best) => format!("thème \"{theme}\" inconnu (vouliez-vous dire \"{best}\" ?)"),
        None => format!("thème \"{theme}\" inconnu"),
    }
}
pub fn bad_time(v: &str) -> String {
    format!("heure \"{v}\" mal écrite : attendu HH:MM")
}
pub fn dangling_link(id: &str) -> String {
    format!("lien vers la fiche \"{id}\", qui n'existe pas")
}
pub fn bad_id(id: &str) -> String {
    format!("identifiant \"{id}\" invalide : lettres minuscules, chiffres et tirets seulement")
}
pub fn duplicate_id(id: &str) -> String {
    format!("identifiant \"{id}\" en double")
}

pub fn date_published_format(v: &str) -> String {
    format!("date de publication \"{v}\" mal écrite : attendu AAAA, AAAA-MM ou AAAA-MM-JJ")
}
pub fn date_published_impossible(v: &str) -> String {
    format!("date de publication {v} impossible")
}
pub fn unknown_field(field: &str, known: &[&str]) -> String {
    match closest(field, known) {
        Some(best) => format!("champ \"{field}\" inconnu (vouliez-vous dire \"{best}\" ?)"),
        None => format!("champ \"{field}\" inconnu"),
    }
}
pub fn missing_field(field: &str) -> String {
    format!("champ obligatoire \"{field}\" absent")
}
pub fn duplicate_field(field: &str) -> String {
    format!("champ \"{field}\" écrit deux fois")
}
pub const A_LIST: &str = "une liste";
pub const AN_OBJECT: &str = "un objet";
pub const JSON_COMMENT: &str = "les commentaires (// ou /* */) ne sont pas permis en JSON";
pub const ERR_NOT_OBJECT: &str = "Le fichier de données n'a pas la forme attendue : il doit contenir un seul objet JSON, entre « { » et « } », avec les champs \"regions\", \"themes\", \"agreements\" et \"events\".";
pub fn record_too_long(bytes: usize, max_kib: usize) -> String {
    format!("fiche de {bytes} octets : au-delà de {max_kib} Kio, un texte a sans doute été collé par erreur (la page l'affiche raccourcie)")
}
/// Ends a text the page shows cut (see clip.rs).
pub const TEXT_CLIPPED: &str = " […] (texte raccourci à l'affichage)";
pub fn self_link(id: &str) -> String {
    format!("la fiche \"{id}\" renvoie à elle-même")
}
pub fn wrong_type(found: &str, expected: &str) -> String {
    format!("{found} là où il faut {expected}")
}
// serde_json's syntax errors, in the editor's words.
pub const JSON_EXPECTED_VALUE: &str =
    "une valeur est attendue ici (texte entre guillemets droits, nombre, liste, objet, true, false ou null ; les commentaires ne sont pas permis)";
pub const JSON_EXPECTED_COMMA_OBJECT: &str =
    "« , » ou « } » attendu ici (une virgule manque-t-elle ?)";
pub const JSON_EXPECTED_COMMA_LIST: &str =
    "« , » ou « ] » attendu ici (une virgule manque-t-elle ?)";
pub const JSON_EXPECTED_COLON: &str = "« : » attendu ici, entre le nom du champ et sa valeur";
pub const JSON_TRAILING_COMMA: &str = "virgule en trop avant la fin de la liste ou de l'objet";
pub const JSON_TRAILING_CHARACTERS: &str = "du texte suit la fin des données";
pub const JSON_KEY_NOT_STRING: &str = "un nom de champ doit être entre guillemets droits (\")";
pub const JSON_CONTROL_CHARACTER: &str =
    "caractère de contrôle dans un texte (retour à la ligne, tabulation, caractère nul…) : écrivez \\n pour un retour à la ligne";
pub const JSON_BAD_ESCAPE: &str =
    "séquence d'échappement invalide après une barre oblique inverse (\\)";
pub const JSON_BAD_NUMBER: &str = "nombre mal écrit ou trop grand";
pub const JSON_TOO_DEEP: &str = "listes ou objets imbriqués trop profondément";
pub const NOT_UTF8: &str =
    "Le fichier n'est pas encodé en UTF-8 : enregistrez-le en UTF-8 depuis l'éditeur de texte";
pub fn data_problems(n: usize) -> String {
    if n == 1 {
        "1 problème dans les données".into()
    } else {
        format!("{n} problèmes dans les données")
    }
}
pub fn more_problems(n: usize) -> String {
    format!("… et {n} autres")
}
pub fn at_position(line: usize, column: usize) -> String {
    format!("ligne {line}, colonne {column}")
}

// Loading failures: what failed, and what to do.
pub fn not_found(url: &str) -> String {
    format!("Le fichier de données est introuvable : le serveur a répondu 404 pour « {url} ».")
}
pub fn http_status(status: u16, url: &str) -> String {
    format!("{HTTP_FAILED} {status} en demandant le fichier de données « {url} ».")
}
pub fn network_failed(url: &str) -> String {
    format!("Le fichier de données « {url} » n'a pas pu être téléchargé : le réseau ou le serveur ne répond pas.")
}
pub const HELP_NOT_FOUND: &str = "Vérifiez l'adresse de la page (paramètre « data= ») ou que le fichier a bien été publié avec le site.";
pub const HELP_NETWORK: &str = "Vérifiez votre connexion, puis rechargez la page.";
pub const LOAD_FAILED_FILE: &str = "Fichier";

// The validator's report (`cargo run --bin validate`).
pub fn report_ok(file: &str) -> String {
    format!("{file} : aucun problème.")
}
pub fn report_problems(file: &str, n: usize) -> String {
    if n == 1 {
        format!("{file} : 1 problème à corriger.")
    } else {
        format!("{file} : {n} problèmes à corriger.")
    }
}
pub fn report_records(total: usize, agreements: usize, events: usize) -> String {
    format!("{total} fiches : {agreements} accords, {events} événements")
}
pub const REPORT_BY_REGION: &str = "Par territoire";
pub const REPORT_BY_THEME: &str = "Par thème";
pub const REPORT_BY_PRECISION: &str = "Par précision de date";
pub const PRECISION_DAY: &str = "jour";
pub const PRECISION_MONTH: &str = "mois";
pub const PRECISION_YEAR: &str = "année";
pub const PRECISION_UNKNOWN: &str = "inconnue";
pub const FILE_NOT_FOUND: &str = "fichier introuvable";
pub fn unreadable_file(detail: &str) -> String {
    format!("Le fichier ne peut pas être lu : {detail}")
}

/// The known word nearest to a typo, if it is near enough to be a plausible intent.
fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        let d = edit_distance(word, k);
        if d <= 2.max(word.chars().count() / 3)
            && best.is_none_or(|(bd, bk)| d < bd || (d == bd && *k < bk))
        {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

// Embedding in a partner's page (src/embed.rs, ui/embed_dialog.rs).
pub const EMBED_OPEN: &str = "Intégrer cette vue";
pub const EMBED_TITLE: &str = "Intégrer cette vue dans votre site";
pub const EMBED_INTRO: &str =
    "Collez ce code dans une page de votre site : il affiche les fiches de la vue actuelle, filtres compris. La hauteur du cadre suit son contenu.";
pub const EMBED_LOCK: &str = "Verrouiller les filtres actuels (type, thème, territoire)";
pub const EMBED_LOCK_HINT: &str =
    "Les visiteurs de votre site ne pourront pas les retirer ; sinon, ce ne sont que des filtres de départ.";
pub const EMBED_SCHEME: &str = "Couleurs";
pub const EMBED_SCHEME_LIGHT: &str = "Claires";
pub const EMBED_SCHEME_DARK: &str = "Sombres";
pub const EMBED_SCHEME_AUTO: &str = "Selon le réglage du visiteur";
pub const EMBED_HEIGHT: &str = "Hauteur initiale (en pixels)";
pub const EMBED_HEIGHT_HINT: &str =
    "Hauteur avant le chargement, ou si le script n'est pas collé : le contenu défile alors dans le cadre.";
pub const EMBED_CODE: &str = "Code à coller";
pub const EMBED_COPY: &str = "Copier le code";
pub const EMBED_COPIED: &str = "Code copié dans le presse-papiers.";
pub const EMBED_COPY_FALLBACK: &str =
    "Copie automatique impossible : le code est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).";
pub const EMBED_PREVIEW: &str = "Aperçu";
pub const EMBED_PREVIEW_TITLE: &str = "Aperçu de la vue intégrée";
pub const EMBED_CLOSE: &str = "Fermer";
pub const EMBED_IFRAME_TITLE: &str =
    "Passerelles : conventions et événements de l'économie sociale et solidaire";
pub const EMBED_FULLSCREEN: &str = "Voir en plein écran";
pub const NEW_TAB: &str = " (nouvel onglet)";
pub const LOCKED_HINT: &str = "Filtre fixé par le site qui présente ces fiches.";
pub const LOCKED_VALUES: &str = "Filtre fixé";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_theme() {
        assert_eq!(
            unknown_theme("emploie", &["emploi", "insertion"]),
            "thème \"emploie\" inconnu (vouliez-vous dire \"emploi\" ?)"
        );
        assert_eq!(
            unknown_theme("zzz", &["emploi", "insertion"]),
            "thème \"zzz\" inconnu"
        );
    }
}
