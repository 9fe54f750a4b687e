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
    format!(
        "code \"{}\" en double dans le vocabulaire : seule la première entrée est gardée",
        shown(code)
    )
}
pub const EMPTY_NAME: &str = "le nom est vide";
pub const INVISIBLE_TITLE: &str =
    "le titre ne contient aucun caractère visible (seulement des espaces, des caractères invisibles ou des accents isolés)";
pub fn bad_theme_id(id: &str) -> String {
    format!(
        "identifiant de thème \"{}\" invalide : lettres minuscules sans accent, chiffres et tirets seulement, 120 caractères au plus (il figure dans les adresses) ; ce thème est écarté",
        shown(id)
    )
}
pub fn bad_region_code(code: &str, codes: &[&str]) -> String {
    format!(
        "code de région \"{}\" inconnu : les codes sont ceux de l'INSEE (2018), {} ; cette région est écartée",
        shown(code),
        codes.join(", ")
    )
}
pub fn look_alike_theme(label: &str, other_id: &str, other_label: &str) -> String {
    format!("libellé \"{}\" impossible à distinguer de celui du thème \"{other_id}\" (\"{}\") : changez l'un des deux", shown(label), shown(other_label))
}
pub fn missing_english_label(id: &str) -> String {
    format!("thème \"{}\" sans libellé anglais (\"label_en\") alors que d'autres thèmes en ont un : donnez-en un à chaque thème, ou à aucun", shown(id))
}
pub fn look_alike_region(name: &str, other_code: &str, other_name: &str) -> String {
    format!("nom \"{}\" impossible à distinguer de celui de la région \"{other_code}\" (\"{}\") : changez l'un des deux", shown(name), shown(other_name))
}
pub fn date_out_of_range(v: &str, published: bool, first: i32, last: i32) -> String {
    let what = if published {
        "date de publication"
    } else {
        "date"
    };
    format!("{what} {v} refusée : l'année doit être comprise entre {first} et {last}")
}
pub fn time_end_before_start(end: &str, start: &str) -> String {
    format!("heure de fin {end} avant l'heure de début {start}")
}
pub fn target_negative(v: &str) -> String {
    format!("objectif chiffré {v} refusé : un objectif est un nombre positif ou nul (un nombre de personnes, d'entreprises, un pourcentage…)")
}
pub fn figure_too_large(v: &str) -> String {
    format!("nombre {v} refusé : un chiffre ne dépasse pas mille milliards (1000000000000) en valeur absolue ; y a-t-il des zéros en trop ?")
}
pub fn figure_decimals(v: &str, max: usize) -> String {
    format!("nombre {v} refusé : {max} décimales au plus (écrivez 12.5 pour 12,5)")
}
pub fn url_credentials(url: &str) -> String {
    format!("lien \"{}\" refusé : il contient un nom d'utilisateur ou un mot de passe (« nom:motdepasse@ ») ; publiez le lien sans eux", shown(url))
}
pub fn url_mixed_script(url: &str) -> String {
    format!("lien \"{}\" refusé : son nom de domaine mêle des alphabets (latin, cyrillique, grec) et peut imiter celui d'un autre site", shown(url))
}
pub fn url_port(url: &str) -> String {
    format!(
        "lien \"{}\" refusé : port impossible (après « : », un nombre de 1 à 65535)",
        shown(url)
    )
}
pub fn url_unparsable(url: &str) -> String {
    format!(
        "lien \"{}\" refusé : adresse illisible (nom de domaine ou adresse IP mal écrits)",
        shown(url)
    )
}
/// At most this many characters of a value quoted in a message: a pasted
/// megabyte must not become a megabyte of message.
pub const QUOTED_CHARS: usize = 200;
fn shown(value: &str) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &value[..cut]).into(),
        None => value.into(),
    }
}
pub fn missing_national(code: &str) -> String {
    format!("le vocabulaire des régions doit contenir la portée nationale (code \"{code}\")")
}
pub fn date_format(v: &str) -> String {
    format!(
        "date \"{}\" mal écrite : attendu AAAA, AAAA-MM ou AAAA-MM-JJ, ou un intervalle de deux d'entre elles séparées par \"/\", \"..\" pour une borne ouverte (\"../2015-07-10\")",
        shown(v)
    )
}
pub fn date_unbounded(v: &str) -> String {
    format!(
        "intervalle {v} sans aucune borne : s'il n'y a rien à en dire, ne donnez pas de \"value\""
    )
}
pub fn date_reversed(v: &str) -> String {
    format!("intervalle {v} à l'envers : son début vient après sa fin")
}
pub fn date_impossible(v: &str) -> String {
    format!("date {v} impossible")
}
pub fn interval_without_text(v: &str) -> String {
    format!(
        "intervalle {v} sans \"text\" : citez les mots du texte sur lesquels reposent ses bornes"
    )
}
/// `field`: `start_note` or `end_note`; `bound`: the bound's date.
pub fn interval_without_note(v: &str, field: &str, bound: &str) -> String {
    let (which, read) = if field == "start_note" {
        ("son début", "lu")
    } else {
        ("sa fin", "lue")
    };
    format!("intervalle {v} sans \"{field}\" : dites comment {which} ({bound}) a été {read} dans le texte")
}
/// A bound's note where there is no such bound: `value` is the date's
/// value, if any.
pub fn stray_bound_note(field: &str, value: Option<&str>) -> String {
    let which = if field == "start_note" {
        "de début"
    } else {
        "de fin"
    };
    match value {
        None => format!("note \"{field}\" sans \"value\" : une note de borne ne va qu'avec un intervalle qui a une date {which} ; mettez ce qu'elle dit dans \"note\""),
        Some(v) if v.contains('/') => format!("note \"{field}\" refusée : l'intervalle {} n'a pas de date {which} (\"..\", borne ouverte) ; mettez ce qu'elle dit dans \"note\"", shown(v)),
        Some(v) => format!("note \"{field}\" refusée : la date {} n'est pas un intervalle ; mettez ce qu'elle dit dans \"note\"", shown(v)),
    }
}
/// A value serde does not know, among the `known` ones (an agreement's
/// `status`).
pub fn unknown_variant(value: &str, known: &[&str]) -> String {
    match closest(value, known) {
        Some(best) => format!(
            "valeur \"{}\" inconnue (vouliez-vous dire \"{best}\" ?)",
            shown(value)
        ),
        None => format!(
            "valeur \"{}\" inconnue : valeurs permises \"{}\"",
            shown(value),
            known.join("\", \"")
        ),
    }
}
pub fn not_http(url: &str) -> String {
    format!(
        "lien \"{}\" refusé : seuls les liens http(s) sont permis",
        shown(url)
    )
}
pub fn unknown_region(code: &str) -> String {
    format!("code de région \"{}\" inconnu", shown(code))
}
/// `near`: the known theme it is probably a typo of ([`crate::data::suggest`]).
pub fn unknown_theme(theme: &str, near: Option<&str>) -> String {
    match near {
        Some(best) => format!(
            "thème \"{}\" inconnu (vouliez-vous dire \"{best}\" ?)",
            shown(theme)
        ),
        None => format!("thème \"{}\" inconnu", shown(theme)),
    }
}
pub fn bad_time(v: &str) -> String {
    format!("heure \"{}\" mal écrite : attendu HH:MM", shown(v))
}
pub fn dangling_link(id: &str) -> String {
    format!("lien vers la fiche \"{}\", qui n'existe pas", shown(id))
}
pub fn bad_id(id: &str) -> String {
    format!(
        "identifiant \"{}\" invalide : lettres minuscules, chiffres et tirets seulement",
        shown(id)
    )
}
pub fn duplicate_id(id: &str) -> String {
    format!("identifiant \"{}\" en double", shown(id))
}
pub fn date_published_format(v: &str) -> String {
    format!(
        "date de publication \"{}\" mal écrite : attendu AAAA, AAAA-MM ou AAAA-MM-JJ",
        shown(v)
    )
}
pub fn date_published_impossible(v: &str) -> String {
    format!("date de publication {v} impossible")
}
pub fn unknown_field(field: &str, known: &[&str]) -> String {
    match closest(field, known) {
        Some(best) => format!(
            "champ \"{}\" inconnu (vouliez-vous dire \"{best}\" ?)",
            shown(field)
        ),
        None => format!("champ \"{}\" inconnu", shown(field)),
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
    format!("fiche de {bytes} octets : au-delà de {max_kib} Kio, c'est sans doute un texte ou une liste collés par erreur (la page l'affiche raccourcie : textes coupés, listes limitées)")
}
/// Ends a text the page shows cut (see clip.rs).
pub const TEXT_CLIPPED: &str = " […] (texte raccourci à l'affichage)";
pub fn self_link(id: &str) -> String {
    format!("la fiche \"{}\" renvoie à elle-même", shown(id))
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
pub const UTF16: &str =
    "Le fichier est encodé en UTF-16, pas en UTF-8 : enregistrez-le en UTF-8 depuis l'éditeur de texte";
/// Ends the last item kept of a list the page shows cut (see clip.rs).
pub fn list_clipped(left_out: usize) -> String {
    format!("[…] et {left_out} de plus (liste raccourcie à l'affichage)")
}
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
pub const PRECISION_INTERVAL: &str = "intervalle";
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
        let known = ["emploi", "insertion"];
        assert_eq!(
            unknown_theme("emploie", closest("emploie", &known)),
            "thème \"emploie\" inconnu (vouliez-vous dire \"emploi\" ?)"
        );
        assert_eq!(
            unknown_theme("zzz", closest("zzz", &known)),
            "thème \"zzz\" inconnu"
        );
    }

    #[test]
    fn long_values_are_quoted_cut() {
        let m = not_http(&"x".repeat(10_000));
        assert!(m.chars().count() < QUOTED_CHARS + 100, "{m}");
    }
}
