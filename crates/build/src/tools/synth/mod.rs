//! Synthetic datasets in the real schema, for measuring the app at scale
//! (`gen-data`, `make bench`). They are never shipped: every record says in
//! its source that it is invented.
//!
//! The spread imitates what real data would look like, because the engine's
//! costs depend on it: regions skewed towards Île-de-France, one to four
//! themes a record, twenty years of dates at day, month or year precision,
//! a few only bounded (EDTF intervals, open at one end or closed) and some
//! unknown, French text with accents and ligatures for the folding
//! and the search vocabulary, events linked to agreements and to programmes.
//! Same seed, same bytes: results can be compared run to run.

use serde::Serialize;

mod vocabulary;
use vocabulary::{
    lexicon, AGREEMENT_KINDS, COMMUNES, EVENT_KINDS, FIRST_NAMES, INVOLVEMENTS, LAST_NAMES,
    PARTIES, ROLES, THEME_WEIGHTS, TOPICS, VENUES,
};

use passerelles_core::data::date::{days_in_month, PartialDate, Precision};
use passerelles_core::data::model::{
    Agreement, DateInfo, Event, Excerpt, Party, Person, Place, Quantity, RawDataset, Region,
    Registration, Source, Theme, TimeSpan, NATIONAL,
};

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough to pick
/// among templates; no cryptographic or statistical claims are needed here.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the bias is negligible for small `n`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with probability proportional to `weights[i]`.
    pub fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut r = self.below(weights.iter().sum());
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}

/// The file `gen-data` writes: the shipped vocabularies and generated records.
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    pub regions: Vec<Region>,
    pub themes: Vec<Theme>,
    pub agreements: Vec<Agreement>,
    pub events: Vec<Event>,
}

/// The region and theme vocabularies of the shipped dataset, read at compile
/// time so that generated records can never drift from them.
pub fn vocabularies() -> (Vec<Region>, Vec<Theme>) {
    let raw: RawDataset =
        serde_json::from_str(include_str!("../../../../../data/passerelles.json"))
            .expect("data/passerelles.json is checked by the dataset tests");
    (raw.regions, raw.themes)
}

/// Share of regional records per region code, roughly by population and ESS
/// activity; Île-de-France leads. Codes absent here weigh [`OTHER_REGION_WEIGHT`].
const REGION_WEIGHTS: &[(&str, usize)] = &[
    ("11", 30),
    ("84", 11),
    ("76", 8),
    ("75", 8),
    ("32", 7),
    ("93", 7),
    ("44", 7),
    ("52", 5),
    ("53", 4),
    ("28", 4),
    ("27", 3),
    ("24", 3),
    ("04", 2),
];
const OTHER_REGION_WEIGHT: usize = 1;
/// Percent of records of national scope.
const NATIONAL_PERCENT: usize = 8;
/// Percent of regional records that concern a second region too.
const TWO_REGIONS_PERCENT: usize = 12;

const FIRST_YEAR: i32 = 2006;
const YEARS: usize = 20;
/// Percent of records dated to the day, month or year, or only bounded (an
/// interval: open at its start, open at its end or closed, in turn); the
/// rest have no date.
const DAY_PERCENT: usize = 55;
const MONTH_PERCENT: usize = 20;
const YEAR_PERCENT: usize = 15;
const INTERVAL_PERCENT: usize = 4;
/// Share of records that are agreements; the rest are events.
const AGREEMENT_PERCENT: usize = 40;
/// Invented words in each record's description (see [`vocabulary::lexicon`]).
const DESCRIPTION_WORDS: usize = 6;
/// Share of events that are programmes, that other events may be part of.
const PROGRAMME_PERCENT: usize = 5;

/// Generates `records` records (agreements first, then events) from `seed`.
pub fn generate(records: usize, seed: u64) -> Dataset {
    let (regions, themes) = vocabularies();
    let mut g = Generator::new(seed, &regions, &themes);
    let agreement_count = records * AGREEMENT_PERCENT / 100;
    let agreements: Vec<Agreement> = (0..agreement_count).map(|i| g.agreement(i)).collect();
    let mut programmes: Vec<String> = Vec::new();
    let mut events = Vec::with_capacity(records - agreement_count);
    for i in 0..records - agreement_count {
        let e = g.event(i, &agreements, &programmes);
        if e.kind == "programme" {
            programmes.push(e.id.clone());
        }
        events.push(e);
    }
    Dataset {
        regions,
        themes,
        agreements,
        events,
    }
}

