//! Trade screening tests: the cases the issue requires, on the real lists
//! where they are needed (skipped with a SKIP message when the shared lists
//! folder is absent).

use interdict_embargo::goods::Category;
use interdict_embargo::{
    screen_transaction, Authority, Context, Decision, DecisionKind, IsoDate, ListScreener,
    ReasonKind, RuleSet, Transaction, VesselIndex,
};
use interdict_model::{Entity, Name, NameKind, Schema};
use std::path::PathBuf;

fn lists_dir() -> PathBuf {
    interdict_formats::shared_lists_dir()
}

/// Parses one real list file, or prints SKIP and returns None.
fn real_list(test: &str, rel: &str) -> Option<Vec<Entity>> {
    let dir = lists_dir();
    if !dir.is_dir() {
        eprintln!(
            "SKIP: {test}: shared lists folder not found at {}",
            dir.display()
        );
        return None;
    }
    let path = dir.join(rel);
    match interdict_formats::parse_path(&path) {
        Ok(list) => Some(list.entities),
        Err(e) => {
            eprintln!("SKIP: {test}: cannot parse {}: {e}", path.display());
            None
        }
    }
}

fn tx(json: &str) -> Transaction {
    Transaction::from_json(json).unwrap()
}

/// Screens with every authority on a fixed date.
fn screen(t: &Transaction, entities: Vec<Entity>) -> Decision {
    let rules = RuleSet::embedded().unwrap();
    let vessels = VesselIndex::new(&entities);
    let screener = ListScreener::new(entities);
    let mut ctx = Context::new(&rules, &screener, &vessels);
    ctx.today = IsoDate::parse("2026-03-01").unwrap();
    screen_transaction(t, &ctx)
}

/// A small list so that "no lists loaded" does not make every answer `review`.
fn fixture_entities() -> Vec<Entity> {
    let mut e = Entity::new("un", "KPe.001", Schema::Organization);
    e.push_name(Name::new(
        "KOREA MINING DEVELOPMENT TRADING CORPORATION",
        NameKind::Primary,
    ));
    e.programmes.push("DPRK".into());
    vec![e]
}

const SHELLS_KP_RU: &str = r#"{
  "id": "kp-ru-shells", "date": "2024-01-15",
  "origin": "KP", "destination": "RU",
  "parties": [
    {"name": "Rason Trading House", "role": "seller", "country": "KP"},
    {"name": "Vostok Logistics LLC", "role": "consignee", "country": "RU"}
  ],
  "goods": [{"hs_code": "9306.90", "description": "152 mm artillery shells", "quantity": 20000, "value": 4000000}]
}"#;

fn has_rule(d: &Decision, id: &str) -> bool {
    d.reasons
        .iter()
        .any(|r| r.kind == ReasonKind::Embargo && r.id.as_deref() == Some(id))
}

#[test]
fn every_rule_names_an_act_a_date_and_a_source() {
    let rules = RuleSet::embedded().unwrap();
    assert!(rules.rules.len() >= 40, "{}", rules.rules.len());
    let acts = [
        "UNSCR",
        "Council Decision",
        "Council Regulation",
        "Regulations",
        "CFR",
        "declaration",
    ];
    for r in &rules.rules {
        assert!(
            acts.iter().any(|a| r.legal_basis.contains(a)),
            "{}: legal basis names no resolution or act: {}",
            r.id,
            r.legal_basis
        );
        assert!(
            r.legal_basis
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n.len() >= 3),
            "{}: legal basis has no act number: {}",
            r.id,
            r.legal_basis
        );
        let adopted = IsoDate::parse(&r.adopted);
        assert!(
            adopted.is_some_and(|d| (1945..=2026).contains(&d.year)),
            "{}: adopted {:?}",
            r.id,
            r.adopted
        );
        assert!(IsoDate::parse(&r.in_force_from).is_some(), "{}", r.id);
        assert!(r.source_url.starts_with("https://"), "{}", r.id);
        assert!(!r.notes.trim().is_empty(), "{}", r.id);
    }
    // The UN DPRK embargo in both directions, and all four authorities on the DPRK.
    for id in ["UN-KP-ARMS-SUPPLY", "UN-KP-ARMS-PROCURE", "UN-KP-LUXURY"] {
        let r = rules.get(id).unwrap();
        assert!(r.legal_basis.contains("1718 (2006)"), "{id}");
    }
    for a in Authority::ALL {
        for c in ["KP", "RU", "IR", "BY"] {
            if a == Authority::Un && matches!(c, "RU" | "BY") {
                continue; // the UN has no Russia or Belarus embargo
            }
            assert!(
                rules.for_country(c).any(|r| r.authority == a),
                "no {a} rule on {c}"
            );
        }
    }
    // A dataset row without a source is refused.
    let bad = interdict_embargo::rules::EMBEDDED_CSV
        .lines()
        .take(2)
        .collect::<Vec<_>>()
        .join("\n")
        .replace("https://undocs.org/S/RES/1718(2006)", "");
    assert!(RuleSet::from_csv(&bad, "bad.csv").is_err());
}

