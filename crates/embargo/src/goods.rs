//! Goods classification: is a goods line arms, dual-use or luxury, and why.
//!
//! A line is classified from its Harmonized System code (longest matching
//! prefix in [`HS_TABLE`]) and from its description (keywords, weapon model
//! names and calibres). The military categories are those of the Wassenaar
//! Arrangement Munitions List, which the EU Common Military List follows
//! (ML1 … ML22, see [`ml_title`]).
//!
//! What a classification says:
//!
//! * [`Category::Arms`] — military goods: arms and related materiel under
//!   every arms embargo.
//! * [`Category::DualUse`] — may be controlled (civil and military use:
//!   explosives, aircraft and drones, radar, nuclear and missile items) or
//!   may be military; a person must check the control lists.
//! * [`Category::Luxury`] — luxury goods (DPRK luxury ban, EU Russia Annex XVIII).
//! * `vague` — no HS code and a description too general to classify
//!   ("machine parts"): nothing can be ruled out.
//!
//! HS codes are given as 2 to 10 digits, with or without dots and spaces
//! (`9306.90`, `930690`, `9306 90 00`); anything else is reported as
//! malformed ([`normalize_hs`]).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A class of controlled goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Arms and related materiel (military goods).
    Arms,
    /// Possibly controlled dual-use goods, or possibly military.
    DualUse,
    /// Luxury goods.
    Luxury,
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Category::Arms => "arms",
            Category::DualUse => "dual-use",
            Category::Luxury => "luxury",
        })
    }
}

/// What a classification was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The HS code.
    HsCode,
    /// The description.
    Description,
}

/// One reason a line falls in a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryHit {
    /// The category.
    pub category: Category,
    /// Munitions List categories (`ML3`, …), when known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ml: Vec<String>,
    /// HS code or description.
    pub basis: Basis,
    /// Why, in words.
    pub reason: String,
}

/// The classification of one goods line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    /// The HS code, digits only, when it was given and well-formed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    /// Why the HS code given could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hs_error: Option<String>,
    /// The categories and their reasons (empty: not controlled by what was given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hits: Vec<CategoryHit>,
    /// No usable HS code and a description too general to classify.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
    /// Neither a usable HS code nor a description.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub missing: bool,
}

impl Classification {
    /// Whether any reason puts the line in `category`.
    pub fn is(&self, category: Category) -> bool {
        self.hits.iter().any(|h| h.category == category)
    }

    /// The reasons for one category, joined.
    pub fn reasons(&self, category: Category) -> String {
        let v: Vec<&str> = self
            .hits
            .iter()
            .filter(|h| h.category == category)
            .map(|h| h.reason.as_str())
            .collect();
        v.join("; ")
    }

    /// The Munitions List categories of every hit, deduplicated.
    pub fn ml(&self) -> Vec<String> {
        let mut out: Vec<String> = self.hits.iter().flat_map(|h| h.ml.clone()).collect();
        out.sort_by_key(|m| m.trim_start_matches("ML").parse::<u32>().unwrap_or(99));
        out.dedup();
        out
    }

    /// Whether the line can be neither classified nor cleared.
    pub fn unreadable(&self) -> bool {
        self.vague || self.missing || (self.hs_error.is_some() && self.hits.is_empty())
    }

    /// A short summary: `arms (ML3, ML4)`, `not controlled`, `unclassifiable`.
    pub fn summary(&self) -> String {
        let mut cats: Vec<Category> = self.hits.iter().map(|h| h.category).collect();
        cats.sort();
        cats.dedup();
        if cats.is_empty() {
            return if self.unreadable() {
                "cannot be classified".into()
            } else {
                "not controlled".into()
            };
        }
        let names: Vec<String> = cats.iter().map(|c| c.to_string()).collect();
        let ml = self.ml();
        if ml.is_empty() {
            names.join(", ")
        } else {
            format!("{} ({})", names.join(", "), ml.join(", "))
        }
    }
}

/// The title of a Wassenaar Munitions List / EU Common Military List category.
pub fn ml_title(ml: &str) -> Option<&'static str> {
    Some(match ml {
        "ML1" => "smooth-bore weapons with a calibre of less than 20 mm, other arms and automatic weapons with a calibre of 12.7 mm or less",
        "ML2" => "smooth-bore weapons with a calibre of 20 mm or more, other weapons or armament with a calibre greater than 12.7 mm, projectors",
        "ML3" => "ammunition and fuze setting devices",
        "ML4" => "bombs, torpedoes, rockets, missiles, other explosive devices and charges",
        "ML5" => "fire control, surveillance and warning equipment",
        "ML6" => "ground vehicles and components",
        "ML7" => "chemical or biological toxic agents, riot control agents",
        "ML8" => "energetic materials (explosives, propellants, pyrotechnics)",
        "ML9" => "vessels of war, special naval equipment",
        "ML10" => "aircraft, lighter-than-air vehicles, unmanned aerial vehicles, aero-engines",
        "ML11" => "electronic equipment (military electronics, electronic warfare)",
        "ML12" => "high velocity kinetic energy weapon systems",
        "ML13" => "armoured or protective equipment",
        "ML14" => "specialised equipment for military training",
        "ML15" => "imaging or countermeasure equipment",
        "ML16" => "forgings, castings and unfinished products",
        "ML17" => "miscellaneous equipment, materials and libraries",
        "ML18" => "production equipment",
        "ML19" => "directed energy weapon systems",
        "ML20" => "cryogenic and superconductive equipment",
        "ML21" => "software",
        "ML22" => "technology",
        _ => return None,
    })
}

/// One row of the HS table: code prefix, category, ML categories, what it is.
pub type HsEntry = (
    &'static str,
    Category,
    &'static [&'static str],
    &'static str,
);

