//! The editors' page in French.

pub const PAGE_TITLE: &str = "Éditer les données — Passerelles";
pub const PAGE_DESCRIPTION: &str = "Pour les éditeurs de Passerelles : vérifier un classeur ou le fichier de données, voir le site avec ces données, ajouter une fiche depuis son texte. Tout se passe dans le navigateur.";
pub const HEADING: &str = "Éditer les données";
pub const TAGLINE: &str =
    "Pour les personnes qui tiennent à jour les conventions et les événements de Passerelles";
pub const INTRO: &str = "Déposez le classeur (ODS, XLSX), une feuille enregistrée en CSV ou le fichier passerelles.json : la page le lit et le vérifie dans ce navigateur, avec le code même des outils en ligne de commande. Rien ne quitte votre ordinateur : aucun fichier n'est envoyé nulle part.";
pub const NOSCRIPT: &str = "Cette page a besoin de JavaScript pour lire et vérifier un fichier : activez-le dans votre navigateur.";
pub const SKIP: &str = "Aller au contenu";
pub const BACK_TO_SITE: &str = "Retour au site";
pub const OTHER_LANGUAGE: &str = "English";
pub const OTHER_LANGUAGE_CODE: &str = "en";
pub const FOOTER: &str =
    "Page des éditeurs : les fichiers y sont lus par ce navigateur et ne sont envoyés nulle part.";

pub const OPEN_TITLE: &str = "1. Ouvrir un fichier";
pub const DROP_LABEL: &str = "Déposez un fichier ici, ou choisissez-le";
pub const DROP_HINT: &str =
    "Classeur ODS ou XLSX, une feuille enregistrée en CSV, ou passerelles.json ; 25 Mo au plus.";
pub const OPEN_SITE: &str = "Partir des données du site";
/// How the site's data is named once opened.
pub const OPEN_SITE_NAME: &str = "données du site (data/passerelles.json)";
pub const CANCEL: &str = "Annuler la lecture";
pub const STEP_READING: &str = "Lecture du fichier…";
pub const STEP_CHECKING: &str = "Vérification des fiches…";
pub const STEP_WRITING: &str = "Écriture…";
pub const STARTING: &str = "Démarrage de la page…";
pub const FETCH_FAILED: &str =
    "Les données du site n'ont pas pu être chargées : déposez plutôt un fichier.";
pub const KEPT: &str = "Les données ouvertes avant restent telles quelles.";