#[test]
fn dprk_artillery_to_russia_is_prohibited_whoever_the_parties_are() {
    let d = screen(&tx(SHELLS_KP_RU), fixture_entities());
    assert_eq!(d.decision, DecisionKind::Prohibited, "{d:#?}");
    let r = d
        .reasons
        .iter()
        .find(|r| r.id.as_deref() == Some("UN-KP-ARMS-PROCURE"))
        .expect("UN procurement rule cited");
    assert_eq!(r.effect, DecisionKind::Prohibited);
    assert!(
        r.citation.as_deref().unwrap().contains("UNSCR 1718 (2006)"),
        "{r:?}"
    );
    assert!(r.why.contains("procurement from North Korea"), "{}", r.why);
    // no party was listed: the embargo alone decides
    assert!(d.reasons.iter().all(|r| r.kind != ReasonKind::PartyListed));
    // the EU, UK and US Russia embargoes also apply to the supply to Russia
    assert!(has_rule(&d, "EU-RU-ARMS") && has_rule(&d, "US-ITAR-RU"));
    // Described only in words, the same goods are still prohibited.
    let words = SHELLS_KP_RU.replace("\"hs_code\": \"9306.90\", ", "");
    let d2 = screen(&tx(&words), fixture_entities());
    assert_eq!(d2.decision, DecisionKind::Prohibited, "{d2:#?}");
    assert!(has_rule(&d2, "UN-KP-ARMS-PROCURE"));
    assert!(d2.goods[0].classification.is(Category::Arms));
    // Seller's country alone (origin given as a transit hub) still brings in the rule.
    let via = SHELLS_KP_RU.replace("\"origin\": \"KP\"", "\"origin\": \"CN\"");
    assert!(has_rule(
        &screen(&tx(&via), fixture_entities()),
        "UN-KP-ARMS-PROCURE"
    ));
    // Before the resolution the UN rule did not apply.
    let old = SHELLS_KP_RU.replace("2024-01-15", "2005-01-15");
    assert!(!has_rule(
        &screen(&tx(&old), fixture_entities()),
        "UN-KP-ARMS-PROCURE"
    ));
}

#[test]
fn same_goods_between_germany_and_france_are_clear() {
    let t = SHELLS_KP_RU
        .replace("\"origin\": \"KP\"", "\"origin\": \"DE\"")
        .replace("\"destination\": \"RU\"", "\"destination\": \"FR\"")
        .replace("\"country\": \"KP\"", "\"country\": \"DE\"")
        .replace("\"country\": \"RU\"", "\"country\": \"FR\"")
        .replace("Rason Trading House", "Rheinmetall Waffe Munition GmbH")
        .replace("Vostok Logistics LLC", "Nexter Munitions SA");
    let d = screen(&tx(&t), fixture_entities());
    assert_eq!(d.decision, DecisionKind::Clear, "{d:#?}");
    assert!(d.reasons.is_empty());
    assert!(d.goods[0].classification.is(Category::Arms));
    assert!(d.checks.iter().any(|c| c.contains("no list match")));
    // Against the real UN list too, when present.
    if let Some(un) = real_list(
        "same_goods_between_germany_and_france_are_clear",
        "un/un_consolidated_2026-02-27.xml",
    ) {
        let d = screen(&tx(&t), un);
        assert_eq!(d.decision, DecisionKind::Clear, "{d:#?}");
    }
}