/// HS code prefixes of controlled goods (HS 2022 nomenclature).
pub const HS_TABLE: &[HsEntry] = &[
    // Chapter 93: arms and ammunition.
    ("93", Category::Arms, &["ML1", "ML2", "ML3", "ML4"], "chapter 93: arms and ammunition, parts and accessories"),
    ("9301", Category::Arms, &["ML1", "ML2"], "military weapons"),
    ("930110", Category::Arms, &["ML2"], "artillery weapons (guns, howitzers, mortars)"),
    ("930120", Category::Arms, &["ML2", "ML4"], "rocket launchers, flame-throwers, grenade launchers, torpedo tubes and similar projectors"),
    ("930190", Category::Arms, &["ML1", "ML2"], "other military weapons"),
    ("9302", Category::Arms, &["ML1"], "revolvers and pistols"),
    ("9303", Category::Arms, &["ML1"], "other firearms (sporting, hunting and target-shooting guns); covered by embargoes on all arms"),
    ("9304", Category::DualUse, &[], "other arms (spring, air or gas guns, truncheons): may be related materiel"),
    ("9305", Category::Arms, &["ML1", "ML2"], "parts and accessories of weapons"),
    ("930591", Category::Arms, &["ML2"], "parts and accessories of military weapons"),
    ("9306", Category::Arms, &["ML3", "ML4"], "bombs, grenades, torpedoes, mines, missiles, cartridges and other ammunition and projectiles, and parts"),
    ("930621", Category::Arms, &["ML3"], "shotgun cartridges"),
    ("930629", Category::Arms, &["ML3"], "parts of shotgun cartridges; air gun pellets"),
    ("930630", Category::Arms, &["ML3"], "other cartridges and parts"),
    ("930690", Category::Arms, &["ML3", "ML4"], "bombs, grenades, torpedoes, mines, missiles, shells and other ammunition and projectiles, and parts"),
    ("9307", Category::DualUse, &[], "swords, bayonets, lances: may be related materiel"),
    // Vehicles, vessels, aircraft.
    ("8710", Category::Arms, &["ML6"], "tanks and other armoured fighting vehicles, and parts"),
    ("890610", Category::Arms, &["ML9"], "warships"),
    ("8802", Category::DualUse, &["ML10"], "aircraft and helicopters: military aircraft are ML10, civil ones may be dual-use"),
    ("880260", Category::DualUse, &["ML4"], "spacecraft and suborbital and spacecraft launch vehicles (missile technology)"),
    ("8806", Category::DualUse, &["ML10"], "unmanned aircraft: military drones are ML10, others may be dual-use"),
    ("8807", Category::DualUse, &["ML10"], "parts of aircraft and unmanned aircraft"),
    ("8803", Category::DualUse, &["ML10"], "parts of aircraft (HS 2017)"),
    ("8411", Category::DualUse, &["ML10"], "turbojets, turbopropellers and gas turbines (aero-engines)"),
    ("841210", Category::DualUse, &["ML4"], "reaction engines other than turbojets (rocket and ramjet engines)"),
    // Energetic materials.
    ("3601", Category::DualUse, &["ML8"], "propellent powders"),
    ("3602", Category::DualUse, &["ML8"], "prepared explosives"),
    ("3603", Category::DualUse, &["ML4", "ML8"], "detonators, fuses, primers, igniters and detonating cord"),
    // Electronics and instruments.
    ("852610", Category::DualUse, &["ML5", "ML11"], "radar apparatus"),
    ("901420", Category::DualUse, &[], "instruments for aeronautical or space navigation (inertial navigation)"),
    // Nuclear.
    ("2844", Category::DualUse, &[], "radioactive elements and isotopes (nuclear materials)"),
    ("2845", Category::DualUse, &[], "isotopes other than those of 2844, including heavy water"),
    ("8401", Category::DualUse, &[], "nuclear reactors, fuel elements, machinery for isotopic separation"),
    // Luxury goods (UN DPRK illustrative lists; EU lists).
    ("160431", Category::Luxury, &[], "caviar"),
    ("160432", Category::Luxury, &[], "caviar substitutes"),
    ("2204", Category::Luxury, &[], "wine"),
    ("2208", Category::Luxury, &[], "spirits and liqueurs"),
    ("2402", Category::Luxury, &[], "cigars and cigarettes"),
    ("3303", Category::Luxury, &[], "perfumes"),
    ("4202", Category::Luxury, &[], "leather goods, handbags, cases"),
    ("4303", Category::Luxury, &[], "articles of furskin"),
    ("5701", Category::Luxury, &[], "carpets (knotted)"),
    ("5702", Category::Luxury, &[], "carpets (woven)"),
    ("5703", Category::Luxury, &[], "carpets (tufted)"),
    ("5704", Category::Luxury, &[], "carpets (felt)"),
    ("5705", Category::Luxury, &[], "other carpets and rugs"),
    ("6911", Category::Luxury, &[], "porcelain tableware"),
    ("7013", Category::Luxury, &[], "glassware (lead crystal)"),
    ("7101", Category::Luxury, &[], "pearls"),
    ("7102", Category::Luxury, &[], "diamonds"),
    ("7103", Category::Luxury, &[], "precious and semi-precious stones"),
    ("7104", Category::Luxury, &[], "synthetic precious stones"),
    ("7113", Category::Luxury, &[], "jewellery"),
    ("7114", Category::Luxury, &[], "goldsmiths' and silversmiths' wares"),
    ("7116", Category::Luxury, &[], "articles of pearls and precious stones"),
    ("8703", Category::Luxury, &[], "motor cars"),
    ("8711", Category::Luxury, &[], "motorcycles"),
    ("8903", Category::Luxury, &[], "yachts and pleasure boats"),
    ("9101", Category::Luxury, &[], "wrist-watches with cases of precious metal"),
    ("9102", Category::Luxury, &[], "other wrist-watches"),
    ("92", Category::Luxury, &[], "musical instruments"),
    ("9506", Category::Luxury, &[], "recreational sports equipment"),
    ("9701", Category::Luxury, &[], "paintings and drawings"),
    ("9702", Category::Luxury, &[], "original engravings and prints"),
    ("9703", Category::Luxury, &[], "original sculptures"),
];

/// Why an HS code could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HsError(pub String);

impl fmt::Display for HsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads an HS code: 2, 4, 6, 8 or 10 digits, dots and spaces allowed between
/// them (`9306.90`, `9306 90 00`). Returns the digits.
pub fn normalize_hs(code: &str) -> Result<String, HsError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(HsError("empty HS code".into()));
    }
    let mut digits = String::with_capacity(code.len());
    for c in code.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '.' | ' ' => {}
            _ => {
                return Err(HsError(format!(
                    "malformed HS code {code:?}: {c:?} is not a digit"
                )))
            }
        }
    }
    match digits.len() {
        2 | 4 | 6 | 8 | 10 => Ok(digits),
        n => Err(HsError(format!(
            "malformed HS code {code:?}: {n} digits (an HS code has 2, 4, 6, 8 or 10 digits; leading zeros count)"
        ))),
    }
}

/// Formats HS digits the usual way: `930690` → `9306.90`.
pub fn display_hs(digits: &str) -> String {
    match (digits.get(..4), digits.get(4..)) {
        (Some(head), Some(tail)) if !tail.is_empty() => {
            let mut out = head.to_string();
            let mut rest = tail;
            while !rest.is_empty() {
                let (a, b) = rest.split_at(rest.len().min(2));
                out.push('.');
                out.push_str(a);
                rest = b;
            }
            out
        }
        _ => digits.to_string(),
    }
}

