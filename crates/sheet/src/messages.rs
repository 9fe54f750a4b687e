//! What the workbook's reader says, in French, and where: each message names
//! its sheet, row and column the way the editor sees them ("Feuille
//! Événements, ligne 12, colonne « date »"), as Validata does. The
//! validator's own messages (`passerelles_core::data::messages`) come through
//! unchanged, placed at the cell their JSON path came from.

use std::fmt;

/// An error stops the import (no file is written); a warning is a mistake
/// the reader understood and says how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
}

/// Where a message points, as the editor finds it in the workbook.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// The sheet's name (the layout's, or the workbook's own when unknown).
    pub sheet: Option<String>,
    /// 1-based row, as the spreadsheet numbers it.
    pub row: Option<u32>,
    /// The column's header.
    pub column: Option<String>,
    /// The record a list sheet's message is about, when no row is.
    pub record: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub level: Level,
    pub place: Place,
    pub text: String,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.sheet {
            Some(s) => write!(f, "Feuille {s}")?,
            None => f.write_str("Classeur")?,
        }
        if let Some(r) = self.row {
            write!(f, ", ligne {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", colonne « {c} »")?;
        }
        if let (None, Some(id)) = (self.row, &self.record) {
            write!(f, ", fiche « {id} »")?;
        }
        Ok(())
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} : {}", self.place, self.text)?;
        if !self.text.ends_with(['.', '!', '?', '…']) {
            f.write_str(".")?;
        }
        Ok(())
    }
}

/// At most this many characters of a cell quoted in a message: a pasted
/// page must not become a page of message.
const QUOTED: usize = 80;

/// A cell's text as a message quotes it.
pub fn q(text: &str) -> String {
    match text.char_indices().nth(QUOTED) {
        Some((cut, _)) => format!("« {}… »", &text[..cut]),
        None => format!("« {text} »"),
    }
}

