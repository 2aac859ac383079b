//! The yente shapes: FollowTheMoney-style entities in and out.
//!
//! A match request holds query *examples* (`{"schema": "Person",
//! "properties": {"name": [...], "birthDate": [...]}}`); each becomes one
//! matcher query per name. Results are entities in yente's `EntityResponse`
//! shape (`id`, `caption`, `schema`, `properties`, `datasets`, ...) with
//! `score`, `match`, `features` and our `explanation`.

use crate::error::ApiError;
use interdict_matcher::{Explanation, MatchResult, Query};
use interdict_model::{Entity, Gender, IdKind, NameKind, NameQuality, PartialDate, Schema};
use interdict_store::SnapshotInfo;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// At most this many names of one example are screened.
const MAX_NAMES: usize = 16;
/// At most this many characters of one property value are read (a name
/// longer than the matcher screens is cut to what it screens).
const MAX_VALUE_CHARS: usize = interdict_matcher::MAX_NAME_CHARS;

/// One query example, cleaned.
#[derive(Debug, Clone)]
pub struct Example {
    /// The client's id for the example, when it gave one.
    pub id: Option<String>,
    /// The schema as given (echoed back).
    pub schema: String,
    /// The properties, as lists of strings.
    pub properties: BTreeMap<String, Vec<String>>,
}

impl Example {
    /// The example as yente echoes it in `query`.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "schema": self.schema,
            "properties": self.properties,
        })
    }

    fn values<'a>(&'a self, props: &'a [&'a str]) -> impl Iterator<Item = &'a str> + 'a {
        props
            .iter()
            .filter_map(|p| self.properties.get(*p))
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    /// The matcher queries for this example (one per distinct name), or a
    /// 400 naming the query key and the property that is wrong.
    pub fn queries(&self, key: &str) -> Result<Vec<Query>, ApiError> {
        let bad = |msg: String| ApiError::bad_request(format!("query {key:?}: {msg}"));
        let schema = match self.schema.trim() {
            "" | "Thing" | "thing" => None,
            s => Some(Schema::parse(s).ok_or_else(|| {
                bad(format!(
                    "unknown schema {s:?} (Person, Organization, Company, LegalEntity, Vessel, Airplane)"
                ))
            })?),
        };
        let mut names: Vec<String> = Vec::new();
        for n in self.values(&["name", "alias", "previousName", "weakAlias"]) {
            if !names.iter().any(|x| x == n) && names.len() < MAX_NAMES {
                names.push(n.to_string());
            }
        }
        if names.is_empty() {
            let parts: Vec<&str> = [
                "firstName",
                "secondName",
                "middleName",
                "fatherName",
                "lastName",
            ]
            .iter()
            .filter_map(|p| {
                self.properties
                    .get(*p)
                    .into_iter()
                    .flatten()
                    .map(|s| s.trim())
                    .find(|s| !s.is_empty())
            })
            .collect();
            if !parts.is_empty() {
                names.push(parts.join(" "));
            }
        }
        // the family name as the writer marks it (FollowTheMoney's
        // lastName), for the names that hold it
        let family_name = self.values(&["lastName"]).next().map(str::to_string);
        let mut birth_date = None;
        let dates: Vec<&str> = self.values(&["birthDate", "buildDate"]).collect();
        for d in &dates {
            if let Ok(pd) = d.parse::<PartialDate>() {
                birth_date = Some(pd);
                break;
            }
        }
        if birth_date.is_none() {
            if let Some(d) = dates.first() {
                return Err(bad(format!(
                    "birthDate {d:?} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
                )));
            }
        }
        let countries: Vec<String> = self
            .values(&[
                "nationality",
                "country",
                "citizenship",
                "jurisdiction",
                "flag",
            ])
            .map(str::to_string)
            .collect();
        let mut identifiers = Vec::new();
        for (prop, prefix) in [
            ("idNumber", ""),
            ("passportNumber", "passport:"),
            ("imoNumber", "imo:"),
            ("registrationNumber", ""),
            ("ogrnCode", "registration:"),
            ("taxNumber", "tax_id:"),
            ("innCode", "tax_id:"),
            ("vatCode", "tax_id:"),
            ("swiftBic", "swift:"),
            ("mmsi", "mmsi:"),
            ("serialNumber", ""),
        ] {
            for v in self.values(&[prop]) {
                identifiers.push(format!("{prefix}{v}"));
            }
        }
        let gender = match self.values(&["gender"]).next() {
            None => None,
            Some(g) => match g.to_ascii_lowercase().as_str() {
                "male" | "m" => Some(Gender::Male),
                "female" | "f" => Some(Gender::Female),
                _ => None,
            },
        };
        if names.is_empty() {
            if identifiers.is_empty() {
                return Err(bad(
                    "no name to match on (give properties.name, or an identifier such as idNumber)"
                        .into(),
                ));
            }
            names.push(String::new());
        }
        Ok(names
            .into_iter()
            .map(|name| Query {
                name,
                schema,
                birth_date,
                countries: countries.clone(),
                identifiers: identifiers.clone(),
                gender,
                family_name: family_name.clone(),
            })
            .collect())
    }
}