/// Classifies a goods line from its HS code and description (either may be absent).
pub fn classify(hs_code: Option<&str>, description: Option<&str>) -> Classification {
    let mut c = Classification::default();
    let hs = hs_code.map(str::trim).filter(|s| !s.is_empty());
    let desc = description.map(str::trim).filter(|s| !s.is_empty());
    if let Some(code) = hs {
        match normalize_hs(code) {
            Ok(digits) => {
                classify_hs(&digits, &mut c.hits);
                c.hs_code = Some(digits);
            }
            Err(e) => c.hs_error = Some(e.0),
        }
    }
    if let Some(d) = desc {
        let vague = classify_description(d, &mut c.hits);
        if vague && c.hs_code.is_none() {
            c.vague = true;
        }
    }
    if c.hs_code.is_none() && desc.is_none() {
        c.missing = true;
    }
    // One reason per category and basis is enough; keep the first of each.
    let mut seen: Vec<(Category, Basis, String)> = Vec::new();
    c.hits.retain(|h| {
        let key = (h.category, h.basis, h.reason.clone());
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
    // A military reading of a dual-use item (a MiG under 8802) makes it arms;
    // keep the dual-use reason for the record.
    c
}

fn classify_hs(digits: &str, hits: &mut Vec<CategoryHit>) {
    let shown = display_hs(digits);
    // Longest entry that is a prefix of the code.
    let best = HS_TABLE
        .iter()
        .filter(|(p, ..)| digits.starts_with(p))
        .max_by_key(|(p, ..)| p.len());
    if let Some((prefix, cat, ml, label)) = best {
        hits.push(CategoryHit {
            category: *cat,
            ml: ml.iter().map(|s| s.to_string()).collect(),
            basis: Basis::HsCode,
            reason: format!("HS {shown} falls under HS {}: {label}", display_hs(prefix)),
        });
        return;
    }
    // A code shorter than an entry (8906 vs 8906.10) may be that entry.
    for (prefix, cat, ml, label) in HS_TABLE.iter().filter(|(p, ..)| p.starts_with(digits)) {
        let category = if *cat == Category::Arms {
            Category::DualUse
        } else {
            *cat
        };
        hits.push(CategoryHit {
            category,
            ml: ml.iter().map(|s| s.to_string()).collect(),
            basis: Basis::HsCode,
            reason: format!(
                "HS {shown} includes HS {} ({label}); give the full code to rule it out",
                display_hs(prefix)
            ),
        });
    }
}

/// A keyword rule: a phrase of (singular) tokens, optional context that must
/// be present (`#cal` = a calibre in mm), words that cancel it.
struct Kw {
    phrase: &'static [&'static str],
    cat: Category,
    ml: &'static [&'static str],
    what: &'static str,
    needs: &'static [&'static str],
    unless: &'static [&'static str],
}

const fn kw(
    phrase: &'static [&'static str],
    cat: Category,
    ml: &'static [&'static str],
    what: &'static str,
) -> Kw {
    Kw {
        phrase,
        cat,
        ml,
        what,
        needs: &[],
        unless: &[],
    }
}

const fn kwx(
    phrase: &'static [&'static str],
    cat: Category,
    ml: &'static [&'static str],
    what: &'static str,
    needs: &'static [&'static str],
    unless: &'static [&'static str],
) -> Kw {
    Kw {
        phrase,
        cat,
        ml,
        what,
        needs,
        unless,
    }
}

use Category::{Arms, DualUse, Luxury};

const GUN_NOT: &[&str] = &[
    "glue",
    "spray",
    "nail",
    "staple",
    "stapler",
    "heat",
    "grease",
    "caulk",
    "caulking",
    "massage",
    "paint",
    "toy",
    "water",
    "air",
    "airsoft",
    "paintball",
    "soldering",
    "solder",
    "tattoo",
    "foam",
    "label",
    "price",
    "sealant",
    "silicone",
    "blow",
    "hot",
    "rivet",
    "riveting",
    "screw",
    "thermometer",
    "temperature",
    "radar",
    "squirt",
    "nozzle",
    "washer",
    "cleaning",
    "dust",
];
const AMMO_CONTEXT: &[&str] = &[
    "#cal",
    "artillery",
    "mortar",
    "tank",
    "ammunition",
    "howitzer",
    "rifle",
    "cannon",
    "gun",
    "military",
    "explosive",
    "tracer",
    "caliber",
    "calibre",
    "high",
    "fragmentation",
];