pub fn reading_file(name: &str, percent: u32) -> String {
    format!("Lecture de « {name} » : {percent} %")
}
pub fn reading_sheets(name: &str, done: u32, total: u32) -> String {
    format!("Lecture des feuilles de « {name} » : {done} sur {total}")
}
pub fn read_ok(name: &str, agreements: u32, events: u32) -> String {
    format!(
        "« {name} » lu : {} ({} {}, {} {}).",
        records(agreements + events),
        n(agreements),
        if agreements > 1 { "accords" } else { "accord" },
        n(events),
        if events > 1 {
            "événements"
        } else {
            "événement"
        }
    )
}
/// A count as French writes it ("1 500").
fn n(count: u32) -> String {
    passerelles_core::wording::number::count_as(passerelles_core::wording::Lang::Fr, count as usize)
}
fn records(count: u32) -> String {
    format!(
        "{} fiche{} à afficher",
        n(count),
        if count > 1 { "s" } else { "" }
    )
}
pub fn left_out(count: u32) -> String {
    if count > 1 {
        format!(
            "{} fiches seraient écartées du site (voir leurs problèmes).",
            n(count)
        )
    } else {
        "1 fiche serait écartée du site (voir ses problèmes).".to_string()
    }
}
pub fn problems_count(errors: u32, warnings: u32) -> String {
    format!(
        "{} erreur{}, {} avertissement{}",
        n(errors),
        if errors > 1 { "s" } else { "" },
        n(warnings),
        if warnings > 1 { "s" } else { "" }
    )
}
pub fn too_large(name: &str, tenths_of_mb: u64, max_mb: u64) -> String {
    format!(
        "« {name} » fait {},{} Mo : la page lit au plus {max_mb} Mo. Est-ce bien un classeur ou le fichier de données ? Rien n'a été lu.",
        tenths_of_mb / 10,
        tenths_of_mb % 10
    )
}
pub fn empty(name: &str) -> String {
    format!("« {name} » est vide : rien n'a été lu.")
}
pub fn not_data(name: &str) -> String {
    format!("« {name} » n'est ni un classeur (ODS, XLSX), ni une feuille du classeur enregistrée en CSV, ni un fichier de données JSON : rien n'a été lu.")
}
pub fn encrypted(name: &str) -> String {
    format!("« {name} » est protégé par un mot de passe : ses cellules ne peuvent pas être lues. Enregistrez-le sans mot de passe (LibreOffice : Fichier > Enregistrer sous, décochez « Enregistrer avec mot de passe »), puis déposez-le à nouveau.")
}
pub fn old_excel(name: &str) -> String {
    format!("« {name} » est au format Excel 97-2003 (.xls) : enregistrez-le au format .xlsx ou .ods, puis déposez-le à nouveau.")
}
pub fn unknown_sheet(name: &str) -> String {
    format!("Les colonnes de « {name} » ne sont celles d'aucune feuille du classeur : une feuille enregistrée en CSV garde sa ligne d'en-tête telle que le classeur exporté l'écrit.")
}
pub fn broken(name: &str) -> String {
    format!("« {name} » ne peut pas être lu :")
}
pub fn cancelled(name: &str) -> String {
    format!("Lecture de « {name} » annulée.")
}
pub fn timed_out(name: &str, seconds: u32) -> String {
    format!("« {name} » n'a pas été lu en {seconds} secondes : lecture abandonnée.")
}
pub fn failed(name: &str) -> String {
    format!("« {name} » n'a pas pu être lu : la lecture s'est arrêtée (le navigateur a pu manquer de mémoire).")
}
pub fn added(id: &str) -> String {
    format!("Fiche « {id} » enregistrée dans le fichier : voyez-la dans l'aperçu, puis téléchargez le fichier pour la publier.")
}

pub const PROBLEMS_TITLE: &str = "2. Problèmes";
pub const NO_PROBLEM: &str = "Aucun problème : ce fichier peut être publié tel quel.";
pub const LEVEL_ERROR: &str = "Erreur";
pub const LEVEL_WARNING: &str = "Avertissement";
pub const AT_FILE: &str = "Le fichier";
pub const FIX_IN_FORM: &str = "Corriger dans le formulaire";
/// Said on the English page only.
pub const MESSAGES_IN_FRENCH: &str = "";
pub const NOTES_TITLE: &str = "Comment le fichier a été lu";
pub const COLUMN: &str = "Colonne";
pub const VALUE: &str = "Valeur";

pub fn at_cell(sheet: &str, row: u32, column: &str) -> String {
    let mut out = format!("Feuille {sheet}");
    if row > 0 {
        out.push_str(&format!(", ligne {row}"));
    }
    if !column.is_empty() {
        out.push_str(&format!(", colonne « {column} »"));
    }
    out
}
pub fn at_line(line: u32, column: u32) -> String {
    format!("Ligne {line}, colonne {column}")
}
pub fn show_row(row: u32) -> String {
    format!("Voir la ligne {row}")
}
pub fn show_line(line: u32) -> String {
    format!("Voir la ligne {line} du fichier")
}
pub fn more_problems(n: usize) -> String {
    format!("… et {n} autres : corrigez d'abord ceux-ci, puis déposez le fichier à nouveau.")
}

