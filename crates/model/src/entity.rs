//! Entities and their parts.

use crate::date::{DateSpec, PartialDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// What kind of thing an entity is, named as in FollowTheMoney.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Schema {
    /// A natural person.
    Person,
    /// An organization that is not known to be a registered company
    /// (UN and EU "entities" are Organizations unless the list says more).
    Organization,
    /// A registered company.
    Company,
    /// A legal entity of unknown kind (FollowTheMoney `LegalEntity`).
    LegalEntity,
    /// A ship.
    Vessel,
    /// An aircraft.
    Airplane,
}

impl Schema {
    /// The FollowTheMoney schema name.
    pub fn as_str(self) -> &'static str {
        match self {
            Schema::Person => "Person",
            Schema::Organization => "Organization",
            Schema::Company => "Company",
            Schema::LegalEntity => "LegalEntity",
            Schema::Vessel => "Vessel",
            Schema::Airplane => "Airplane",
        }
    }

    /// Reads a FollowTheMoney schema name (case-insensitive).
    pub fn parse(s: &str) -> Option<Schema> {
        Some(match s.to_ascii_lowercase().as_str() {
            "person" => Schema::Person,
            "organization" | "organisation" => Schema::Organization,
            "company" => Schema::Company,
            "legalentity" => Schema::LegalEntity,
            "vessel" => Schema::Vessel,
            "airplane" | "aircraft" => Schema::Airplane,
            _ => return None,
        })
    }

    /// Whether entities of these two schemata may be the same real thing
    /// (a `LegalEntity` may be a person or an organization; a Company is an Organization).
    pub fn compatible(self, other: Schema) -> bool {
        use Schema::*;
        let org = |s| matches!(s, Organization | Company);
        self == other
            || self == LegalEntity && matches!(other, Person | Organization | Company)
            || other == LegalEntity && matches!(self, Person | Organization | Company)
            || org(self) && org(other)
    }
}

impl fmt::Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role of a name in a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// The name the publisher lists the entity under.
    Primary,
    /// Also known as.
    Alias,
    /// Formerly known as.
    Former,
}

/// How much the publisher trusts an alias.
///
/// UN grades aliases "Good" or "Low"; OFAC calls them strong or weak; the UK
/// marks "Good quality" and "Low quality" a.k.a.s. Weak aliases are often
/// common words or fragments, so matching gives them less weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameQuality {
    /// Good / strong.
    Strong,
    /// Low / weak.
    Weak,
    /// Not graded by the publisher.
    Unknown,
}

/// One name of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Name {
    /// The whole name as published, e.g. "KIM, Jong Un" or "Ким Чен Ын".
    pub full: String,
    /// Primary, alias or former name.
    pub kind: NameKind,
    /// The publisher's quality grading.
    pub quality: NameQuality,
    /// ISO 15924 script code when the name is in an original script
    /// (`Hang`, `Cyrl`, `Arab`, `Hani`, ...), `None` for Latin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<String>,
    /// Language code when the publisher gives one (EU gives it per alias).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Given names, when the publisher splits them out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// Family name, when the publisher splits it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
}

impl Name {
    /// A name with no grading, script or parts.
    pub fn new(full: impl Into<String>, kind: NameKind) -> Self {
        Name {
            full: full.into(),
            kind,
            quality: NameQuality::Unknown,
            script: None,
            lang: None,
            given: None,
            family: None,
        }
    }

    /// The same name with a quality grading.
    pub fn with_quality(mut self, quality: NameQuality) -> Self {
        self.quality = quality;
        self
    }
}

/// Gender as the publisher states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// The kind of an identifying document or code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// Passport number.
    Passport,
    /// National identity number or card.
    NationalId,
    /// Tax id (INN, TIN, ...).
    TaxId,
    /// Company registration number (OGRN, registration ID, ...).
    Registration,
    /// IMO ship or company number.
    Imo,
    /// Maritime Mobile Service Identity.
    Mmsi,
    /// SWIFT/BIC code.
    SwiftBic,
    /// Aircraft serial number or tail number.
    Aircraft,
    /// Any other kind, with the publisher's label.
    Other(String),
}