pub const STRAY_SPACES: &str = "espaces en trop au début ou à la fin du texte, retirés";
pub fn not_iso_date(typed: &str, iso: &str) -> String {
    format!("{} n'est pas une date ISO ; écrivez {iso}", q(typed))
}
pub fn short_year(typed: &str) -> String {
    format!("{} : l'année doit s'écrire en entier, et la date à l'ISO : AAAA-MM-JJ (2019-11-21), AAAA-MM ou AAAA", q(typed))
}
pub fn spreadsheet_date_read(iso: &str, why: &str) -> String {
    format!("la cellule est une date du tableur, lue comme {iso}{why} ; vérifiez-la, et tapez les dates comme du texte ({iso}) pour qu'aucun tableur ne les change")
}
pub fn spreadsheet_date_ambiguous(day: &str, month: &str) -> String {
    format!("la cellule est une date du tableur ({day}) : un jour, ou le mois {month} que le tableur a changé en jour ? Tapez comme du texte {day} ou {month}")
}
pub fn spreadsheet_date_in_interval(day: &str) -> String {
    format!("la cellule est une date du tableur ({day}) alors que la précision dit « intervalle » : tapez l'intervalle comme du texte, par exemple ../{day}")
}
pub fn spreadsheet_date_time(text: &str) -> String {
    format!("la cellule est une date et une heure du tableur ({text}) : tapez la date seule, comme du texte (AAAA-MM-JJ)")
}
pub fn number_not_date(n: &str) -> String {
    format!(
        "le nombre {n} n'est pas une date : tapez-la comme du texte, AAAA-MM-JJ, AAAA-MM ou AAAA"
    )
}
pub fn precision_mismatch(precision: &str, date: &str, actual: &str) -> String {
    format!("la précision {} ne correspond pas à la date {date} ({actual}) : la date est gardée, la précision se déduit d'elle", q(precision))
}
pub fn not_a_time(typed: &str, fixed: &str) -> String {
    format!("{} n'est pas une heure HH:MM ; écrivez {fixed}", q(typed))
}
pub fn spreadsheet_time_read(hhmm: &str) -> String {
    format!("la cellule est une heure du tableur, lue comme {hhmm} ; tapez les heures comme du texte ({hhmm})")
}
pub fn spreadsheet_time_seconds(text: &str) -> String {
    format!("la cellule est une heure du tableur avec des secondes ({text}) : écrivez HH:MM")
}
pub fn number_not_time(n: &str) -> String {
    format!("le nombre {n} n'est pas une heure : écrivez HH:MM, par exemple 09:00")
}
pub fn date_not_text(what: &str) -> String {
    format!("la cellule est une date du tableur ({what}) là où un texte est attendu : tapez le texte voulu")
}
pub fn number_read(typed: &str, read: &str) -> String {
    format!(
        "{} lu comme le nombre {read} (virgule décimale, espaces entre les milliers)",
        q(typed)
    )
}
pub fn not_a_number(typed: &str) -> String {
    format!("{} n'est pas un nombre : écrivez seulement des chiffres, avec un point ou une virgule pour les décimales (12.5 ou 12,5)", q(typed))
}
pub fn not_a_number_cell(what: &str) -> String {
    format!("la cellule est {what} là où un nombre est attendu")
}
pub const A_DATE: &str = "une date du tableur";
pub const A_BOOLEAN: &str = "une valeur logique (VRAI ou FAUX)";
pub fn spreadsheet_error(e: &str) -> String {
    format!("la cellule contient une erreur du tableur ({e}) : remplacez la formule par sa valeur")
}
pub fn boolean(b: bool) -> String {
    format!(
        "la cellule est une valeur logique ({}) : tapez le texte voulu",
        if b { "VRAI" } else { "FAUX" }
    )
}
pub fn choice_case(typed: &str, value: &str) -> String {
    format!("{} lu comme {}", q(typed), q(value))
}
pub fn not_a_choice(typed: &str, values: &[&str]) -> String {
    format!(
        "{} n'est pas une valeur permise : {}",
        q(typed),
        values.iter().map(|v| q(v)).collect::<Vec<_>>().join(", ")
    )
}
pub fn region_number(n: &str, code: &str) -> String {
    format!("le code {n} a été changé en nombre par le tableur : lu comme {code} (tapez les codes comme du texte)")
}
pub fn region_name(name: &str, code: &str) -> String {
    format!(
        "{} est le nom d'une région : écrivez son code, {code}",
        q(name)
    )
}
pub fn theme_label(label: &str, id: &str) -> String {
    format!(
        "{} est le libellé d'un thème : écrivez son identifiant, {id}",
        q(label)
    )
}
pub fn missing_sheet(name: &str) -> String {
    format!("la feuille {} manque au classeur : reprenez-la du classeur exporté (même vide, avec sa ligne d'en-tête)", q(name))
}
pub fn sheet_renamed(found: &str) -> String {
    format!("feuille trouvée sous le nom {}", q(found))
}
pub fn unknown_sheet(cells: usize) -> String {
    format!(
        "feuille inconnue, ignorée ({cells} cellule{} non reprise{})",
        plural(cells),
        plural(cells)
    )
}
pub fn missing_column(near: Option<&str>) -> String {
    match near {
        Some(n) => format!("colonne absente (est-ce la colonne {}, mal nommée ?) : ajoutez-la, avec ce nom exact en première ligne", q(n)),
        None => "colonne absente : ajoutez-la, avec ce nom exact en première ligne".to_string(),
    }
}
pub fn column_renamed(found: &str) -> String {
    format!("colonne trouvée sous le nom {}", q(found))
}
pub fn unknown_column(cells: usize) -> String {
    match cells {
        0 => "colonne inconnue, vide : ignorée".to_string(),
        1 => "colonne inconnue, ignorée : sa cellule remplie n'est pas reprise dans les données".to_string(),
        n => format!("colonne inconnue, ignorée : ses {n} cellules remplies ne sont pas reprises dans les données"),
    }
}
pub fn unnamed_column(letter: &str, cells: usize) -> String {
    let what = if cells == 1 {
        "sa cellule remplie n'est pas reprise".to_string()
    } else {
        format!("ses {cells} cellules remplies ne sont pas reprises")
    };
    format!("la colonne {letter} n'a pas de nom en première ligne : ignorée, {what}")
}
pub const DUPLICATE_COLUMN: &str =
    "colonne en double : seule la première de ce nom est lue, renommez ou supprimez l'autre";