const KEYWORDS: &[Kw] = &[
    // ML1 small arms.
    kwx(
        &["rifle"],
        Arms,
        &["ML1"],
        "rifles",
        &[],
        &["air", "airsoft", "toy", "scope"],
    ),
    kwx(&["pistol"], Arms, &["ML1"], "pistols", &[], GUN_NOT),
    kw(&["revolver"], Arms, &["ML1"], "revolvers"),
    kw(&["carbine"], Arms, &["ML1"], "carbines"),
    kw(&["machine", "gun"], Arms, &["ML1", "ML2"], "machine guns"),
    kw(&["machinegun"], Arms, &["ML1", "ML2"], "machine guns"),
    kw(&["submachine", "gun"], Arms, &["ML1"], "submachine guns"),
    kwx(&["gun"], Arms, &["ML1", "ML2"], "guns", &[], GUN_NOT),
    kw(&["firearm"], Arms, &["ML1"], "firearms"),
    kw(&["handgun"], Arms, &["ML1"], "handguns"),
    kwx(
        &["shotgun"],
        Arms,
        &["ML1"],
        "shotguns",
        &[],
        &["cartridge", "shell"],
    ),
    kw(&["sniper"], Arms, &["ML1"], "sniper weapons"),
    kw(&["small", "arm"], Arms, &["ML1"], "small arms"),
    kw(&["weapon"], Arms, &["ML1", "ML2"], "weapons"),
    kw(&["kalashnikov"], Arms, &["ML1"], "Kalashnikov rifles"),
    // ML2 artillery and projectors.
    kw(&["howitzer"], Arms, &["ML2"], "howitzers"),
    kw(&["artillery"], Arms, &["ML2"], "artillery"),
    kwx(
        &["cannon"],
        Arms,
        &["ML2"],
        "cannon",
        &[],
        &[
            "water", "snow", "foam", "confetti", "air", "smoke", "paper", "bubble",
        ],
    ),
    kwx(
        &["mortar"],
        Arms,
        &["ML2"],
        "mortars",
        &[
            "#cal",
            "round",
            "shell",
            "bomb",
            "tube",
            "launcher",
            "military",
            "ammunition",
            "baseplate",
            "bipod",
            "infantry",
        ],
        &[
            "cement", "masonry", "tile", "brick", "dry", "mix", "pestle", "lime", "plaster",
            "repair",
        ],
    ),
    kw(
        &["rocket", "launcher"],
        Arms,
        &["ML2", "ML4"],
        "rocket launchers",
    ),
    kw(
        &["grenade", "launcher"],
        Arms,
        &["ML2"],
        "grenade launchers",
    ),
    kw(&["recoilless"], Arms, &["ML2"], "recoilless weapons"),
    kw(&["flamethrower"], Arms, &["ML2"], "flame-throwers"),
    kw(&["flame", "thrower"], Arms, &["ML2"], "flame-throwers"),
    kw(
        &["mlr"],
        Arms,
        &["ML2", "ML4"],
        "multiple launch rocket systems",
    ),
    // ML3 ammunition.
    kw(&["ammunition"], Arms, &["ML3"], "ammunition"),
    kw(&["ammo"], Arms, &["ML3"], "ammunition"),
    kwx(
        &["cartridge"],
        Arms,
        &["ML3"],
        "cartridges (ammunition)",
        &[
            "#cal",
            "ammunition",
            "rifle",
            "pistol",
            "gun",
            "bullet",
            "caliber",
            "calibre",
            "military",
            "shotgun",
            "blank",
        ],
        &[
            "ink", "toner", "printer", "filter", "water", "gas", "faucet", "vape", "razor",
            "cooking", "heating", "fuse",
        ],
    ),
    kwx(
        &["bullet"],
        Arms,
        &["ML3"],
        "bullets",
        &[],
        &["point", "journal", "blender", "train", "coffee"],
    ),
    kwx(
        &["round"],
        Arms,
        &["ML3"],
        "rounds of ammunition",
        AMMO_CONTEXT,
        &["table", "trip"],
    ),
    kwx(
        &["shell"],
        Arms,
        &["ML3"],
        "shells (ammunition)",
        AMMO_CONTEXT,
        &[
            "sea",
            "egg",
            "nut",
            "oyster",
            "clam",
            "shrimp",
            "prawn",
            "crab",
            "lobster",
            "mussel",
            "jacket",
            "coat",
            "walnut",
            "peanut",
            "pistachio",
            "almond",
            "cashew",
            "scallop",
            "snail",
            "turtle",
            "pasta",
            "taco",
            "soft",
            "hard",
            "company",
        ],
    ),
    kw(&["projectile"], Arms, &["ML3"], "projectiles"),
    kw(&["munition"], Arms, &["ML3", "ML4"], "munitions"),
    kw(&["shrapnel"], Arms, &["ML3"], "shrapnel ammunition"),
    kw(
        &["propellant", "charge"],
        Arms,
        &["ML3", "ML8"],
        "propellant charges",
    ),
    // ML4 bombs, rockets, missiles.
    kwx(&["missile"], Arms, &["ML4"], "missiles", &[], &["toy"]),
    kw(
        &["ballistic", "missile"],
        Arms,
        &["ML4"],
        "ballistic missiles",
    ),
    kwx(
        &["rocket"],
        Arms,
        &["ML4"],
        "rockets",
        &[],
        &[
            "salad", "leaf", "seed", "arugula", "rucola", "lettuce", "stove", "toy", "firework",
            "model", "engine", "motor",
        ],
    ),
    kw(&["grenade"], Arms, &["ML4"], "grenades"),
    kwx(
        &["bomb"],
        Arms,
        &["ML4"],
        "bombs",
        &[],
        &[
            "bath",
            "seed",
            "calorimeter",
            "smoke",
            "glitter",
            "flavor",
            "flavour",
            "chocolate",
            "cocoa",
            "photo",
        ],
    ),
    kw(&["torpedo"], Arms, &["ML4"], "torpedoes"),
    kw(&["landmine"], Arms, &["ML4"], "land mines"),
    kw(&["land", "mine"], Arms, &["ML4"], "land mines"),
    kw(&["anti", "tank", "mine"], Arms, &["ML4"], "anti-tank mines"),
    kw(&["antitank", "mine"], Arms, &["ML4"], "anti-tank mines"),
    kw(
        &["anti", "personnel", "mine"],
        Arms,
        &["ML4"],
        "anti-personnel mines",
    ),
    kw(&["naval", "mine"], Arms, &["ML4"], "naval mines"),
    kw(&["warhead"], Arms, &["ML4"], "warheads"),
    kw(
        &["manpad"],
        Arms,
        &["ML4"],
        "man-portable air defence systems",
    ),
    kw(&["atgm"], Arms, &["ML4"], "anti-tank guided missiles"),
    kw(
        &["katyusha"],
        Arms,
        &["ML2", "ML4"],
        "Katyusha rocket systems",
    ),
    // ML5 fire control.
    kwx(
        &["fire", "control"],
        Arms,
        &["ML5"],
        "fire control equipment",
        &[],
        &[
            "alarm",
            "panel",
            "sprinkler",
            "smoke",
            "building",
            "extinguisher",
            "detector",
            "forest",
            "suppression",
        ],
    ),
    kw(
        &["targeting", "system"],
        Arms,
        &["ML5"],
        "targeting systems",
    ),
    kw(&["gun", "sight"], Arms, &["ML5"], "gun sights"),
    kw(&["weapon", "sight"], Arms, &["ML5"], "weapon sights"),
    // ML6 ground vehicles.
    kwx(
        &["tank"],
        Arms,
        &["ML6"],
        "tanks (armoured fighting vehicles)",
        &[
            "battle",
            "armoured",
            "armored",
            "military",
            "turret",
            "engine",
            "track",
            "gun",
            "main",
            "abrams",
            "leopard",
            "challenger",
            "merkava",
            "panzer",
            "tracked",
            "army",
            "spare",
            "destroyer",
        ],
        &[
            "fuel",
            "water",
            "septic",
            "storage",
            "oil",
            "gas",
            "fish",
            "aquarium",
            "pressure",
            "toilet",
            "ink",
            "air",
            "hot",
            "hydraulic",
            "expansion",
            "diesel",
            "petrol",
            "propane",
            "lpg",
            "stainless",
            "plastic",
            "chemical",
            "bladder",
            "flush",
            "vacuum",
            "top",
            "cistern",
            "think",
            "ballast",
            "holding",
            "mixing",
        ],
    ),
    kw(
        &["armoured", "vehicle"],
        Arms,
        &["ML6"],
        "armoured vehicles",
    ),
    kw(&["armored", "vehicle"], Arms, &["ML6"], "armoured vehicles"),
    kw(
        &["armoured", "personnel", "carrier"],
        Arms,
        &["ML6"],
        "armoured personnel carriers",
    ),
    kw(
        &["armored", "personnel", "carrier"],
        Arms,
        &["ML6"],
        "armoured personnel carriers",
    ),
    kw(
        &["infantry", "fighting", "vehicle"],
        Arms,
        &["ML6"],
        "infantry fighting vehicles",
    ),
    kw(
        &["armoured", "fighting", "vehicle"],
        Arms,
        &["ML6"],
        "armoured fighting vehicles",
    ),
    kw(
        &["mrap"],
        Arms,
        &["ML6"],
        "mine-resistant ambush-protected vehicles",
    ),
    kw(
        &["military", "vehicle"],
        Arms,
        &["ML6"],
        "military vehicles",
    ),
    kw(&["military", "truck"], Arms, &["ML6"], "military trucks"),
    kw(
        &["self", "propelled", "gun"],
        Arms,
        &["ML2", "ML6"],
        "self-propelled guns",
    ),
    // ML8 energetic materials (dual-use: industrial explosives exist).
    kwx(
        &["explosive"],
        DualUse,
        &["ML8"],
        "explosives",
        &[],
        &["non", "proof", "atmosphere", "atex"],
    ),
    kw(&["tnt"], DualUse, &["ML8"], "TNT"),
    kw(&["rdx"], DualUse, &["ML8"], "RDX (hexogen)"),
    kw(&["hmx"], DualUse, &["ML8"], "HMX (octogen)"),
    kw(&["petn"], DualUse, &["ML8"], "PETN"),
    kw(&["gunpowder"], DualUse, &["ML8"], "gunpowder"),
    kw(&["black", "powder"], DualUse, &["ML8"], "black powder"),
    kw(
        &["smokeless", "powder"],
        DualUse,
        &["ML8"],
        "smokeless powder",
    ),
    kwx(
        &["propellant"],
        DualUse,
        &["ML8"],
        "propellants",
        &[],
        &["aerosol", "spray"],
    ),
    kw(&["detonator"], DualUse, &["ML4", "ML8"], "detonators"),
    kw(
        &["detonating", "cord"],
        DualUse,
        &["ML8"],
        "detonating cord",
    ),
    kw(&["blasting", "cap"], DualUse, &["ML8"], "blasting caps"),
    kw(
        &["ammonium", "perchlorate"],
        DualUse,
        &["ML8"],
        "ammonium perchlorate (rocket propellant oxidiser)",
    ),
    // ML9 vessels of war.
    kw(&["warship"], Arms, &["ML9"], "warships"),
    kw(&["frigate"], Arms, &["ML9"], "frigates"),
    kw(&["corvette"], Arms, &["ML9"], "corvettes"),
    kwx(
        &["destroyer"],
        Arms,
        &["ML9"],
        "destroyers",
        &[],
        &[
            "paper", "document", "shredder", "data", "hard", "disk", "tank",
        ],
    ),
    kwx(
        &["submarine"],
        Arms,
        &["ML9"],
        "submarines",
        &[],
        &[
            "sandwich", "cable", "fiber", "fibre", "optic", "telecom", "tourist", "pump",
        ],
    ),
    kw(
        &["aircraft", "carrier"],
        Arms,
        &["ML9"],
        "aircraft carriers",
    ),
    kw(&["minesweeper"], Arms, &["ML9"], "minesweepers"),
    kw(&["landing", "craft"], Arms, &["ML9"], "landing craft"),
    kw(&["naval", "gun"], Arms, &["ML2", "ML9"], "naval guns"),
    kw(&["patrol", "boat"], DualUse, &["ML9"], "patrol boats"),
    // ML10 aircraft and drones.
    kw(&["fighter", "jet"], Arms, &["ML10"], "fighter aircraft"),
    kw(
        &["fighter", "aircraft"],
        Arms,
        &["ML10"],
        "fighter aircraft",
    ),
    kw(&["combat", "aircraft"], Arms, &["ML10"], "combat aircraft"),
    kw(
        &["attack", "helicopter"],
        Arms,
        &["ML10"],
        "attack helicopters",
    ),
    kw(
        &["military", "aircraft"],
        Arms,
        &["ML10"],
        "military aircraft",
    ),
    kw(
        &["military", "helicopter"],
        Arms,
        &["ML10"],
        "military helicopters",
    ),
    kwx(
        &["bomber"],
        Arms,
        &["ML10"],
        "bomber aircraft",
        &[],
        &["jacket", "coat", "hat"],
    ),
    kw(&["military", "drone"], Arms, &["ML10"], "military drones"),
    kw(&["combat", "drone"], Arms, &["ML10"], "combat drones"),
    kw(&["attack", "drone"], Arms, &["ML10"], "attack drones"),
    kw(
        &["kamikaze", "drone"],
        Arms,
        &["ML10", "ML4"],
        "one-way attack drones",
    ),
    kw(
        &["loitering", "munition"],
        Arms,
        &["ML10", "ML4"],
        "loitering munitions",
    ),
    kw(&["military", "uav"], Arms, &["ML10"], "military UAVs"),
    kwx(
        &["lancet"],
        Arms,
        &["ML10", "ML4"],
        "Lancet loitering munitions",
        &["drone", "uav", "munition", "loitering", "zala"],
        &[],
    ),
    kwx(
        &["drone"],
        DualUse,
        &["ML10"],
        "drones (unmanned aircraft)",
        &[],
        &["bee"],
    ),
    kw(&["uav"], DualUse, &["ML10"], "unmanned aerial vehicles"),
    kw(&["uas"], DualUse, &["ML10"], "unmanned aircraft systems"),
    kw(
        &["unmanned", "aerial"],
        DualUse,
        &["ML10"],
        "unmanned aerial vehicles",
    ),
    kw(
        &["unmanned", "aircraft"],
        DualUse,
        &["ML10"],
        "unmanned aircraft",
    ),
    kw(&["quadcopter"], DualUse, &["ML10"], "quadcopters"),
    kw(&["helicopter"], DualUse, &["ML10"], "helicopters"),
    kw(
        &["aircraft"],
        DualUse,
        &["ML10"],
        "aircraft and aircraft parts",
    ),
    kw(&["aero", "engine"], DualUse, &["ML10"], "aero-engines"),
    // ML11 electronics.
    kw(
        &["electronic", "warfare"],
        Arms,
        &["ML11"],
        "electronic warfare equipment",
    ),
    kw(&["jammer"], DualUse, &["ML11"], "jammers"),
    kw(&["radar"], DualUse, &["ML5", "ML11"], "radar"),
    // ML13 armour.
    kw(&["body", "armour"], Arms, &["ML13"], "body armour"),
    kw(&["body", "armor"], Arms, &["ML13"], "body armour"),
    kw(&["ballistic", "vest"], Arms, &["ML13"], "ballistic vests"),
    kw(
        &["bulletproof", "vest"],
        Arms,
        &["ML13"],
        "bulletproof vests",
    ),
    kw(
        &["bullet", "proof", "vest"],
        Arms,
        &["ML13"],
        "bulletproof vests",
    ),
    kw(
        &["ballistic", "helmet"],
        Arms,
        &["ML13"],
        "ballistic helmets",
    ),
    kw(&["ballistic", "plate"], Arms, &["ML13"], "ballistic plates"),
    kw(&["armour", "plate"], Arms, &["ML13"], "armour plate"),
    kw(&["armor", "plate"], Arms, &["ML13"], "armour plate"),
    kw(&["plate", "carrier"], Arms, &["ML13"], "plate carriers"),
    // ML15 imaging.
    kw(
        &["night", "vision"],
        DualUse,
        &["ML15"],
        "night vision equipment",
    ),
    kw(
        &["thermal", "imaging"],
        DualUse,
        &["ML15"],
        "thermal imaging equipment",
    ),
    kw(
        &["thermal", "camera"],
        DualUse,
        &["ML15"],
        "thermal cameras",
    ),
    kw(
        &["thermal", "sight"],
        DualUse,
        &["ML15"],
        "thermal weapon sights",
    ),
    kw(
        &["image", "intensifier"],
        DualUse,
        &["ML15"],
        "image intensifiers",
    ),
    kw(&["rifle", "scope"], DualUse, &["ML15"], "rifle scopes"),
    kw(&["riflescope"], DualUse, &["ML15"], "rifle scopes"),
    kw(&["bayonet"], DualUse, &[], "bayonets"),
    // Nuclear, missile and chemical dual-use items.
    kw(&["uranium"], DualUse, &[], "uranium (nuclear material)"),
    kw(&["plutonium"], DualUse, &[], "plutonium (nuclear material)"),
    kw(&["tritium"], DualUse, &[], "tritium (nuclear material)"),
    kw(
        &["heavy", "water"],
        DualUse,
        &[],
        "heavy water (nuclear material)",
    ),
    kw(
        &["centrifuge"],
        DualUse,
        &[],
        "centrifuges (possible enrichment equipment)",
    ),
    kw(
        &["maraging"],
        DualUse,
        &[],
        "maraging steel (nuclear and missile use)",
    ),
    kw(
        &["gyroscope"],
        DualUse,
        &[],
        "gyroscopes (missile guidance)",
    ),
    kw(
        &["inertial", "navigation"],
        DualUse,
        &[],
        "inertial navigation systems",
    ),
    kw(
        &["inertial", "measurement"],
        DualUse,
        &[],
        "inertial measurement units",
    ),
    kw(
        &["carbon", "fibre"],
        DualUse,
        &[],
        "carbon fibre (missile and centrifuge use)",
    ),
    kw(
        &["carbon", "fiber"],
        DualUse,
        &[],
        "carbon fibre (missile and centrifuge use)",
    ),
    kw(&["rocket", "engine"], DualUse, &["ML4"], "rocket engines"),
    kw(&["rocket", "motor"], DualUse, &["ML4"], "rocket motors"),
    kw(
        &["solid", "propellant"],
        DualUse,
        &["ML8"],
        "solid propellants",
    ),
    kw(&["beryllium"], DualUse, &[], "beryllium"),
    kw(
        &["cnc"],
        DualUse,
        &[],
        "CNC machine tools (may be controlled)",
    ),
    kw(&["nerve", "agent"], Arms, &["ML7"], "nerve agents"),
    kw(&["sarin"], Arms, &["ML7"], "sarin"),
    // Luxury goods.
    kw(&["jewellery"], Luxury, &[], "jewellery"),
    kw(&["jewelry"], Luxury, &[], "jewellery"),
    kwx(
        &["diamond"],
        Luxury,
        &[],
        "diamonds",
        &[],
        &[
            "blade",
            "saw",
            "drill",
            "disc",
            "disk",
            "tool",
            "abrasive",
            "powder",
            "grinding",
            "cutting",
            "bit",
            "wheel",
            "coated",
            "industrial",
            "plate",
            "mesh",
        ],
    ),
    kwx(
        &["pearl"],
        Luxury,
        &[],
        "pearls",
        &[],
        &[
            "barley", "tapioca", "onion", "couscous", "millet", "sugar", "bubble", "powder",
        ],
    ),
    kw(&["gemstone"], Luxury, &[], "gemstones"),
    kw(&["precious", "stone"], Luxury, &[], "precious stones"),
    kwx(
        &["sapphire"],
        Luxury,
        &[],
        "sapphires",
        &[],
        &["glass", "wafer", "substrate", "window", "crystal"],
    ),
    kwx(&["ruby"], Luxury, &[], "rubies", &[], &["laser"]),
    kw(&["emerald"], Luxury, &[], "emeralds"),
    kw(&["rolex"], Luxury, &[], "luxury watches"),
    kw(&["luxury"], Luxury, &[], "goods described as luxury"),
    kw(&["wristwatch"], Luxury, &[], "wrist-watches"),
    kwx(&["watch"], Luxury, &[], "watches", &[], &["smart"]),
    kw(&["yacht"], Luxury, &[], "yachts"),
    kw(&["cognac"], Luxury, &[], "cognac"),
    kw(&["whisky"], Luxury, &[], "whisky"),
    kw(&["whiskey"], Luxury, &[], "whisky"),
    kw(&["vodka"], Luxury, &[], "vodka"),
    kw(&["champagne"], Luxury, &[], "champagne"),
    kwx(&["wine"], Luxury, &[], "wine", &[], &["vinegar"]),
    kw(&["liquor"], Luxury, &[], "spirits"),
    kw(&["cigar"], Luxury, &[], "cigars"),
    kw(&["perfume"], Luxury, &[], "perfume"),
    kw(&["caviar"], Luxury, &[], "caviar"),
    kwx(
        &["fur"],
        Luxury,
        &[],
        "furs",
        &[],
        &["faux", "fake", "artificial"],
    ),
    kw(&["mink"], Luxury, &[], "mink"),
    kw(&["limousine"], Luxury, &[], "limousines"),
    kw(&["mercedes"], Luxury, &[], "luxury cars"),
    kw(&["lexus"], Luxury, &[], "luxury cars"),
    kw(&["porsche"], Luxury, &[], "luxury cars"),
    kw(&["ferrari"], Luxury, &[], "luxury cars"),
    kw(&["lamborghini"], Luxury, &[], "luxury cars"),
    kw(&["bentley"], Luxury, &[], "luxury cars"),
    kw(&["maybach"], Luxury, &[], "luxury cars"),
    kwx(
        &["rolls", "royce"],
        Luxury,
        &[],
        "luxury cars",
        &[],
        &["engine", "turbine", "aero"],
    ),
    kw(&["snowmobile"], Luxury, &[], "snowmobiles"),
    kw(&["jet", "ski"], Luxury, &[], "personal watercraft"),
    kw(&["lead", "crystal"], Luxury, &[], "lead crystal"),
    kw(&["handbag"], Luxury, &[], "handbags"),
    kw(&["carpet"], Luxury, &[], "carpets"),
    kw(&["rug"], Luxury, &[], "rugs"),
    kw(&["porcelain"], Luxury, &[], "porcelain"),
    kw(&["piano"], Luxury, &[], "pianos"),
    kw(&["artwork"], Luxury, &[], "works of art"),
    kw(&["sculpture"], Luxury, &[], "sculptures"),
];