impl IdKind {
    /// The kind in words, as an analyst writes it ("passport", "IMO").
    pub fn label(&self) -> &str {
        match self {
            IdKind::Passport => "passport",
            IdKind::NationalId => "national ID",
            IdKind::TaxId => "tax ID",
            IdKind::Registration => "registration no.",
            IdKind::Imo => "IMO",
            IdKind::Mmsi => "MMSI",
            IdKind::SwiftBic => "SWIFT/BIC",
            IdKind::Aircraft => "aircraft no.",
            IdKind::Other(label) => label,
        }
    }
}

/// An identifier with its issuer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identifier {
    /// What kind of identifier.
    pub kind: IdKind,
    /// The number or code as published.
    pub value: String,
    /// ISO 3166 alpha-2 code of the issuing country, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Anything else the publisher says (issue date, "expires", ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Address {
    /// Street lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City or town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, province or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Free text the publisher adds ("as of early 2016").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Address {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        self == &Address::default()
    }
}

/// A link from one listed entity to another (OFAC "Linked To:", vessel owner).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Link {
    /// The relation in words: `linked_to`, `owner`, `operator`, `associate`, ...
    pub relation: String,
    /// The other entity's name as the source writes it.
    pub target_name: String,
    /// The other entity's id, when it could be resolved within the same list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
}

/// A listed person, organization, vessel or aircraft, as one publisher lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id: the source name, a colon and the publisher's reference
    /// (`un:KPi.033`, `ofac:20157`).
    pub id: String,
    /// The source (list) name: `un`, `ofac`, `ofac-cons`, `eu`, `uk`, `uk-ofsi`, `opensanctions`, `us-csl`.
    pub source: String,
    /// The publisher's own reference for the entry.
    pub reference: String,
    /// What kind of thing it is.
    pub schema: Schema,
    /// Names; the first [`NameKind::Primary`] one is the caption.
    pub names: Vec<Name>,
    /// Birth dates (for people) or build/registration dates where a list gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub birth_dates: Vec<DateSpec>,
    /// Places of birth as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub birth_places: Vec<String>,
    /// Nationalities and citizenships, ISO 3166 alpha-2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nationalities: Vec<String>,
    /// Other countries linked to the entity (residence, registration, flag), ISO 3166 alpha-2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Gender, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Passports, national ids, IMO numbers, ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    /// Sanctions programmes or regimes (`DPRK3`, `RUSSIA-EO14024`, `DPRK`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<String>,
    /// When the entry was first listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_on: Option<PartialDate>,
    /// Free remarks that did not fit a field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<String>,
    /// Links to other entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Further facts by FollowTheMoney property name (`title`, `position`,
    /// `flag`, `callSign`, `tonnage`, `buildDate`, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<String, Vec<String>>,
}

/// One field that differs between two versions of an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The field name as in the JSON form (`names`, `birth_dates`, `properties.flag`, ...).
    pub field: String,
    /// Values only in the old version.
    pub removed: Vec<serde_json::Value>,
    /// Values only in the new version.
    pub added: Vec<serde_json::Value>,
}

impl Entity {
    /// An entity with an id built from source and reference, and nothing else yet.
    pub fn new(source: &str, reference: &str, schema: Schema) -> Self {
        Entity {
            id: format!("{source}:{reference}"),
            source: source.to_string(),
            reference: reference.to_string(),
            schema,
            names: Vec::new(),
            birth_dates: Vec::new(),
            birth_places: Vec::new(),
            nationalities: Vec::new(),
            countries: Vec::new(),
            gender: None,
            identifiers: Vec::new(),
            addresses: Vec::new(),
            programmes: Vec::new(),
            listed_on: None,
            remarks: Vec::new(),
            links: Vec::new(),
            properties: BTreeMap::new(),
        }
    }

    /// The name to show: the first primary name, else the first name, else the id.
    pub fn caption(&self) -> &str {
        self.names
            .iter()
            .find(|n| n.kind == NameKind::Primary)
            .or_else(|| self.names.first())
            .map_or(self.id.as_str(), |n| n.full.as_str())
    }

