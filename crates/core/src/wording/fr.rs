//! Every word the interface shows, in French.

pub const APP_NAME: &str = "Passerelles";
/// Quotation marks around words quoted from a text.
pub const QUOTE_OPEN: &str = "« ";
pub const QUOTE_CLOSE: &str = " »";
pub const HTML_LANG: &str = "fr";
pub const OG_LOCALE: &str = "fr_FR";
/// The link to the other language, written in that language.
pub const OTHER_LANGUAGE: &str = "English";
pub const OTHER_LANGUAGE_CODE: &str = "en";
/// Said on the English page only (the records are in French already here).
pub const RECORDS_IN_FRENCH: &str = "";
/// The template's own words (index.html), replaced on the English pages.
pub const NOSCRIPT: &str = "Sans JavaScript, cette page se lit mais ne se filtre pas : activez JavaScript dans votre navigateur pour chercher et filtrer les conventions et les événements.";
/// Before and after the link to the offline file (`passerelles.html`).
pub const FILE_NOTICE: &str = "Cette page a été ouverte depuis un fichier : elle se lit, mais ses filtres ne fonctionnent que sur un site web. Pour tout explorer hors ligne, ouvrez plutôt ";
pub const FILE_NOTICE_END: &str = ", dans le même dossier.";
/// The titles of the feeds every page advertises.
pub const FEED_EVENTS_TITLE: &str = "Passerelles : tous les événements (iCalendar)";
pub const FEED_RECORDS_TITLE: &str =
    "Passerelles : les fiches, des plus récentes aux plus anciennes (Atom)";
/// What the front page says of itself to search engines and link previews.
pub const SITE_DESCRIPTION: &str = "Passerelles : explorer les conventions de partenariat et les événements de l'économie sociale et solidaire.";
pub const OFFLINE_LINK: &str = "Télécharger pour consulter hors ligne";
pub const OFFLINE_HINT: &str = "un seul fichier, qui s'ouvre sans connexion";
/// The footer's discreet link to the editors' page (crates/editor).
pub const EDITORS_LINK: &str = "Éditer les données";
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
// A large dataset's parts, fetched as the view needs them.
pub const LOADING_PART: &str = "Chargement de la suite des données…";
pub const PART_UNAVAILABLE: &str =
    "Une partie des données n'a pas pu être téléchargée : vérifiez la connexion, puis réessayez.";