/// Reads one example from its JSON.
pub fn parse_example(key: &str, v: &Value) -> Result<Example, ApiError> {
    let bad = |msg: String| ApiError::unprocessable(format!("query {key:?}: {msg}"));
    let obj = v
        .as_object()
        .ok_or_else(|| bad(format!("must be an object, found {}", kind(v))))?;
    let schema = match obj.get("schema") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(bad(format!(
                "schema must be a string, found {}",
                kind(other)
            )))
        }
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let props = match obj.get("properties") {
        None | Some(Value::Null) => {
            return Err(bad(
                "properties is required (e.g. {\"name\": [\"John Doe\"]})".into(),
            ))
        }
        Some(Value::Object(m)) => m,
        Some(other) => {
            return Err(bad(format!(
                "properties must be an object, found {}",
                kind(other)
            )))
        }
    };
    let mut properties = BTreeMap::new();
    for (p, val) in props {
        let mut out = Vec::new();
        let mut push = |x: &Value| -> Result<(), ApiError> {
            let s = match x {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Null => return Ok(()),
                other => {
                    return Err(bad(format!(
                        "properties.{p} must hold strings, found {}",
                        kind(other)
                    )))
                }
            };
            out.push(s.chars().take(MAX_VALUE_CHARS).collect());
            Ok(())
        };
        match val {
            Value::Array(items) => {
                for x in items {
                    push(x)?;
                }
            }
            other => push(other)?,
        }
        properties.insert(p.clone(), out);
    }
    Ok(Example {
        id,
        schema,
        properties,
    })
}

/// The JSON type name of a value, for error messages.
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn push(map: &mut Map<String, Value>, prop: &str, value: impl Into<String>) {
    let value = value.into();
    if value.is_empty() {
        return;
    }
    let entry = map
        .entry(prop.to_string())
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = entry {
        if !list.iter().any(|v| v.as_str() == Some(value.as_str())) {
            list.push(Value::String(value));
        }
    }
}