    /// Adds a name unless the same text is already there with the same kind.
    pub fn push_name(&mut self, name: Name) {
        let mut name = name;
        let trimmed = name.full.trim();
        if trimmed.is_empty() {
            return;
        }
        if trimmed.len() != name.full.len() {
            name.full = trimmed.to_string();
        }
        if !self
            .names
            .iter()
            .any(|n| n.full == name.full && n.kind == name.kind && n.script == name.script)
        {
            self.names.push(name);
        }
    }

    /// Adds a value to a list field unless it is already there.
    pub fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
        if !list.contains(&value) {
            list.push(value);
        }
    }

    /// Adds a free-form property value (FollowTheMoney property name).
    pub fn add_property(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let values = self.properties.entry(name.to_string()).or_default();
        if !values.iter().any(|v| v == value) {
            values.push(value.to_string());
        }
    }

    /// All identifiers of one kind.
    pub fn identifiers_of<'a>(&'a self, kind: &'a IdKind) -> impl Iterator<Item = &'a Identifier> {
        self.identifiers.iter().filter(move |i| &i.kind == kind)
    }

    /// The fields that differ between `self` (old) and `new`, value by value.
    ///
    /// List fields are compared as sets, so a reordering is not a change.
    pub fn diff(&self, new: &Entity) -> Vec<FieldChange> {
        let (old, new) = match (serde_json::to_value(self), serde_json::to_value(new)) {
            (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) => (a, b),
            _ => return Vec::new(),
        };
        let mut changes = Vec::new();
        let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            if key == "properties" {
                let empty = serde_json::Map::new();
                let a = old.get(key).and_then(|v| v.as_object()).unwrap_or(&empty);
                let b = new.get(key).and_then(|v| v.as_object()).unwrap_or(&empty);
                let mut props: Vec<&String> = a.keys().chain(b.keys()).collect();
                props.sort();
                props.dedup();
                for p in props {
                    push_change(
                        &mut changes,
                        format!("properties.{p}"),
                        a.get(p.as_str()),
                        b.get(p.as_str()),
                    );
                }
            } else {
                push_change(&mut changes, key.clone(), old.get(key), new.get(key));
            }
        }
        changes
    }
}

fn as_list(v: Option<&serde_json::Value>) -> Vec<serde_json::Value> {
    match v {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::Array(items)) => items.clone(),
        Some(other) => vec![other.clone()],
    }
}

fn push_change(
    changes: &mut Vec<FieldChange>,
    field: String,
    old: Option<&serde_json::Value>,
    new: Option<&serde_json::Value>,
) {
    let a = as_list(old);
    let b = as_list(new);
    let removed: Vec<_> = a.iter().filter(|v| !b.contains(v)).cloned().collect();
    let added: Vec<_> = b.iter().filter(|v| !a.contains(v)).cloned().collect();
    if !removed.is_empty() || !added.is_empty() {
        changes.push(FieldChange {
            field,
            removed,
            added,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kim() -> Entity {
        let mut e = Entity::new("ofac", "20157", Schema::Person);
        e.push_name(Name::new("KIM, Jong Un", NameKind::Primary));
        e.programmes.push("DPRK3".into());
        e
    }

    #[test]
    fn id_and_caption() {
        let e = kim();
        assert_eq!(e.id, "ofac:20157");
        assert_eq!(e.caption(), "KIM, Jong Un");
    }

    #[test]
    fn diff_reports_fields_as_sets() {
        let old = kim();
        let mut new = kim();
        assert!(old.diff(&new).is_empty());
        new.programmes.push("DPRK2".into());
        new.add_property("title", "Marshal");
        let d = old.diff(&new);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].field, "programmes");
        assert_eq!(d[0].added, vec![serde_json::json!("DPRK2")]);
        assert_eq!(d[1].field, "properties.title");
        // reordering is not a change
        let mut reordered = new.clone();
        reordered.programmes.reverse();
        assert!(new.diff(&reordered).is_empty());
    }

    #[test]
    fn json_round_trip() {
        let e = kim();
        let s = serde_json::to_string(&e).unwrap();
        let back: Entity = serde_json::from_str(&s).unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn schema_compatibility() {
        assert!(Schema::Company.compatible(Schema::Organization));
        assert!(Schema::LegalEntity.compatible(Schema::Person));
        assert!(!Schema::Person.compatible(Schema::Vessel));
    }
}