#[test]
fn ordinary_goods_to_a_listed_dprk_company_are_prohibited() {
    let Some(un) = real_list(
        "ordinary_goods_to_a_listed_dprk_company_are_prohibited",
        "un/un_consolidated_2026-02-27.xml",
    ) else {
        return;
    };
    let kpe = un
        .iter()
        .find(|e| {
            e.reference.starts_with("KPe.")
                && e.caption()
                    .to_uppercase()
                    .contains("KOREA MINING DEVELOPMENT")
        })
        .expect("KOMID is on the UN list");
    let t = r#"{"id": "fish", "date": "2026-01-10", "origin": "CN", "destination": "CN",
            "parties": [
              {"name": "Dalian Seafood Export Co", "role": "seller", "country": "CN"},
              {"name": "Korea Mining Development Trading Corp.", "role": "consignee", "country": "CN"}
            ],
            "goods": [{"hs_code": "0303.89", "description": "frozen fish", "quantity": 10, "value": 5000}]}"#;
    let d = screen(&tx(t), un.clone());
    assert_eq!(d.decision, DecisionKind::Prohibited, "{d:#?}");
    let r = d
        .reasons
        .iter()
        .find(|r| r.kind == ReasonKind::PartyListed)
        .unwrap();
    assert_eq!(r.id.as_deref(), Some(kpe.id.as_str()));
    assert!(r.id.as_deref().unwrap().starts_with("un:KPe."));
    assert!(r.citation.as_deref().unwrap().contains("1718 (2006)"));
    assert!(r.why.contains("consignee"), "{}", r.why);
    // the goods themselves are not controlled and no embargo rule applies
    assert!(d.reasons.iter().all(|r| r.kind == ReasonKind::PartyListed));
    // the same shipment to an unlisted consignee is clear
    let clean = t.replace(
        "Korea Mining Development Trading Corp.",
        "Shenyang Cold Chain Ltd",
    );
    assert_eq!(screen(&tx(&clean), un).decision, DecisionKind::Clear);
}

fn vessel_case(test: &str, rel: &str, misspelt: &str) {
    let Some(list) = real_list(test, rel) else {
        return;
    };
    let ship = list
        .iter()
        .filter(|e| e.schema == Schema::Vessel)
        .find(|e| {
            e.identifiers_of(&interdict_model::IdKind::Imo)
                .next()
                .is_some()
        })
        .expect("a listed vessel with an IMO number");
    let imo = ship
        .identifiers_of(&interdict_model::IdKind::Imo)
        .next()
        .unwrap()
        .value
        .clone();
    let t = format!(
        r#"{{"id": "ship", "date": "2026-01-10", "origin": "CN", "destination": "VN",
            "parties": [{{"name": "Harbour Supplies Ltd", "role": "shipper", "country": "CN"}}],
            "vessels": [{{"name": "{misspelt}", "imo": "{imo}", "flag": "PA"}}],
            "goods": [{{"hs_code": "6109.10", "description": "cotton t-shirts"}}]}}"#
    );
    let d = screen(&tx(&t), list.clone());
    assert_eq!(
        d.decision,
        DecisionKind::Prohibited,
        "{} {imo}: {d:#?}",
        ship.id
    );
    let r = d
        .reasons
        .iter()
        .find(|r| r.kind == ReasonKind::VesselListed)
        .unwrap();
    assert_eq!(r.id.as_deref(), Some(ship.id.as_str()));
    assert_eq!(r.effect, DecisionKind::Prohibited);
    assert!(r.why.contains(misspelt), "{}", r.why);
    // Another IMO number with the misspelt name is not that ship.
    let other = t.replace(&format!("\"imo\": \"{imo}\""), "\"imo\": \"9074729\"");
    let d = screen(&tx(&other), list);
    assert_ne!(d.decision, DecisionKind::Prohibited, "{d:#?}");
}

#[test]
fn listed_vessel_by_imo_with_misspelt_name_uk() {
    // DPR0075 "Petrel 8", IMO 9562233.
    vessel_case(
        "listed_vessel_by_imo_with_misspelt_name_uk",
        "uk/uk_sanctions_list_excerpt_2026-09-10.xml",
        "Petral Eight",
    );
}