pub const PART_STALE: &str = "Une partie des données reçue ne correspond pas à la page : le site a sans doute été mis à jour depuis son ouverture. Rechargez la page.";
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
pub const ERR_PACK_SPLIT: &str = "Ce fichier de données est découpé pour un grand site (« pack --split ») : cette page a été construite sans son lecteur. Construisez le site avec « make release-large », ou compilez ce fichier d'un seul tenant (« pack » sans « --split »).";
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
pub const SHEET_CLOSE: &str = "Fermer les filtres";
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
// A date the text only bounds (an EDTF interval), and where an agreement
// stands (src/wording/format.rs, src/pack/card.rs, src/pack/detail.rs).
/// "au plus tard le 10 juillet 2015", "au plus tard en novembre 2015";
/// `on_a_day`: the date is a day's.
pub fn date_at_latest(date: &str, on_a_day: bool) -> String {
    format!(
        "au plus tard {}{date}",
        if on_a_day { "le " } else { "en " }
    )
}
/// "au plus tôt le 12 novembre 2007", "au plus tôt en 2007".
pub fn date_at_earliest(date: &str, on_a_day: bool) -> String {
    format!("au plus tôt {}{date}", if on_a_day { "le " } else { "en " })
}
/// "entre le 12 novembre et le 31 décembre 2007", "entre novembre et
/// décembre 2015": each end as [`crate::wording::format`] shortens it.
pub fn date_between(start: &str, start_day: bool, end: &str, end_day: bool) -> String {
    let le = |day: bool| if day { "le " } else { "" };
    format!("entre {}{start} et {}{end}", le(start_day), le(end_day))
}
/// Before the notes of an interval's bounds, in a record's detail.
pub const DATE_START_NOTE: &str = "Début : ";
pub const DATE_END_NOTE: &str = "Fin : ";
pub const D_STATUS: &str = "Statut";
pub const STATUS_ANNOUNCED: &str = "annoncé";
/// How an announced agreement's date reads: it is the one its text plans
/// (in the text's own words when they are given), not a date seen to pass.
pub fn status_announced_note(planned: Option<&str>) -> String {
    match planned {
        Some(words) => format!("Le texte l'annonce sans le montrer signé : sa date est celle qu'il prévoit (« {words} »), pas une date constatée."),
        None => "Le texte l'annonce sans le montrer signé : sa date est celle qu'il prévoit, pas une date constatée.".to_string(),
    }
}
/// An announced agreement's date, as planned: "prévu entre le 12 novembre et le 31 décembre 2007".
pub fn planned(date: &str) -> String {
    format!("prévu {date}")
}
pub const CLEAR: &str = "Effacer les filtres";
pub const RESULTS: &str = "Résultats";
pub const NO_RECORD: &str = "Aucune fiche";
/// "Aucune fiche", "1 fiche", "1 750 fiches".
pub fn records_count(n: usize) -> String {
    match n {
        0 => NO_RECORD.to_string(),
        1 => "1 fiche".to_string(),
        n => format!("{} fiches", super::number::count_as(super::Lang::Fr, n)),
    }
}
pub const SORT_LABEL: &str = "Trier par";
pub const SORT_RECENT: &str = "Plus récentes d'abord";
pub const SORT_OLDEST: &str = "Plus anciennes d'abord";
pub const SORT_TITLE: &str = "Titre (A → Z)";
pub const SORT_RELEVANCE: &str = "Pertinence";
// Search that understands the texts (src/ui/highlight.rs, src/ui/glossary.rs).
pub const DID_YOU_MEAN: &str = "Vouliez-vous dire";
pub const CORRECTED_SHOWN: &str = "Fiches trouvées en corrigeant la recherche.";
pub const GLOSSARY: &str = "Glossaire";
pub const GLOSSARY_LINK: &str = "Sigles et termes des textes : le glossaire";
pub const GLOSSARY_BACK: &str = "Retour aux conventions et aux événements";
/// The glossary page's description, for search engines and link previews.
pub const GLOSSARY_DESCRIPTION: &str = "Les sigles et les termes des conventions de partenariat et des événements de l'économie sociale et solidaire, avec ce que les textes en disent.";
pub const GLOSSARY_INTRO: &str = "Les sigles et les termes des textes sources, avec ce que les textes en disent et l'extrait qui le dit.";
pub const GLOSSARY_NO_EXPANSION: &str = "Les textes ne développent pas ce sigle.";
pub const GLOSSARY_DEFINITION: &str = "Dans les textes";
pub const GLOSSARY_SOURCE: &str = "Texte source";
pub fn glossary_search(term: &str) -> String {
    format!("Chercher « {term} »")
}
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
    "Le détail de cette fiche n'a pas pu être chargé. Vérifiez votre connexion, puis réessayez.";