/// The FollowTheMoney-style property map of an entity.
pub fn properties(e: &Entity) -> Value {
    let mut m = Map::new();
    for n in &e.names {
        let prop = match (n.kind, n.quality) {
            (NameKind::Primary, _) => "name",
            (NameKind::Alias, NameQuality::Weak) => "weakAlias",
            (NameKind::Alias, _) => "alias",
            (NameKind::Former, _) => "previousName",
        };
        push(&mut m, prop, n.full.clone());
    }
    let person = e.schema == Schema::Person;
    for d in &e.birth_dates {
        let prop = if person { "birthDate" } else { "buildDate" };
        push(&mut m, prop, d.date.to_string());
        if let Some(to) = d.to {
            push(&mut m, prop, to.to_string());
        }
    }
    for p in &e.birth_places {
        push(&mut m, "birthPlace", p.clone());
    }
    for c in &e.nationalities {
        let prop = if person { "nationality" } else { "country" };
        push(&mut m, prop, c.to_ascii_lowercase());
    }
    for c in &e.countries {
        push(&mut m, "country", c.to_ascii_lowercase());
    }
    if let Some(g) = e.gender {
        push(
            &mut m,
            "gender",
            match g {
                Gender::Male => "male",
                Gender::Female => "female",
            },
        );
    }
    for id in &e.identifiers {
        let prop = match &id.kind {
            IdKind::Passport => "passportNumber",
            IdKind::NationalId => "idNumber",
            IdKind::TaxId => "taxNumber",
            IdKind::Registration => "registrationNumber",
            IdKind::Imo => "imoNumber",
            IdKind::Mmsi => "mmsi",
            IdKind::SwiftBic => "swiftBic",
            IdKind::Aircraft => "serialNumber",
            IdKind::Other(_) => "idNumber",
        };
        push(&mut m, prop, id.value.clone());
    }
    for a in &e.addresses {
        let parts: Vec<&str> = [&a.street, &a.city, &a.region, &a.postal_code]
            .into_iter()
            .filter_map(|x| x.as_deref())
            .collect();
        let mut text = parts.join(", ");
        if let Some(c) = a.country.as_deref() {
            let name = interdict_model::country::country_name(c).unwrap_or(c);
            if text.is_empty() {
                text = name.to_string();
            } else {
                text = format!("{text}, {name}");
            }
            push(&mut m, "country", c.to_ascii_lowercase());
        }
        push(&mut m, "address", text);
    }
    for p in &e.programmes {
        push(&mut m, "program", p.clone());
    }
    if let Some(d) = e.listed_on {
        push(&mut m, "createdAt", d.to_string());
    }
    for r in &e.remarks {
        push(&mut m, "notes", r.clone());
    }
    for (k, vs) in &e.properties {
        for v in vs {
            push(&mut m, k, v.clone());
        }
    }
    push(&mut m, "topics", "sanction");
    Value::Object(m)
}

/// An entity in yente's `EntityResponse` shape.
pub fn entity_response(e: &Entity, snapshot: Option<&SnapshotInfo>) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), json!(e.id));
    m.insert("caption".into(), json!(e.caption()));
    m.insert("schema".into(), json!(e.schema.as_str()));
    m.insert("properties".into(), properties(e));
    m.insert("datasets".into(), json!([e.source]));
    m.insert("referents".into(), json!([]));
    m.insert("target".into(), json!(true));
    m.insert("first_seen".into(), Value::Null);
    m.insert(
        "last_seen".into(),
        snapshot.map_or(Value::Null, |s| json!(s.imported_at)),
    );
    m.insert("last_change".into(), Value::Null);
    m
}

/// The features of a result: the name score and every adjustment.
pub fn features(x: &Explanation) -> Value {
    let mut m = Map::new();
    m.insert("name_score".into(), json!(x.name_score));
    for a in &x.adjustments {
        if let Ok(Value::String(name)) = serde_json::to_value(a.feature) {
            m.insert(name, json!(a.delta));
        }
    }
    Value::Object(m)
}