#[test]
fn listed_vessel_by_imo_with_misspelt_name_ofac() {
    vessel_case(
        "listed_vessel_by_imo_with_misspelt_name_ofac",
        "ofac/sdn_csv_2024-05-03/sdn.csv",
        "Chong Chin Gang",
    );
}

#[test]
fn vague_line_without_hs_code_is_review() {
    let t = r#"{"id": "vague", "date": "2026-01-10", "origin": "DE", "destination": "FR",
        "parties": [{"name": "Muster Maschinenbau GmbH", "role": "seller", "country": "DE"},
                    {"name": "Atelier Dupont SARL", "role": "buyer", "country": "FR"}],
        "goods": [{"description": "machine parts", "quantity": 3}]}"#;
    let d = screen(&tx(t), fixture_entities());
    assert_eq!(d.decision, DecisionKind::Review, "{d:#?}");
    let r = d
        .reasons
        .iter()
        .find(|r| r.kind == ReasonKind::Goods)
        .unwrap();
    assert!(
        r.why.contains("machine parts") && r.why.contains("no HS code"),
        "{}",
        r.why
    );
    // the same line with an HS code of ordinary machinery is clear
    let with_hs = t.replace(
        r#"{"description""#,
        r#"{"hs_code": "8483.40", "description""#,
    );
    assert_eq!(
        screen(&tx(&with_hs), fixture_entities()).decision,
        DecisionKind::Clear
    );
}