pub const PREVIEW_TITLE: &str = "3. Voir le site avec ces données";
pub const PREVIEW_INTRO: &str = "Le site tel que les visiteurs le verront : les fiches, les filtres, la carte, la frise, les pages des fiches. Une fiche qui a un problème en est écartée, comme elle le serait en ligne.";
pub const PREVIEW_BUTTON: &str = "Voir le site avec ces données";
pub const PREVIEW_AGAIN: &str = "Mettre l'aperçu à jour";
pub const PREVIEW_MAKING: &str = "Préparation de l'aperçu…";
pub const PREVIEW_STALE: &str = "Les données ont changé depuis cet aperçu : mettez-le à jour.";
pub const PREVIEW_CLOSE: &str = "Fermer l'aperçu";
pub const PREVIEW_PAGE_TITLE: &str = "Aperçu — Passerelles";
pub const PREVIEW_PAGE_NOTICE: &str =
    "Aperçu d'un fichier ouvert dans la page des éditeurs : ces données ne sont pas en ligne.";
pub const PREVIEW_PAGE_WAIT: &str = "Préparation de l'aperçu…";

pub fn preview_banner(name: &str) -> String {
    format!("Aperçu de « {name} », un fichier de votre ordinateur : le site tel que les visiteurs le verront une fois ces données publiées. Rien n'est en ligne.")
}
pub fn preview_frame_title(name: &str) -> String {
    format!("Aperçu du site avec les données de « {name} »")
}

pub const RECORD_TITLE: &str = "4. Ajouter ou modifier une fiche";
pub const RECORD_INTRO: &str = "Un formulaire fait des champs du format, l'aide de chacun à côté ; collez le texte source (le communiqué), sélectionnez-en les phrases qui appuient chaque champ : ce sont les extraits. Les vérifications du validateur se font pendant la saisie.";
pub const NEW_AGREEMENT: &str = "Nouvel accord";
pub const NEW_EVENT: &str = "Nouvel événement";
pub const EDIT_LABEL: &str = "Ou modifier une fiche du fichier";
pub const EDIT_NONE: &str = "(choisissez une fiche)";
pub const EDIT_BUTTON: &str = "Modifier";
pub const PICK_RECORD: &str = "Choisissez d'abord une fiche dans la liste.";
pub const REQUIRED: &str = "obligatoire";
pub const SUGGEST_ID: &str = "Proposer un identifiant";
pub const ADD_ID: &str = "Ajouter";
pub const ADD: &str = "Ajouter";
pub const REMOVE: &str = "Retirer";
pub const NONE_OPTION: &str = "(aucun)";
pub const UNKNOWN_FIELDS: &str = "Champs que le format ne connaît pas (le validateur les refuse) :";
pub const REMOVE_FIELD: &str = "Retirer ce champ";

pub fn form_title_new(agreement: bool) -> String {
    if agreement {
        "Nouvel accord"
    } else {
        "Nouvel événement"
    }
    .to_string()
}
pub fn form_title_edit(id: &str) -> String {
    format!("Modifier « {id} »")
}
pub fn item_legend(label: &str, n: usize) -> String {
    format!("{label} n° {n}")
}
pub fn add_item(label: &str) -> String {
    format!("Ajouter : {}", label.to_lowercase())
}
pub fn remove_item(label: &str, n: usize) -> String {
    format!("Retirer {} n° {n}", label.to_lowercase())
}
pub fn entry_option(id: &str, title: &str) -> String {
    format!("{id} — {title}")
}

pub const DATE_PRECISION: &str = "Ce que le texte dit de la date";
pub const DATE_DAY_KIND: &str = "un jour";
pub const DATE_MONTH_KIND: &str = "un mois";
pub const DATE_YEAR_KIND: &str = "une année";
pub const DATE_INTERVAL_KIND: &str = "des bornes (au plus tôt, au plus tard, entre deux dates)";
pub const DATE_UNKNOWN_KIND: &str = "rien (date inconnue)";
pub const DATE_DAY: &str = "Jour";
pub const DATE_MONTH: &str = "Mois";
pub const DATE_YEAR: &str = "Année";
pub const DATE_START: &str = "Début (au plus tôt)";
pub const DATE_END: &str = "Fin (au plus tard)";
pub const END_OPEN: &str = "ouvert : le texte ne dit rien";
pub const END_DAY: &str = "un jour";
pub const END_MONTH: &str = "un mois";
pub const END_YEAR: &str = "une année";