/// Words that say nothing about what the goods are.
const VAGUE: &[&str] = &[
    "machine",
    "machinery",
    "part",
    "spare",
    "component",
    "equipment",
    "good",
    "item",
    "material",
    "product",
    "cargo",
    "general",
    "various",
    "misc",
    "miscellaneous",
    "assorted",
    "sample",
    "accessory",
    "accessorie",
    "tool",
    "device",
    "unit",
    "article",
    "merchandise",
    "commodity",
    "stuff",
    "supply",
    "supplie",
    "hardware",
    "electronic",
    "kit",
    "set",
    "system",
    "module",
    "assembly",
    "industrial",
    "technical",
    "of",
    "and",
    "for",
    "the",
    "a",
    "an",
    "other",
    "mixed",
    "personal",
    "effect",
    "freight",
    "container",
    "package",
    "pallet",
    "box",
    "consignment",
    "mechanical",
    "electrical",
    "order",
    "shipment",
    "gift",
    "with",
    "new",
    "used",
    "etc",
    "instrument",
    "apparatus",
    "appliance",
    "parcel",
    "special",
    "related",
    "spares",
    "unit",
];

/// Weapon models by their compact name (`t72`, `mig29`).
fn model(tok: &str) -> Option<(Category, &'static [&'static str], &'static str)> {
    let split = tok.find(|c: char| c.is_ascii_digit());
    let (alpha, num) = match split {
        Some(i) => (tok.get(..i).unwrap_or(""), tok.get(i..).unwrap_or("")),
        None => (tok, ""),
    };
    let digits = !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit());
    let n: u32 = if digits { num.parse().unwrap_or(0) } else { 0 };
    Some(match (alpha, digits) {
        ("t", true) if [54, 55, 62, 64, 72, 80, 84, 90].contains(&n) => {
            (Arms, &["ML6"], "Soviet/Russian main battle tank model")
        }
        ("bmp" | "bmd" | "btr" | "mtlb", true) => {
            (Arms, &["ML6"], "armoured fighting vehicle model")
        }
        ("mig", true) => (Arms, &["ML10"], "MiG military aircraft"),
        ("su", true) if [17, 22, 24, 25, 27, 30, 33, 34, 35, 57].contains(&n) => {
            (Arms, &["ML10"], "Sukhoi military aircraft")
        }
        ("yak", true) if n == 130 => (Arms, &["ML10"], "Yak-130 combat trainer"),
        ("tu", true) if [22, 95, 160].contains(&n) => (Arms, &["ML10"], "Tupolev bomber"),
        ("mi", true) if [8, 17, 24, 28, 35].contains(&n) => {
            (Arms, &["ML10"], "Mil military helicopter")
        }
        ("ka", true) if [50, 52].contains(&n) => (Arms, &["ML10"], "Kamov attack helicopter"),
        ("f", true) if [15, 16, 18, 22, 35].contains(&n) => {
            (Arms, &["ML10"], "US fighter aircraft")
        }
        ("ak", true) | ("akm", _) | ("rpk", _) | ("pkm", _) | ("dshk", _) => {
            (Arms, &["ML1"], "Kalashnikov-family automatic weapon")
        }
        ("rpg", _) => (Arms, &["ML2", "ML4"], "rocket-propelled grenade launcher"),
        ("s", true) if [200, 300, 400, 500].contains(&n) => {
            (Arms, &["ML4"], "surface-to-air missile system")
        }
        (
            "iskander" | "kinzhal" | "kalibr" | "scud" | "hwasong" | "fateh" | "zolfaghar"
            | "shahab" | "kornet" | "igla" | "stinger" | "pantsir",
            _,
        ) => (Arms, &["ML4"], "missile system"),
        ("kn", true) if (1..=30).contains(&n) => (Arms, &["ML4"], "DPRK ballistic missile"),
        ("bm", true) if [21, 27, 30].contains(&n) => {
            (Arms, &["ML2", "ML4"], "multiple rocket launcher")
        }
        ("tos", true) => (Arms, &["ML2", "ML4"], "thermobaric rocket launcher"),
        ("shahed" | "geran" | "orlan" | "mohajer" | "bayraktar" | "switchblade" | "zala", _) => {
            (Arms, &["ML10"], "military drone model")
        }
        ("tb", true) if n == 2 => (Arms, &["ML10"], "Bayraktar TB2 combat drone"),
        _ => return None,
    })
}