struct Generator<'a> {
    rng: SplitMix64,
    lexicon: Vec<String>,
    seed: u64,
    regions: &'a [Region],
    region_weights: Vec<usize>,
    themes: &'a [Theme],
}

/// A record's date, with the text's words for it.
struct Dated {
    info: DateInfo,
    /// The year for ids, `None` when unknown.
    year: Option<i32>,
}

impl<'a> Generator<'a> {
    fn new(seed: u64, regions: &'a [Region], themes: &'a [Theme]) -> Generator<'a> {
        let region_weights = regions
            .iter()
            .map(|r| {
                if r.code == NATIONAL {
                    0
                } else {
                    REGION_WEIGHTS
                        .iter()
                        .find(|(c, _)| *c == r.code)
                        .map_or(OTHER_REGION_WEIGHT, |&(_, w)| w)
                }
            })
            .collect();
        Generator {
            rng: SplitMix64::new(seed),
            lexicon: lexicon(),
            seed,
            regions,
            region_weights,
            themes,
        }
    }

    /// A description in invented words, the frequent ones far more often
    /// (a draw below a bound itself drawn: roughly Zipf), as a corpus has.
    fn description(&mut self) -> String {
        let words: Vec<&str> = (0..DESCRIPTION_WORDS)
            .map(|_| {
                let bound = 1 + self.rng.below(self.lexicon.len());
                self.lexicon[self.rng.below(bound)].as_str()
            })
            .collect();
        format!("Travaux : {}.", words.join(", "))
    }

    fn region(&mut self) -> &'a Region {
        &self.regions[self.rng.weighted(&self.region_weights)]
    }

    /// Territory codes and, for a regional record, the region it happens in.
    fn territory(&mut self) -> (Vec<String>, Option<&'a Region>) {
        if self.rng.chance(NATIONAL_PERCENT) {
            return (vec![NATIONAL.to_string()], None);
        }
        let main = self.region();
        let mut codes = vec![main.code.clone()];
        if self.rng.chance(TWO_REGIONS_PERCENT) {
            let other = self.region();
            if other.code != main.code {
                codes.push(other.code.clone());
            }
        }
        (codes, Some(main))
    }

    fn place(&mut self, region: Option<&Region>, venue: bool) -> Option<Place> {
        let region = region?;
        let communes = COMMUNES
            .iter()
            .find(|(c, _)| *c == region.code)
            .map_or(&["Chef-lieu"][..], |(_, list)| list);
        let with_venue = venue && self.rng.chance(60);
        Some(Place {
            name: with_venue.then(|| self.rng.pick(VENUES).to_string()),
            address: (with_venue && self.rng.chance(50))
                .then(|| format!("{} rue de l'Économie", 1 + self.rng.below(120))),
            commune: Some(self.rng.pick(communes).to_string()),
            region: Some(region.code.clone()),
        })
    }

    /// One to four distinct theme positions, the first one leading.
    fn themes(&mut self) -> Vec<usize> {
        let count = 1 + self.rng.weighted(&[35, 35, 20, 10]);
        let mut picked: Vec<usize> = Vec::with_capacity(count);
        let weights: Vec<usize> = (0..self.themes.len())
            .map(|k| THEME_WEIGHTS.get(k).copied().unwrap_or(5))
            .collect();
        while picked.len() < count.min(self.themes.len()) {
            let k = self.rng.weighted(&weights);
            if !picked.contains(&k) {
                picked.push(k);
            }
        }
        picked
    }

    fn topic(&mut self, theme: usize) -> &'static str {
        let id = self.themes[theme].id.as_str();
        let pair: &[&'static str] = TOPICS
            .iter()
            .find(|(t, _)| *t == id)
            .map_or(&TOPICS[0].1, |(_, p)| p);
        pair[self.rng.below(pair.len())]
    }

    fn date(&mut self) -> Dated {
        let year = FIRST_YEAR + self.rng.below(YEARS) as i32;
        let month = 1 + self.rng.below(12) as u8;
        let day = 1 + self.rng.below(days_in_month(year, month) as usize) as u8;
        let month_name = passerelles_core::wording::number::MONTHS[month as usize - 1];
        let p = self.rng.below(100);
        let (mut start_note, mut end_note) = (None, None);
        let (value, text, note, known) = if p < DAY_PERCENT {
            (
                Some(format!("{year}-{month:02}-{day:02}")),
                Some(format!("le {day} {month_name} {year}")),
                None,
                true,
            )
        } else if p < DAY_PERCENT + MONTH_PERCENT {
            (
                Some(format!("{year}-{month:02}")),
                Some(format!("en {month_name} {year}")),
                None,
                true,
            )
        } else if p < DAY_PERCENT + MONTH_PERCENT + YEAR_PERCENT {
            (
                Some(year.to_string()),
                Some(format!("courant {year}")),
                Some("Le texte ne donne que l'année.".to_string()),
                true,
            )
        } else if p < DAY_PERCENT + MONTH_PERCENT + YEAR_PERCENT + INTERVAL_PERCENT {
            // Bounds as texts give them: the day a release reports a
            // signature at the latest, a month from which something runs,
            // the day of an announcement and the deadline it sets.
            let (value, text) = match self.rng.below(3) {
                0 => {
                    end_note = Some(format!(
                        "Le communiqué publié le {day} {month_name} {year} le rapporte comme déjà fait."
                    ));
                    (
                        format!("../{year}-{month:02}-{day:02}"),
                        format!("au plus tard le {day} {month_name} {year}"),
                    )
                }
                1 => {
                    start_note = Some(format!(
                        "Le texte le fait commencer en {month_name} {year}."
                    ));
                    (
                        format!("{year}-{month:02}/.."),
                        format!("depuis {month_name} {year}"),
                    )
                }
                _ => {
                    start_note = Some(format!(
                        "Annoncé au futur par un communiqué du {day} {month_name} {year}."
                    ));
                    end_note = Some("L'échéance annoncée, pas un fait constaté.".to_string());
                    (
                        format!("{year}-{month:02}-{day:02}/{year}-12-31"),
                        format!("d'ici la fin de l'année {year}"),
                    )
                }
            };
            (Some(value), Some(text), None, true)
        } else {
            (
                None,
                Some(
                    self.rng
                        .pick(&["dernièrement", "prochainement", "récemment"])
                        .to_string(),
                ),
                Some("Le texte ne permet pas de dater précisément.".to_string()),
                false,
            )
        };
        Dated {
            info: DateInfo {
                value,
                text,
                note,
                start_note,
                end_note,
            },
            year: known.then_some(year),
        }
    }

    fn party(&mut self, region: Option<&Region>) -> Party {
        let &(name, acronym, kind) = self.rng.pick(PARTIES);
        let (name, acronym) = match region {
            Some(r) if self.rng.chance(70) => (
                format!("{name} {}", r.name),
                format!("{acronym} {}", r.name),
            ),
            _ => (name.to_string(), acronym.to_string()),
        };
        Party {
            name,
            acronym: self.rng.chance(90).then_some(acronym),
            kind: self.rng.chance(60).then(|| kind.to_string()),
        }
    }

    fn people(&mut self, organisation: Option<&str>) -> Vec<Person> {
        let count = self.rng.weighted(&[30, 45, 25]);
        (0..count)
            .map(|_| Person {
                name: format!(
                    "{} {}",
                    self.rng.pick(FIRST_NAMES),
                    self.rng.pick(LAST_NAMES)
                ),
                role: self
                    .rng
                    .chance(80)
                    .then(|| self.rng.pick(ROLES).to_string()),
                organisation: organisation
                    .filter(|_| self.rng.chance(50))
                    .map(str::to_string),
                involvement: self.rng.pick(INVOLVEMENTS).to_string(),
            })
            .collect()
    }

    fn source(&self) -> Source {
        Source {
            file: format!("synthetique-{}.txt", self.seed),
            title: Some(format!("Jeu de données synthétique (graine {})", self.seed)),
            publisher: None,
            published: None,
            note: Some("Fiche inventée pour les bancs d'essai.".into()),
            url: None,
        }
    }

    fn theme_ids(&self, picked: &[usize]) -> Vec<String> {
        picked.iter().map(|&k| self.themes[k].id.clone()).collect()
    }

    fn agreement(&mut self, i: usize) -> Agreement {
        let (territory, region) = self.territory();
        let picked = self.themes();
        let topic = self.topic(picked[0]);
        let date = self.date();
        let kind = AGREEMENT_KINDS[self
            .rng
            .weighted(&AGREEMENT_KINDS.iter().map(|k| k.1).collect::<Vec<_>>())]
        .0;
        let parties: Vec<Party> = (0..2 + self.rng.weighted(&[80, 15, 5]))
            .map(|_| self.party(region))
            .collect();
        let label = |p: &Party| p.acronym.clone().unwrap_or_else(|| p.name.clone());
        let title = if kind == "convention de partenariat" {
            format!(
                "Convention de partenariat entre {} et {}",
                label(&parties[0]),
                label(&parties[1])
            )
        } else {
            format!("{} pour {topic}", capitalise(kind))
        };
        let place = self.place(region, true);
        let people = self.people(parties[0].acronym.as_deref());
        let at = place
            .as_ref()
            .and_then(|p| p.commune.as_deref())
            .map(|c| format!(" à {c}"))
            .unwrap_or_default();
        let when = date.info.text.clone().unwrap_or_default();
        let article = if kind.starts_with("accord") {
            "un"
        } else {
            "une"
        };
        let excerpt = format!(
            "{} et {} ont signé {article} {kind} {when}{at}, afin de favoriser {topic}.",
            parties[0].name, parties[1].name
        );
        let objectives = (0..self.rng.weighted(&[30, 50, 20]))
            .map(|k| {
                let t = self.topic(picked[k % picked.len()]);
                format!("Favoriser {t} sur le territoire.")
            })
            .collect();
        let targets = if self.rng.chance(20) {
            vec![Quantity {
                value: (10 * (1 + self.rng.below(50))) as f64,
                unit: "emplois".into(),
                label: "emplois à créer".into(),
            }]
        } else {
            Vec::new()
        };
        Agreement {
            id: format!("ag-{}-{i:06}", year_part(date.year)),
            title,
            kind: kind.to_string(),
            description: Some(self.description()),
            parties,
            people,
            date: date.info,
            status: None,
            place,
            territory,
            themes: self.theme_ids(&picked),
            objectives,
            targets,
            figures: Vec::new(),
            source: self.source(),
            excerpts: vec![Excerpt {
                supports: vec!["parties".into(), "kind".into(), "date".into()],
                text: excerpt,
            }],
        }
    }

    fn event(&mut self, i: usize, agreements: &[Agreement], programmes: &[String]) -> Event {
        let (territory, region) = self.territory();
        let picked = self.themes();
        let topic = self.topic(picked[0]);
        let date = self.date();
        let place = self.place(region, true);
        let commune = place.as_ref().and_then(|p| p.commune.clone());
        let programme = self.rng.chance(PROGRAMME_PERCENT);
        let (kind, title) = if programme {
            let scope = region.map_or("France".to_string(), |r| r.name.clone());
            let year = date.year.map(|y| format!(" {y}")).unwrap_or_default();
            (
                "programme".to_string(),
                format!("Mois de l'économie sociale et solidaire{year} en {scope}"),
            )
        } else {
            let (kind, _, prefix) = EVENT_KINDS[self
                .rng
                .weighted(&EVENT_KINDS.iter().map(|k| k.1).collect::<Vec<_>>())];
            let at = commune
                .as_deref()
                .map(|c| format!(" à {c}"))
                .unwrap_or_default();
            (
                kind.to_string(),
                format!("{prefix} : {}{at}", capitalise(topic)),
            )
        };
        let organiser = self.party(region);
        let part_of = (!programme && !programmes.is_empty() && self.rng.chance(15))
            .then(|| self.rng.pick(programmes).clone());
        let linked = if !agreements.is_empty() && self.rng.chance(20) {
            vec![self.rng.pick(agreements).id.clone()]
        } else {
            Vec::new()
        };
        let to_the_day = date
            .info
            .value
            .as_deref()
            .and_then(|v| PartialDate::parse(v).ok())
            .is_some_and(|d| d.precision() == Precision::Day);
        let time = (to_the_day && self.rng.chance(60)).then(|| {
            let start = *self.rng.pick(&[
                "08:30", "09:00", "09:30", "10:00", "14:00", "14:30", "18:00",
            ]);
            let end = self.rng.chance(50).then(|| {
                let h: u8 = start[..2].parse().unwrap_or(9);
                format!("{:02}:{}", h + 2, &start[3..])
            });
            TimeSpan {
                start: start.to_string(),
                end,
            }
        });
        let when = date.info.text.clone().unwrap_or_default();
        let excerpt = format!(
            "{} organise {when} un temps d'échange consacré à {topic}, ouvert aux entreprises et aux structures de l'ESS.",
            organiser.name
        );
        let people = self.people(organiser.acronym.as_deref());
        let registration = self.rng.chance(30).then(|| Registration {
            text: "Inscription gratuite mais obligatoire".into(),
            url: self
                .rng
                .chance(50)
                .then(|| format!("https://example.org/inscription/{i}")),
        });
        Event {
            id: format!("ev-{}-{i:06}", year_part(date.year)),
            title,
            kind,
            description: Some(self.description()),
            date: date.info,
            time,
            place,
            territory,
            organiser: Some(organiser.acronym.unwrap_or(organiser.name)),
            audience: self
                .rng
                .chance(40)
                .then(|| "chefs d'entreprise, acteurs de l'emploi et de l'insertion".into()),
            part_of,
            agreements: linked,
            themes: self.theme_ids(&picked),
            objectives: Vec::new(),
            people,
            figures: Vec::new(),
            registration,
            source: self.source(),
            excerpts: vec![Excerpt {
                supports: vec!["organiser".into(), "date".into()],
                text: excerpt,
            }],
        }
    }
}