pub fn date_value(value: &str) -> String {
    format!("Valeur écrite : {value}")
}
pub fn date_reads(text: &str) -> String {
    format!("Le site l'écrira : « {text} »")
}

pub const SOURCE_TEXT: &str = "Texte source (collez-y le communiqué)";
pub const SOURCE_HINT: &str = "Sélectionnez une phrase du texte, puis « Ajouter la sélection comme extrait » : l'extrait est copié du texte, mot pour mot, jamais retapé. Cochez ensuite les champs qu'il appuie.";
pub const ADD_EXCERPT: &str = "Ajouter la sélection comme extrait";
pub const NO_SELECTION: &str = "Sélectionnez d'abord un passage du texte source.";
pub const SUPPORTS: &str = "Champs que cet extrait appuie";
pub const NO_SUPPORTS: &str = "Cochez au moins un champ.";
pub const EXCERPT_IN_TEXT: &str = "Mot pour mot dans le texte collé.";
pub const EXCERPT_NOT_IN_TEXT: &str =
    "Pas dans le texte collé : collez le texte d'où il vient pour le vérifier.";
pub const REMOVE_EXCERPT: &str = "Retirer l'extrait";
pub const NO_EXCERPT: &str = "Aucun extrait pour l'instant.";

pub fn excerpt_added(chars: usize) -> String {
    format!("Extrait ajouté ({chars} caractères).")
}
pub fn excerpt_legend(n: usize) -> String {
    format!("Extrait n° {n}")
}

pub const TO_FILL: &str = "Obligatoires, encore vides :";
pub const CHECKING: &str = "Vérification…";
pub const FORM_OK: &str = "Aucun problème : la fiche peut être enregistrée dans le fichier.";
pub const APPLY_NEW: &str = "Ajouter la fiche au fichier";
pub const APPLY_EDIT: &str = "Enregistrer la fiche dans le fichier";
pub const APPLYING: &str = "Enregistrement…";
pub const CLOSE_FORM: &str = "Fermer sans enregistrer";
pub const NEEDS_DATA: &str =
    "Ouvrez d'abord un fichier, ou partez des données du site : une fiche s'ajoute à des données.";

pub fn form_problems(n: usize) -> String {
    if n > 1 {
        format!("{n} problèmes à corriger :")
    } else {
        "1 problème à corriger :".to_string()
    }
}

pub const PUBLISH_TITLE: &str = "5. Publier";
pub const DOWNLOAD_JSON: &str = "Télécharger passerelles.json";
pub const DOWNLOAD_ODS: &str = "Télécharger le classeur (ODS)";
pub const DOWNLOAD_XLSX: &str = "Télécharger le classeur (XLSX)";
pub const WRITING: &str = "Écriture du classeur…";
pub const PUBLISH_HOW: &str = "Pour publier passerelles.json, deux façons :";
pub const PUBLISH_HOW_COMMIT: &str = "dans le dépôt du site, remplacez data/passerelles.json par ce fichier et enregistrez le changement (un commit) : la construction du site (make build) le vérifie et publie les pages ;";
pub const PUBLISH_HOW_HOST: &str = "ou, chez l'hébergeur, remplacez data/passerelles.json par ce fichier, puis relancez la construction du site.";
pub const CHANGED_NOTE: &str = "Le fichier contient vos changements : téléchargez-le avant de quitter la page, rien n'est gardé ailleurs.";
pub const EXPORT_REFUSED: &str = "Le classeur n'a pas pu être écrit :";

pub fn not_publishable(errors: u32) -> String {
    format!(
        "Corrigez d'abord {} : un fichier avec une erreur arrête la construction du site.",
        if errors > 1 {
            format!("les {errors} erreurs")
        } else {
            "l'erreur".to_string()
        }
    )
}
