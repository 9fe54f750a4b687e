//! The validator's messages, in plain French, for the person who edits the
//! data file: the same words in the terminal (`cargo run --bin validate`)
//! and in the page's list of problems. They name the field and say what to
//! write instead; the line and column are shown apart.

use crate::data::suggest::closest;

pub const ERR_EMPTY_FILE: &str = "Le fichier de données est vide.";
pub const ERR_TRUNCATED: &str =
    "Le fichier de données s'arrête avant la fin : il est sans doute tronqué.";
pub const ERR_SYNTAX: &str = "Le fichier de données n'est pas un JSON valide";
pub const ERR_SHAPE: &str = "Le fichier de données n'a pas la forme attendue";
pub const ERR_RECORD_SHAPE: &str = "Cette fiche n'a pas la forme attendue";
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
// The glossary (data/glossary.json).
pub const ERR_GLOSSARY: &str = "Le glossaire n'a pas la forme attendue";
pub const GLOSSARY_EMPTY_TERM: &str = "le terme est vide";
pub const GLOSSARY_NO_SOURCE: &str =
    "aucune source : une entrée du glossaire cite au moins un extrait d'un texte, avec son fichier";
pub const GLOSSARY_EMPTY_EXCERPT: &str = "l'extrait est vide";
pub fn glossary_term_not_in_excerpt(term: &str) -> String {
    format!("l'extrait ne contient pas le terme \"{term}\" (ni une de ses graphies)")
}
pub fn glossary_expansion_not_beside(expansion: &str, term: &str) -> String {
    format!(
        "développement \"{expansion}\" refusé : aucun extrait ne l'écrit à côté de \"{term}\" ; un développement qu'aucun texte ne donne s'omet"
    )
}
pub fn glossary_not_in_excerpts(text: &str) -> String {
    format!("\"{text}\" ne figure dans aucun extrait de l'entrée")
}
pub fn glossary_entries(n: usize) -> String {
    format!("{n} entrée{} de glossaire", if n > 1 { "s" } else { "" })
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