/// Singular form of a lowercase token (good enough for matching keywords).
fn singular(t: &str) -> String {
    if t.len() > 4
        && (t.ends_with("ches") || t.ends_with("shes") || t.ends_with("sses") || t.ends_with("xes"))
    {
        return t.get(..t.len() - 2).unwrap_or(t).to_string();
    }
    if t.len() > 3 && t.ends_with('s') && !t.ends_with("ss") && !t.ends_with("us") {
        return t.get(..t.len() - 1).unwrap_or(t).to_string();
    }
    t.to_string()
}

/// Calibres in millimetres written in the text (`122 mm`, `155mm`, `7.62x39`).
fn calibres(text: &str) -> Vec<f64> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = b.get(i).is_some_and(|c| c.is_ascii_digit())
            && (i == 0
                || b.get(i - 1)
                    .is_some_and(|c| !c.is_ascii_alphanumeric() && *c != b'.'));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        while b
            .get(i)
            .is_some_and(|c| c.is_ascii_digit() || *c == b'.' || *c == b',')
        {
            i += 1;
        }
        let num = text.get(start..i).unwrap_or("").replace(',', ".");
        let mut j = i;
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
        let mm = text
            .get(j..j + 2)
            .is_some_and(|s| s.eq_ignore_ascii_case("mm"))
            && !b.get(j + 2).is_some_and(|c| c.is_ascii_alphabetic());
        let cart = b.get(i).is_some_and(|c| *c == b'x' || *c == b'X')
            && b.get(i + 1).is_some_and(|c| c.is_ascii_digit())
            && num.contains('.');
        if mm || cart {
            if let Ok(v) = num.trim_end_matches('.').parse::<f64>() {
                if v > 0.0 && v < 1000.0 {
                    out.push(v);
                }
            }
        }
    }
    out
}