/// One scored result in yente's `ScoredEntityResponse` shape, plus `explanation`.
pub fn scored(e: &Entity, r: &MatchResult, snapshot: Option<&SnapshotInfo>) -> Value {
    let mut m = entity_response(e, snapshot);
    m.insert("score".into(), json!(round3(r.score)));
    m.insert("match".into(), json!(r.is_match));
    m.insert("features".into(), features(&r.explanation));
    m.insert(
        "explanation".into(),
        serde_json::to_value(&r.explanation).unwrap_or(Value::Null),
    );
    Value::Object(m)
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// The feature documentation yente returns as `matcher`.
pub fn feature_docs() -> Value {
    let f = |d: &str, c: f64| json!({"description": d, "coefficient": c, "url": "/openapi.json"});
    json!({
        "name_score": f("Similarity of the best listed name to the query name: tokens aligned regardless of order, weighted by rarity, exact/transliterated/spelling variant/phonetic/fuzzy/misread by OCR/initial/joined.", 1.0),
        "birth_date_agrees": f("Birth date agrees (+0.05 to the day, +0.02 to the year).", 0.05),
        "birth_date_contradicts": f("Birth date differs (-0.08 same year, -0.10 a year off, -0.20 further).", -0.2),
        "country_agrees": f("A country (nationality, residence, registration) agrees.", 0.03),
        "country_contradicts": f("The countries given are not among the listed ones.", -0.05),
        "gender_contradicts": f("Gender contradicts.", -0.1),
        "schema_mismatch": f("The query's schema cannot be the listed entity's (-0.25 when the query has no schema but a company's legal form, against a person, vessel or aircraft; -0.15 when it has no schema but reads as a person's name, against a vessel, aircraft or organization it does not name exactly).", -0.3),
        "identifier_match": f("An identical identifier (passport, IMO, registration...): score at least 0.9 + 0.1 x name score.", 0.9),
        "identifier_contradicts": f("An identifier of the same kind that differs.", -0.25),
        "weak_alias": f("The matched name is a weak (low quality) alias; its score counts 0.9.", -0.1),
        "acronym": f("Only the listed organization's acronym matched (PLA for People's Liberation Army); its score counts 0.9.", -0.1),
        "low_information": f("Only common name tokens matched; the name score is scaled down.", 0.0),
        "lineage_swapped": f("The given name of one name is a forebear's name (after bin/ibn) in the other: father and son; the name score is scaled by 0.7.", -0.3),
        "legal_form_differs": f("The query's legal form and the listed name's make different kinds of company (AG / GmbH, ANO / LLC); the name score is scaled by 0.78.", -0.22),
        "qualifier_one_sided": f("An organization's name ends in a series number or a country the other name has none of (Fund I, Banco Santander Mexico); the name score is scaled by 0.8.", -0.2),
        "one_word_near_miss": f("A one-word name met only by a near miss of a short word or by sound (Kim / Kimo); the name score is scaled by 0.85.", -0.15),
        "family_name_missing": f("A person's name is met only in the query's given names: the family name the query writes in capitals (Muhammad Qasim ABDOLLAHI) is not in the listed name, which marks its own family name so (QASIM, Mohammed); the name score is scaled by 0.85.", -0.15),
        "family_names_crossed": f("Both names mark their family names in capitals, and each one's family name meets only given names of the other (Mansour ABDULLAH / Abdallah MANSOUR): the same words in other roles; the name score is scaled by 0.9.", -0.1),
        "family_names_apart": f("Both names give their family names (in capitals, or before a comma), and these meet only two letters or more apart (Morteza SAFAROV / Morteza SAFARI): a typo changes one letter, another family's name is spelt near; the name score is scaled by 0.9.", -0.1),
        "distinctive_word_missing": f("An organization's most distinctive word is not in the query, though commoner words of its name are (UKRAINE for BELKAZTRANS UKRAINE; the code of letters and digits that opens it, ENGINEERING for S 7 ENGINEERING), or a person's name is met only in its patronymic (Fedorovich); the name score is scaled by 0.85.", -0.15),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{DateSpec, Identifier, Name};

    #[test]
    fn every_feature_is_documented() {
        use interdict_matcher::Feature;
        let docs = feature_docs();
        for f in [
            Feature::BirthDateAgrees,
            Feature::BirthDateContradicts,
            Feature::CountryAgrees,
            Feature::CountryContradicts,
            Feature::GenderContradicts,
            Feature::SchemaMismatch,
            Feature::IdentifierMatch,
            Feature::IdentifierContradicts,
            Feature::WeakAlias,
            Feature::Acronym,
            Feature::LowInformation,
            Feature::LineageSwapped,
            Feature::LegalFormDiffers,
            Feature::QualifierOneSided,
            Feature::OneWordNearMiss,
            Feature::DistinctiveWordMissing,
            Feature::FamilyNameMissing,
            Feature::FamilyNamesCrossed,
            Feature::FamilyNamesApart,
        ] {
            let Ok(Value::String(name)) = serde_json::to_value(f) else {
                panic!("{f:?} has no name");
            };
            assert!(docs.get(&name).is_some(), "{name} is not documented");
        }
    }

    #[test]
    fn examples_become_queries() {
        let v = json!({"schema": "Person", "properties": {
            "name": ["Kim Jong Un", " ", "Kim Jong Un"], "alias": "Jong-un Kim",
            "birthDate": ["1984-01-08"], "nationality": ["kp"], "passportNumber": [123456],
            "gender": ["male"]}});
        let ex = parse_example("q1", &v).unwrap();
        let qs = ex.queries("q1").unwrap();
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].name, "Kim Jong Un");
        assert_eq!(qs[1].name, "Jong-un Kim");
        assert_eq!(
            qs[0].birth_date.map(|d| d.to_string()).as_deref(),
            Some("1984-01-08")
        );
        assert_eq!(qs[0].countries, vec!["kp"]);
        assert_eq!(qs[0].identifiers, vec!["passport:123456"]);
        assert_eq!(qs[0].schema, Some(Schema::Person));
        assert_eq!(qs[0].gender, Some(Gender::Male));
    }

    #[test]
    fn a_last_name_marks_the_family_name() {
        // name parts only: the name is built from them, lastName marked
        let v = json!({"schema": "Person", "properties": {
            "firstName": ["Muhammad Qasim"], "lastName": ["Abdollahi"]}});
        let qs = parse_example("q1", &v).unwrap().queries("q1").unwrap();
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].name, "Muhammad Qasim Abdollahi");
        assert_eq!(qs[0].family_name.as_deref(), Some("Abdollahi"));
        // beside a whole name it says which words of it are the family name
        let v = json!({"schema": "Person", "properties": {
            "name": ["Hans Friedrich"], "lastName": ["Friedrich"]}});
        let qs = parse_example("q2", &v).unwrap().queries("q2").unwrap();
        assert_eq!(qs[0].name, "Hans Friedrich");
        assert_eq!(qs[0].family_name.as_deref(), Some("Friedrich"));
        // none given: none marked
        let v = json!({"schema": "Person", "properties": {"name": ["Hans Friedrich"]}});
        let qs = parse_example("q3", &v).unwrap().queries("q3").unwrap();
        assert_eq!(qs[0].family_name, None);
    }

    #[test]
    fn bad_examples_are_client_errors_naming_the_query() {
        let cases = [
            (json!([1]), 422, "must be an object"),
            (
                json!({"schema": 3, "properties": {}}),
                422,
                "schema must be a string",
            ),
            (json!({"schema": "Person"}), 422, "properties is required"),
            (
                json!({"schema": "Person", "properties": {"name": [{"a": 1}]}}),
                422,
                "must hold strings",
            ),
            (
                json!({"schema": "Person", "properties": {"name": []}}),
                400,
                "no name",
            ),
            (
                json!({"schema": "Spaceship", "properties": {"name": ["X"]}}),
                400,
                "unknown schema",
            ),
            (
                json!({"schema": "Person", "properties": {"name": ["X"], "birthDate": ["soon"]}}),
                400,
                "not a date",
            ),
        ];
        for (v, status, text) in cases {
            let err = parse_example("qx", &v).and_then(|ex| ex.queries("qx").map(|_| ()));
            let err = err.expect_err(&v.to_string());
            assert_eq!(err.status.as_u16(), status, "{v}: {}", err.detail);
            assert!(
                err.detail.contains(text) && err.detail.contains("qx"),
                "{}",
                err.detail
            );
        }
    }

    #[test]
    fn entities_become_ftm_properties() {
        let mut e = Entity::new("ofac", "20157", Schema::Person);
        e.push_name(Name::new("KIM, Jong Un", NameKind::Primary));
        e.push_name(Name::new("Kim Jong-un", NameKind::Alias).with_quality(NameQuality::Weak));
        e.birth_dates
            .push(DateSpec::exact("1984-01-08".parse().unwrap()));
        e.nationalities.push("KP".into());
        e.programmes.push("DPRK3".into());
        e.identifiers.push(Identifier {
            kind: IdKind::Passport,
            value: "PS123".into(),
            country: None,
            note: None,
        });
        let r = entity_response(&e, None);
        assert_eq!(r["caption"], "KIM, Jong Un");
        let p = &r["properties"];
        assert_eq!(p["name"], json!(["KIM, Jong Un"]));
        assert_eq!(p["weakAlias"], json!(["Kim Jong-un"]));
        assert_eq!(p["birthDate"], json!(["1984-01-08"]));
        assert_eq!(p["nationality"], json!(["kp"]));
        assert_eq!(p["program"], json!(["DPRK3"]));
        assert_eq!(p["passportNumber"], json!(["PS123"]));
        assert_eq!(r["datasets"], json!(["ofac"]));
    }
}