fn year_part(year: Option<i32>) -> String {
    year.map_or_else(|| "nd".to_string(), |y| y.to_string())
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use passerelles_core::data::catalog::load_json;

    #[test]
    fn generated_data_loads_without_problems_with_the_requested_spread() {
        let records = 3_000;
        let json = serde_json::to_string(&generate(records, 42)).unwrap();
        let loaded = load_json(&json).expect("readable");
        assert!(loaded.problems.is_empty(), "{:?}", &loaded.problems[..1]);
        let entries = &loaded.catalog.entries;
        assert_eq!(entries.len(), records);

        // Île-de-France leads the regions.
        let count = |code: &str| {
            entries
                .iter()
                .filter(|e| e.territory.iter().any(|c| c == code))
                .count()
        };
        let idf = count("11");
        for r in &loaded.catalog.regions {
            if r.code != "11" {
                assert!(count(&r.code) < idf, "{} vs Île-de-France", r.code);
            }
        }
        assert!(count(NATIONAL) > 0);

        // One to four themes each, every count present.
        for n in 1..=4 {
            assert!(entries.iter().any(|e| e.themes.len() == n), "{n} themes");
        }
        assert!(entries.iter().all(|e| (1..=4).contains(&e.themes.len())));

        // Mixed precision and some unknown, over twenty years.
        use passerelles_core::data::date::Precision::*;
        for p in [Day, Month, Year] {
            assert!(entries.iter().any(|e| e
                .date
                .and_then(|d| d.date())
                .is_some_and(|d| d.precision() == p)));
        }
        assert!(entries.iter().any(|e| e.date.is_none()));
        // A few only bounded: open at either end, and closed.
        use passerelles_core::data::date::{Bound, When};
        let intervals: Vec<When> = entries
            .iter()
            .filter_map(|e| e.date.filter(|d| d.date().is_none()))
            .collect();
        assert!(
            (records / 50..records / 12).contains(&intervals.len()),
            "{} intervals",
            intervals.len()
        );
        for shape in [
            |w: &When| matches!(w, When::Between(Bound::Open, Bound::On(_))),
            |w: &When| matches!(w, When::Between(Bound::On(_), Bound::Open)),
            |w: &When| matches!(w, When::Between(Bound::On(_), Bound::On(_))),
        ] {
            assert!(intervals.iter().any(shape));
        }
        let years: std::collections::BTreeSet<i32> = entries
            .iter()
            .filter_map(|e| e.date.and_then(|d| d.date()).map(|d| d.year))
            .collect();
        assert_eq!(years.len(), YEARS);

        // Links between records and French text with ligatures.
        let events = &loaded.catalog.events;
        assert!(events.iter().any(|e| e.part_of.is_some()));
        assert!(events.iter().any(|e| !e.agreements.is_empty()));
        assert!(["œ", "æ", "É", "ç"].iter().all(|s| json.contains(s)));
    }

    #[test]
    fn a_large_dataset_has_a_large_vocabulary() {
        let words = lexicon();
        let folded: std::collections::BTreeSet<String> = words
            .iter()
            .map(|w| passerelles_core::engine::fold::fold(w))
            .collect();
        assert!(folded.len() >= 30_000, "{} distinct words", folded.len());
        // The draws of 100,000 records, without the rest of the records.
        let (regions, themes) = vocabularies();
        let mut g = Generator::new(42, &regions, &themes);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..100_000 {
            for _ in 0..DESCRIPTION_WORDS {
                let bound = 1 + g.rng.below(g.lexicon.len());
                seen.insert(passerelles_core::engine::fold::fold(
                    &g.lexicon[g.rng.below(bound)],
                ));
            }
        }
        assert!(seen.len() >= 20_000, "{} distinct words drawn", seen.len());
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        let a = serde_json::to_string(&generate(200, 7)).unwrap();
        let b = serde_json::to_string(&generate(200, 7)).unwrap();
        let c = serde_json::to_string(&generate(200, 8)).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn small_counts_still_load() {
        for n in [0, 1, 2, 5] {
            let json = serde_json::to_string(&generate(n, 1)).unwrap();
            let loaded = load_json(&json).unwrap();
            assert!(loaded.problems.is_empty());
            assert_eq!(loaded.catalog.entries.len(), n);
        }
    }
}