/// Classifies a description; returns whether it is vague (says nothing usable).
fn classify_description(desc: &str, hits: &mut Vec<CategoryHit>) -> bool {
    let lower = desc.to_lowercase();
    // Tokens: hyphenated words are split into their parts; compounds join them
    // ("T-72" → t, 72 and t72) and join a short word with a following number
    // ("MiG 29" → mig29; words of three letters or more, so that "size S 300"
    // is not an S-300).
    let mut parts: Vec<String> = Vec::new();
    let mut compounds: Vec<String> = Vec::new();
    for raw in lower.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.')) {
        let raw = raw.trim_matches(|c| c == '.' || c == '-');
        if raw.is_empty() {
            continue;
        }
        if raw.contains('-') {
            compounds.push(raw.replace('-', ""));
        }
        for p in raw.split('-').filter(|p| !p.is_empty()) {
            let p = p.trim_matches('.');
            if !p.is_empty() {
                parts.push(singular(p));
            }
        }
    }
    for w in parts.windows(2) {
        if let [a, b] = w {
            if (3..=8).contains(&a.len())
                && a.bytes().all(|c| c.is_ascii_alphabetic())
                && b.bytes().all(|c| c.is_ascii_digit())
            {
                compounds.push(format!("{a}{b}"));
            }
        }
    }
    compounds.extend(parts.iter().cloned());
    let cals = calibres(&lower);
    let has = |t: &str| {
        if t == "#cal" {
            !cals.is_empty()
        } else {
            parts.iter().any(|p| p == t) || compounds.iter().any(|p| p == t)
        }
    };
    let before = hits.len();
    let cal_text = cals
        .first()
        .map(|c| format!(" ({c} mm calibre)"))
        .unwrap_or_default();
    for c in &compounds {
        if let Some((cat, ml, what)) = model(c) {
            hits.push(CategoryHit {
                category: cat,
                ml: ml.iter().map(|s| s.to_string()).collect(),
                basis: Basis::Description,
                reason: format!("description names {c:?}: {what}"),
            });
        }
    }
    for k in KEYWORDS {
        let n = k.phrase.len();
        let found = parts
            .windows(n)
            .any(|w| w.iter().zip(k.phrase).all(|(a, b)| a == b))
            || (n == 1
                && k.phrase
                    .first()
                    .is_some_and(|p| compounds.iter().any(|c| c == p)));
        if !found {
            continue;
        }
        if !k.needs.is_empty() && !k.needs.iter().any(|t| has(t)) {
            continue;
        }
        if k.unless.iter().any(|t| has(t)) {
            continue;
        }
        let mut ml: Vec<String> = k.ml.iter().map(|s| s.to_string()).collect();
        let mut what = k.what.to_string();
        if ml.iter().any(|m| m == "ML3") {
            if let Some(c) = cals.first() {
                what = if *c >= 20.0 {
                    format!("{what}{cal_text}: ammunition for ML2 weapons (artillery, cannon)")
                } else {
                    format!("{what}{cal_text}: small-calibre ammunition")
                };
                if *c >= 20.0 && !ml.iter().any(|m| m == "ML2") {
                    ml.push("ML2".into());
                }
            }
        }
        hits.push(CategoryHit {
            category: k.cat,
            ml,
            basis: Basis::Description,
            reason: format!("description mentions {:?}: {what}", k.phrase.join(" ")),
        });
    }
    let mut new: Vec<CategoryHit> = hits.split_off(before);
    // A military reading wins over a generic dual-use one from the same text
    // ("attack drone" vs "drone"), and "military" alone flags the rest.
    if new.iter().any(|h| h.category == Arms) {
        new.retain(|h| h.category != DualUse || !h.ml.iter().any(|m| m == "ML10"));
    } else if has("military") || has("army") || has("defence") || has("defense") {
        new.push(CategoryHit {
            category: DualUse,
            ml: vec!["ML17".into()],
            basis: Basis::Description,
            reason: "description says the goods are military: they may be related materiel".into(),
        });
    }
    let vague = new.is_empty()
        && parts
            .iter()
            .all(|p| VAGUE.contains(&p.as_str()) || p.bytes().all(|b| b.is_ascii_digit()));
    hits.extend(new);
    vague
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cls(d: &str) -> Classification {
        classify(None, Some(d))
    }

    #[test]
    fn hs_codes() {
        let c = classify(Some("9306.90"), None);
        assert!(c.is(Category::Arms));
        assert_eq!(c.ml(), vec!["ML3", "ML4"]);
        assert_eq!(c.hs_code.as_deref(), Some("930690"));
        assert!(classify(Some("8710.00"), None)
            .ml()
            .contains(&"ML6".to_string()));
        assert!(classify(Some("890610"), None).is(Category::Arms));
        let boats = classify(Some("8906"), None);
        assert!(
            boats.is(Category::DualUse) && !boats.is(Category::Arms),
            "{boats:?}"
        );
        assert!(classify(Some("880600"), None).is(Category::DualUse));
        assert!(classify(Some("3602"), None).is(Category::DualUse));
        assert!(classify(Some("7113.19"), None).is(Category::Luxury));
        let fish = classify(Some("0303.89"), Some("frozen fish"));
        assert!(fish.hits.is_empty() && !fish.unreadable(), "{fish:?}");
    }

    #[test]
    fn malformed_hs() {
        for bad in ["93O6", "930", "93069", "9306-90", "12345678901"] {
            let c = classify(Some(bad), None);
            assert!(c.hs_error.is_some() && c.hs_code.is_none(), "{bad}: {c:?}");
            assert!(c.unreadable(), "{bad}");
        }
        assert_eq!(normalize_hs("9306 90 00").as_deref(), Ok("93069000"));
        assert_eq!(display_hs("93069000"), "9306.90.00");
    }

    #[test]
    fn descriptions() {
        for (d, ml) in [
            ("122 mm artillery rounds", "ML3"),
            ("152 mm artillery shells", "ML3"),
            ("155mm shells", "ML3"),
            ("T-72 tank engines", "ML6"),
            ("Shahed drones", "ML10"),
            ("AK-47 rifles", "ML1"),
            ("ballistic missile parts", "ML4"),
            ("MiG-29 spare parts", "ML10"),
            ("7.62x39 cartridges", "ML3"),
            ("hand grenades", "ML4"),
            ("Mi-8 helicopter rotor blades", "ML10"),
            ("MiG 29 canopy", "ML10"),
            ("120mm mortar bombs", "ML2"),
        ] {
            let c = cls(d);
            assert!(c.is(Category::Arms), "{d}: {c:?}");
            assert!(c.ml().contains(&ml.to_string()), "{d}: {:?}", c.ml());
            assert!(!c.reasons(Category::Arms).is_empty());
        }
        let c = cls("152 mm artillery shells");
        assert!(c.reasons(Category::Arms).contains("152 mm"), "{c:?}");
    }

    #[test]
    fn ordinary_goods_are_not_controlled() {
        for d in [
            "frozen fish",
            "cotton t-shirts",
            "fuel tank for trucks",
            "cement mortar mix",
            "sea shells",
            "printer ink cartridges",
            "glue gun",
            "rocket salad",
            "tank tops",
            "round table",
            "coffee beans",
            "size S 300 pcs cotton socks",
            "blood lancets",
            "KN95 masks",
        ] {
            let c = cls(d);
            assert!(c.hits.is_empty() && !c.vague, "{d}: {c:?}");
        }
    }

    #[test]
    fn dual_use_and_luxury() {
        assert!(cls("DJI quadcopter drones").is(Category::DualUse));
        assert!(!cls("DJI quadcopter drones").is(Category::Arms));
        assert!(cls("attack drones").is(Category::Arms));
        assert!(cls("industrial explosives").is(Category::DualUse));
        assert!(cls("Rolex watches").is(Category::Luxury));
        assert!(cls("Hennessy cognac").is(Category::Luxury));
        assert!(cls("military uniforms").is(Category::DualUse));
    }

    #[test]
    fn vague_lines() {
        for d in [
            "machine parts",
            "spare parts",
            "equipment",
            "general cargo",
            "electronic components",
        ] {
            assert!(cls(d).vague, "{d}");
        }
        // an HS code makes a vague description harmless
        assert!(!classify(Some("8481.80"), Some("machine parts")).vague);
        let none = classify(None, None);
        assert!(none.missing && none.unreadable());
    }
}
