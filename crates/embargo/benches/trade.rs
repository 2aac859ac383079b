//! Throughput of batch trade screening (transactions per second).
//!
//! `cargo bench -p interdict-embargo --bench trade [-- N]`
//!
//! Builds the list screener and vessel index from the real UN list and OFAC
//! SDN CSV in the shared lists folder (or a small fixture when it is absent),
//! generates N synthetic transactions (default 50,000) mixing routes, HS codes,
//! descriptions, listed and unlisted parties and vessels, and times (1) JSON
//! parsing plus screening and (2) screening alone, single-threaded.

use interdict_embargo::{
    screen_transaction, Context, DecisionKind, IsoDate, ListScreener, RuleSet, Transaction,
    VesselIndex,
};
use interdict_model::{Entity, IdKind, Name, NameKind, Schema};
use std::path::PathBuf;
use std::time::Instant;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.next() % v.len()]
    }
}

fn load() -> Vec<Entity> {
    let dir = std::env::var_os("INTERDICT_LISTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/lists"
            ))
        });
    let mut out = Vec::new();
    for rel in [
        "un/un_consolidated_2026-02-27.xml",
        "ofac/sdn_csv_2024-05-03/sdn.csv",
    ] {
        match interdict_formats::parse_path(&dir.join(rel)) {
            Ok(l) => out.extend(l.entities),
            Err(e) => eprintln!("note: {rel} not loaded ({e}); using what is available"),
        }
    }
    if out.is_empty() {
        let mut e = Entity::new("un", "KPe.001", Schema::Organization);
        e.push_name(Name::new(
            "KOREA MINING DEVELOPMENT TRADING CORPORATION",
            NameKind::Primary,
        ));
        out.push(e);
    }
    out
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(50_000);
    let t0 = Instant::now();
    let entities = load();
    let rules = RuleSet::embedded().expect("rules");
    let vessels = VesselIndex::new(&entities);
    let listed_names: Vec<String> = entities
        .iter()
        .filter(|e| !matches!(e.schema, Schema::Vessel | Schema::Airplane))
        .map(|e| e.caption().to_string())
        .collect();
    let listed_imos: Vec<String> = entities
        .iter()
        .filter(|e| e.schema == Schema::Vessel)
        .flat_map(|e| {
            e.identifiers_of(&IdKind::Imo)
                .map(|i| i.value.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    let screener = ListScreener::new(entities);
    let mut ctx = Context::new(&rules, &screener, &vessels);
    ctx.today = IsoDate::parse("2026-03-01").expect("date");
    println!(
        "index: {} entities, {} IMO numbers, {} rules, built in {:.2} s",
        screener.entities().len(),
        vessels.len(),
        rules.rules.len(),
        t0.elapsed().as_secs_f64()
    );

    let countries = [
        "DE", "FR", "CN", "RU", "KP", "IR", "BY", "TR", "AE", "IN", "US", "GB", "CD", "SS", "VN",
    ];
    let goods = [
        (Some("9306.90"), "152 mm artillery shells"),
        (None, "122 mm artillery rounds"),
        (Some("0303.89"), "frozen fish"),
        (Some("6109.10"), "cotton t-shirts"),
        (None, "machine parts"),
        (Some("8806.22"), "quadcopter drones"),
        (Some("9101.11"), "wrist watches"),
        (Some("8483.40"), "gearboxes"),
        (None, "T-72 tank engines"),
        (Some("8703.23"), "passenger cars"),
        (Some("2710.19"), "diesel fuel"),
        (Some("93O6"), "cartridges"),
    ];
    let roles = [
        "buyer",
        "seller",
        "consignee",
        "shipper",
        "notify_party",
        "bank",
        "end_user",
    ];
    let mut rng = Lcg(42);
    let mut lines = Vec::with_capacity(n);
    for i in 0..n {
        let nparties = 2 + rng.next() % 3;
        let parties: Vec<serde_json::Value> = (0..nparties)
            .map(|_| {
                let name = if rng.next() % 20 < 1 && !listed_names.is_empty() {
                    rng.pick(&listed_names).clone()
                } else {
                    format!("Trading Company {} Ltd", rng.next() % 100_000)
                };
                serde_json::json!({"name": name, "role": rng.pick(&roles), "country": rng.pick(&countries)})
            })
            .collect();
        let ngoods = 1 + rng.next() % 3;
        let g: Vec<serde_json::Value> = (0..ngoods)
            .map(|_| {
                let (hs, d) = rng.pick(&goods);
                serde_json::json!({"hs_code": hs, "description": d, "quantity": rng.next() % 1000, "value": rng.next() % 100_000})
            })
            .collect();
        let imo = if rng.next() % 10 < 1 && !listed_imos.is_empty() {
            rng.pick(&listed_imos).clone()
        } else {
            "9074729".to_string()
        };
        let t = serde_json::json!({
            "id": format!("T{i}"), "date": "2025-06-01",
            "origin": rng.pick(&countries), "destination": rng.pick(&countries),
            "transit": [rng.pick(&countries)],
            "parties": parties,
            "vessels": [{"name": format!("Ocean Star {}", rng.next() % 500), "imo": imo, "flag": "PA"}],
            "goods": g,
        });
        lines.push(t.to_string());
    }

    let start = Instant::now();
    let mut counts = [0usize; 3];
    for l in &lines {
        let t = Transaction::from_json(l).expect("json");
        let d = screen_transaction(&t, &ctx);
        counts[d.decision as usize] += 1;
    }
    let e2e = start.elapsed().as_secs_f64();

    let parsed: Vec<Transaction> = lines
        .iter()
        .map(|l| Transaction::from_json(l).expect("json"))
        .collect();
    let start = Instant::now();
    let mut prohibited = 0usize;
    for t in &parsed {
        if screen_transaction(t, &ctx).decision == DecisionKind::Prohibited {
            prohibited += 1;
        }
    }
    let screen_only = start.elapsed().as_secs_f64();
    println!(
        "{n} transactions: {} prohibited, {} review, {} clear",
        counts[2], counts[1], counts[0]
    );
    assert_eq!(prohibited, counts[2]);
    println!(
        "parse + screen: {:.0} transactions/s ({:.1} µs each), single thread",
        n as f64 / e2e,
        e2e * 1e6 / n as f64
    );
    println!(
        "screen only:    {:.0} transactions/s ({:.1} µs each), single thread",
        n as f64 / screen_only,
        screen_only * 1e6 / n as f64
    );
}