#[test]
fn bad_input_is_never_clear() {
    let base = r#"{"id": "x", "date": "2026-01-10", "origin": "DE", "destination": "FR",
        "parties": [{"name": "A GmbH", "role": "seller", "country": "DE"}],
        "goods": [{"hs_code": "0303.89", "description": "frozen fish"}]}"#;
    assert_eq!(
        screen(&tx(base), fixture_entities()).decision,
        DecisionKind::Clear
    );
    let cases = [
        ("malformed HS code", base.replace("0303.89", "03O3.89")),
        ("HS code of wrong length", base.replace("0303.89", "303")),
        ("unknown country code", base.replace("\"FR\"", "\"XX\"")),
        (
            "missing destination",
            base.replace("\"destination\": \"FR\",", ""),
        ),
        ("missing origin", base.replace("\"origin\": \"DE\",", "")),
        (
            "no parties",
            base.replace(
                r#"{"name": "A GmbH", "role": "seller", "country": "DE"}"#,
                "",
            ),
        ),
        (
            "party without name",
            base.replace(r#""name": "A GmbH", "#, ""),
        ),
        ("unknown role", base.replace("seller", "sellr")),
        (
            "no goods",
            base.replace(
                r#"{"hs_code": "0303.89", "description": "frozen fish"}"#,
                "",
            ),
        ),
        (
            "empty goods line",
            base.replace(r#""hs_code": "0303.89", "description": "frozen fish""#, ""),
        ),
        ("bad date", base.replace("2026-01-10", "10/01/2026")),
    ];
    for (what, json) in cases {
        let d = screen(&tx(&json), fixture_entities());
        assert_eq!(d.decision, DecisionKind::Review, "{what}: {d:#?}");
        assert!(
            d.reasons
                .iter()
                .any(|r| matches!(r.kind, ReasonKind::Input | ReasonKind::Goods)),
            "{what}"
        );
    }
    // no lists loaded: nothing could be screened
    let d = screen(&tx(base), Vec::new());
    assert_eq!(d.decision, DecisionKind::Review);
    // a misspelt field name is an error, not silently ignored
    assert!(Transaction::from_json(&base.replace("hs_code", "hscode")).is_err());
    // an unreadable record is a review answer that says why
    let d = Decision::unreadable("line 7", "expected value");
    assert_eq!(d.decision, DecisionKind::Review);
    assert!(d.reasons[0].why.contains("line 7"));
}

#[test]
fn authorities_dates_and_scopes() {
    let rules = RuleSet::embedded().unwrap();
    let ents = fixture_entities();
    let vessels = VesselIndex::new(&ents);
    let screener = ListScreener::new(ents);
    let arms_de_ru = tx(
        r#"{"id": "de-ru", "date": "2024-06-01", "origin": "DE", "destination": "RU",
        "parties": [{"name": "A GmbH", "role": "seller", "country": "DE"}],
        "goods": [{"description": "AK-47 rifles"}]}"#,
    );
    let mut ctx = Context::new(&rules, &screener, &vessels);
    ctx.authorities = vec![Authority::Un];
    // The UN has no embargo on Russia.
    assert_eq!(
        screen_transaction(&arms_de_ru, &ctx).decision,
        DecisionKind::Clear
    );
    ctx.authorities = vec![Authority::Eu];
    let d = screen_transaction(&arms_de_ru, &ctx);
    assert_eq!(d.decision, DecisionKind::Prohibited);
    assert!(has_rule(&d, "EU-RU-ARMS"));
    ctx.authorities = Authority::ALL.to_vec();
    // Iran: UN arms measures lapsed in 2020 and came back with the snapback of 28 September 2025.
    let iran = |date: &str| {
        tx(&format!(
            r#"{{"id": "ir", "date": "{date}", "origin": "BY", "destination": "IR",
            "parties": [{{"name": "A", "role": "seller", "country": "BY"}}],
            "goods": [{{"hs_code": "8710.00", "description": "armoured vehicles"}}]}}"#
        ))
    };
    assert!(!has_rule(
        &screen_transaction(&iran("2024-01-01"), &ctx),
        "UN-IR-1929-SUPPLY"
    ));
    assert!(has_rule(
        &screen_transaction(&iran("2018-01-01"), &ctx),
        "UN-IR-2231-SUPPLY"
    ));
    let after = screen_transaction(&iran("2025-10-01"), &ctx);
    assert!(has_rule(&after, "UN-IR-1929-SUPPLY"), "{after:#?}");
    assert!(!has_rule(&after, "UN-IR-2231-SUPPLY"));
    // DPRK luxury and sectoral bans.
    let lux = tx(
        r#"{"id": "lux", "date": "2024-01-01", "origin": "CN", "destination": "KP",
        "parties": [{"name": "A", "role": "seller", "country": "CN"}],
        "goods": [{"hs_code": "9101.11", "description": "Swiss watches"}]}"#,
    );
    let d = screen_transaction(&lux, &ctx);
    assert_eq!(d.decision, DecisionKind::Prohibited);
    assert!(has_rule(&d, "UN-KP-LUXURY"));
    let fish = tx(
        r#"{"id": "fish", "date": "2024-01-01", "origin": "KP", "destination": "CN",
        "parties": [{"name": "A", "role": "buyer", "country": "CN"}],
        "goods": [{"hs_code": "0303.89", "description": "frozen fish"}]}"#,
    );
    let d = screen_transaction(&fish, &ctx);
    assert_eq!(d.decision, DecisionKind::Prohibited);
    assert!(has_rule(&d, "UN-KP-SEAFOOD"));
    // DRC embargo covers non-governmental end users only: review, not prohibited.
    let drc = tx(
        r#"{"id": "cd", "date": "2024-01-01", "origin": "BG", "destination": "CD",
        "parties": [{"name": "A", "role": "seller", "country": "BG"}],
        "goods": [{"hs_code": "9306.30", "description": "7.62x39 cartridges"}]}"#,
    );
    let d = screen_transaction(&drc, &ctx);
    assert_eq!(d.decision, DecisionKind::Review, "{d:#?}");
    assert!(has_rule(&d, "UN-CD-NONGOV"));
    // Transit through an embargoed country: review at most.
    let transit = tx(
        r#"{"id": "tr", "date": "2024-01-01", "origin": "DE", "destination": "KZ",
        "transit": ["RU"],
        "parties": [{"name": "A", "role": "seller", "country": "DE"}],
        "goods": [{"hs_code": "9306.30", "description": "cartridges"}]}"#,
    );
    let d = screen_transaction(&transit, &ctx);
    assert_eq!(d.decision, DecisionKind::Review, "{d:#?}");
    assert!(has_rule(&d, "EU-RU-ARMS"));
}