pub const RECORD_GONE: &str = "Le détail de cette fiche n'est plus sur le serveur : le site a sans doute été mis à jour depuis l'ouverture de la page. Rechargez la page.";
pub const RECORD_STALE: &str = "Le détail reçu pour cette fiche ne correspond pas aux données de la page : le site a sans doute été mis à jour depuis son ouverture. Rechargez la page.";
pub const RECORD_DAMAGED: &str = "Le détail de cette fiche est arrivé endommagé. Rechargez la page ; si cela se reproduit, prévenez la personne qui publie le site.";
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
        "status" => "statut",
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
/// The sheet of filters' way back to the list, with what it will show.
pub fn see_records(n: usize) -> String {
    match n {
        0 => "Voir les résultats (aucune fiche)".into(),
        n => format!("Voir {}", records_count(n)),
    }
}
/// After "Filtrer", for a screen reader: how many filters apply.
pub fn active_filters(n: usize) -> String {
    match n {
        1 => "(1 filtre actif)".into(),
        n => format!("({n} filtres actifs)"),
    }
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
pub fn download_stalled(url: &str) -> String {
    format!("Le téléchargement de « {url} » s'est interrompu : le serveur ne répond plus.")
}
pub const HELP_NETWORK: &str = "Vérifiez votre connexion, puis réessayez.";
pub const RETRY: &str = "Réessayer";
pub const RELOAD: &str = "Recharger la page";
pub const LOAD_FAILED_FILE: &str = "Fichier";

// Embedding in a partner's page (src/state/embed.rs, src/ui/embed_dialog.rs).
pub const EMBED_OPEN: &str = "Intégrer cette vue";
/// Before "Intégrer cette vue", in the footer.
pub const FOR_PARTNERS: &str = "Pour le site d'un partenaire :";
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
// Taking the results away (src/export/, src/ui/export.rs).
/// The columns of a CSV export, in order (src/export/csv.rs).
pub const CSV_COLUMNS: [&str; 14] = [
    "Type",
    "Identifiant",
    "Titre",
    "Nature",
    "Date",
    "Date (ISO 8601)",
    "Précision de la date",
    "Date dans le texte",
    "Horaire",
    "Lieu",
    "Territoires",
    "Thèmes",
    "Parties ou organisateur",
    "Adresse de la fiche",
];
pub const PRECISION_DAY: &str = "jour";
pub const PRECISION_MONTH: &str = "mois";
pub const PRECISION_YEAR: &str = "année";
pub const PRECISION_NONE: &str = "inconnue";
pub const PRECISION_INTERVAL: &str = "intervalle";
/// In an export's file name, a period open at one end.
pub const FILE_FROM: &str = "depuis";
pub const FILE_TO: &str = "jusqu'à";
pub const FEED_ATOM_TITLE: &str = "Passerelles : les fiches, des plus récentes aux plus anciennes";
pub const FEED_ALL_EVENTS: &str = "Passerelles : tous les événements";
pub fn feed_events_of(what: &str) -> String {
    format!("Passerelles : événements, {what}")
}
pub const EXPORT_LABEL: &str = "Exporter ces résultats :";
pub const EXPORT_CSV: &str = "Tableur (CSV)";
pub const EXPORT_JSON: &str = "Données (JSON)";
pub const EXPORT_ICS: &str = "Agenda (iCalendar)";
pub const ADD_TO_CALENDAR: &str = "Ajouter à mon agenda";
pub const EXPORT_PREPARING: &str = "Préparation du fichier…";
/// "Fichier téléchargé : 5 fiches, dans l'ordre de la liste."
pub fn records_exported(n: usize) -> String {
    let mut out = String::from("Fichier téléchargé : ");
    out.push_str(&records_count(n));
    out.push_str(", dans l'ordre de la liste.");
    out
}
/// "Agenda téléchargé : 5 événements."
pub fn calendar_exported(n: usize) -> String {
    let mut out = String::from("Agenda téléchargé : ");
    counted(&mut out, n, "événement", "événements");
    out.push('.');
    out
}
/// "2 événements", "1 événement".
fn counted(out: &mut String, n: usize, one: &str, many: &str) {
    out.push_str(&n.to_string());
    out.push(' ');
    out.push_str(if n == 1 { one } else { many });
}
pub const NO_CALENDAR_EVENT: &str =
    "Aucun de ces résultats n'est un événement daté au jour : il n'y a rien à mettre dans un agenda.";
/// Why some events are not in the calendar: "3 événements laissés de
/// côté, faute de jour connu : 1 daté seulement au mois, 2 sans date."
pub fn calendar_left_out(month: usize, year: usize, bounded: usize, undated: usize) -> String {
    let mut out = String::new();
    counted(
        &mut out,
        month + year + bounded + undated,
        "événement laissé",
        "événements laissés",
    );
    out.push_str(" de côté, faute de jour connu :");
    for (n, one, many) in [
        (month, "daté seulement au mois", "datés seulement au mois"),
        (
            year,
            "daté seulement à l'année",
            "datés seulement à l'année",
        ),
        (
            bounded,
            "daté seulement entre deux bornes",
            "datés seulement entre deux bornes",
        ),
        (undated, "sans date", "sans date"),
    ] {
        if n > 0 {
            if !out.ends_with(':') {
                out.push(',');
            }
            out.push(' ');
            counted(&mut out, n, one, many);
        }
    }
    out.push('.');
    out
}
pub const EXPORT_EMBED_HINT: &str = "Si rien ne se télécharge, le site qui présente ces fiches ne l'autorise pas : ouvrez la vue en plein écran pour exporter.";
pub const EXPORT_UNAVAILABLE: &str =
    "Le fichier d'export n'a pas pu être chargé. Vérifiez votre connexion, puis réessayez.";
/// An exports file gone from the server, of another build, or damaged: the
/// visitor can only reload, whichever it was.
pub const EXPORT_RELOAD: &str = "Le fichier d'export ne correspond plus aux données de la page (le site a sans doute été mis à jour depuis son ouverture) ou est arrivé endommagé. Rechargez la page.";
// The period's approximate records and the strict switch (the page).
pub const DATE_APPROXIMATE: &str = "date approximative";
/// The strict switch: leaves out what the badge above marks.
pub const STRICT_SWITCH: &str = "Écarter les dates approximatives";
// The map and the timeline (their own module, src/ui/island/).
pub const MAP_LABEL: &str = "Carte des régions";
pub const MAP_KEY: &str = "Fiches par région";
pub const MAP_NONE: &str = "aucune";
pub const MAP_CREDIT: &str = "Contours : IGN / INSEE";
pub const TIMELINE_BY_YEAR: &str = "Frise : fiches par année";
pub const TIMELINE_BY_MONTH: &str = "Frise : fiches par mois";
pub const TIMELINE_HELP: &str = "Glissez sur les barres pour choisir une période. Au clavier : les flèches la déplacent, Maj et une flèche l'étendent, Échap l'efface.";
pub const TIMELINE_KNOWN: &str = "date connue";
pub const TIMELINE_APPROXIMATE: &str =
    "date approchée, comptée dans chaque barre où elle peut tomber";
pub const TIMELINE_EMPTY: &str = "Aucune de ces fiches n'a de date connue.";
/// Beside "?", under the bar of unknown dates.
pub const TIMELINE_UNKNOWN: &str = "date inconnue";
/// "9 fiches", "aucune fiche" within a sentence.
fn fiches(n: u32) -> String {
    match n {
        0 => "aucune fiche".into(),
        n => records_count(n as usize),
    }
}
/// A region on the map: "Île-de-France : 9 fiches".
pub fn map_region(name: &str, n: u32) -> String {
    format!("{name} : {}", fiches(n))
}
/// A bar of the timeline: "2019 : 3 fiches, et 2 de plus peut-être".
pub fn timeline_bar(when: &str, certain: u32, possible: u32) -> String {
    let mut out = format!("{when} : {}", fiches(certain));
    if possible > 0 {
        let more = super::number::count_as(super::Lang::Fr, possible as usize);
        out.push_str(&format!(", et {more} de plus peut-être"));
    }
    out
}
pub fn timeline_unknown(n: u32) -> String {
    format!("Date inconnue : {}", fiches(n))
}

// Pages of one theme, region or type (crates/build/src/bin/prerender.rs).
/// "Insertion : conventions et événements" (a theme, a region, a type).
pub fn facet_page_title(what: &str) -> String {
    format!("{what} : conventions et événements")
}
/// "Insertion, La Réunion".
pub fn facet_pair(theme: &str, region: &str) -> String {
    format!("{theme}, {region}")
}
/// What a facet page holds, for search engines and link previews.
pub fn facet_page_description(what: &str, agreements: usize, events: usize) -> String {
    let mut out = String::from("Passerelles : ");
    match agreements + events {
        0 => out.push_str("aucune fiche pour l'instant"),
        n => {
            out.push_str(&records_count(n));
            out.push_str(" (");
            counted(&mut out, agreements, "accord", "accords");
            out.push_str(", ");
            counted(&mut out, events, "événement", "événements");
            out.push(')');
        }
    }
    out.push_str(" de l'économie sociale et solidaire et des organisations d'employeurs, « ");
    out.push_str(what);
    out.push_str(" », avec leurs sources.");
    out
}
/// "Passerelles : les fiches, Insertion" (an Atom feed of one facet).
pub fn feed_records_of(what: &str) -> String {
    format!("Passerelles : les fiches, {what}")
}
pub const SUBSCRIBE: &str = "Suivre cette page :";
pub const SUBSCRIBE_ATOM: &str = "les nouvelles fiches (flux Atom)";
pub const SUBSCRIBE_ICS: &str = "ses événements dans votre agenda (iCalendar)";
/// The kind of page a link preview shows above its title.
pub const PREVIEW_SITE: &str = "Conventions et événements de l'économie sociale et solidaire";
/// What the preview image shows, for those who do not see it.
pub fn preview_alt(title: &str, what: &str) -> String {
    format!("{title} — {what}")
}
// Web calendars (export::web_calendars), beside "Ajouter à mon agenda".
pub const ADD_TO_GOOGLE: &str = "Ajouter à Google Agenda";
pub const ADD_TO_OUTLOOK: &str = "Ajouter à Outlook (web)";
// In a frame that allows scripts only (WordPress's): what to do instead.
pub const SANDBOX_NO_DOWNLOAD: &str = "Le site qui présente ces fiches interdit les téléchargements depuis ce cadre : ouvrez « Voir en plein écran » pour exporter ou ajouter à votre agenda.";
/// When the host page did not open the full view.
pub fn fullscreen_blocked(url: &str) -> String {
    format!("Le site qui présente ces fiches n'a pas ouvert la vue en plein écran. Ouvrez cette adresse dans un nouvel onglet : {url}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_messages_agree_in_number() {
        assert_eq!(
            records_exported(5),
            "Fichier téléchargé : 5 fiches, dans l'ordre de la liste."
        );
        assert_eq!(calendar_exported(1), "Agenda téléchargé : 1 événement.");
        assert_eq!(
            calendar_left_out(1, 0, 0, 2),
            "3 événements laissés de côté, faute de jour connu : 1 daté seulement au mois, 2 sans date."
        );
        assert_eq!(
            calendar_left_out(0, 1, 0, 0),
            "1 événement laissé de côté, faute de jour connu : 1 daté seulement à l'année."
        );
    }
}