pub const COLUMNS_REORDERED: &str =
    "colonnes dans un autre ordre que celui du classeur exporté : elles sont lues par leur nom";
pub fn empty_rows(rows: &str) -> String {
    format!(
        "{rows} : vide{}, ignorée{}",
        plural_word(rows),
        plural_word(rows)
    )
}
pub const NO_RECORD_ID: &str =
    "ligne sans fiche : écrivez dans la colonne « fiche » l'identifiant de la fiche à laquelle elle appartient";
pub fn unknown_record(id: &str, near: Option<&str>) -> String {
    match near {
        Some(n) => format!("la fiche {} n'existe ni dans la feuille Accords ni dans la feuille Événements (vouliez-vous dire {} ?)", q(id), q(n)),
        None => format!("la fiche {} n'existe ni dans la feuille Accords ni dans la feuille Événements", q(id)),
    }
}
pub fn wrong_table(id: &str, is_event: bool, what: &str) -> String {
    let kind = if is_event {
        "un événement"
    } else {
        "un accord"
    };
    format!("la fiche {} est {kind}, qui n'a pas de {what}", q(id))
}
pub const ROW_WITHOUT_CONTENT: &str =
    "ligne qui ne donne que sa fiche, sans rien d'autre : ignorée";
pub const NO_ID: &str =
    "ligne sans identifiant : chaque fiche en a un (lettres minuscules, chiffres et tirets), que les autres feuilles reprennent dans la colonne « fiche »";
pub fn duplicate_list_target(id: &str, row: u32) -> String {
    format!("l'identifiant {} est aussi celui de la ligne {row} : les lignes des autres feuilles qui le donnent vont à cette première fiche", q(id))
}
pub fn refused_export(path: &str, why: &str) -> String {
    format!("{path} : {why}")
}
pub const EXPORT_WOULD_CHANGE: &str =
    "cette valeur ne passerait pas telle quelle par le classeur (espaces en début ou en fin, texte vide, caractère de contrôle, virgule dans un champ appuyé, objet vide) : corrigez-la dans le fichier JSON avant d'exporter";
pub const CONTROL_CHARACTER: &str =
    "texte avec un caractère de contrôle (retour chariot, caractère nul…) qu'un classeur ne peut pas tenir : retirez-le du fichier JSON (un retour à la ligne s'écrit \\n)";
pub const ENCRYPTED_WORKBOOK: &str =
    "le classeur est protégé par un mot de passe : ses cellules ne peuvent pas être lues. Enregistrez-le sans mot de passe (LibreOffice : Fichier > Enregistrer sous, décochez « Enregistrer avec mot de passe » ; Excel : Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe, videz le mot de passe)";
pub const OLD_EXCEL: &str =
    "le classeur est au format Excel 97-2003 (.xls) : enregistrez-le au format .xlsx ou .ods";
pub const NOT_A_WORKBOOK: &str = "ce n'est ni un classeur ODS ni un classeur XLSX";
pub fn unreadable_workbook(detail: &str) -> String {
    format!("le classeur ne peut pas être lu : {detail}")
}
pub fn unreadable_record(detail: &str) -> String {
    format!("fiche illisible, le classeur ne peut pas la reprendre : {detail}")
}
pub fn csv_unknown_sheet(name: &str, known: &[&str]) -> String {
    format!(
        "aucune feuille ne s'appelle {} : les feuilles sont {}",
        q(name),
        known.join(", ")
    )
}
pub fn csv_encoding(name: &str) -> String {
    format!("fichier CSV lu comme {name}")
}
pub fn csv_unreadable(detail: &str) -> String {
    format!("le fichier CSV ne peut pas être lu : {detail}")
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// "lignes 4 à 6" takes the plural, "ligne 4" does not.
fn plural_word(rows: &str) -> &'static str {
    if rows.starts_with("lignes") {
        "s"
    } else {
        ""
    }
}
