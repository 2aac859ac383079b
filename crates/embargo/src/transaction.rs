//! Trade transactions as input: the JSON schema and the CSV layout.
//!
//! # JSON
//!
//! One transaction is an object:
//!
//! ```json
//! {
//!   "id": "TX-1",
//!   "date": "2024-05-01",
//!   "origin": "KP", "destination": "RU", "transit": ["CN"],
//!   "parties": [
//!     {"name": "Korea Mining Development Trading Corp", "role": "seller", "country": "KP"},
//!     {"name": "OOO Example", "role": "consignee", "country": "RU"}
//!   ],
//!   "vessels": [{"name": "Petrel 8", "imo": "9562233", "flag": "KP"}],
//!   "goods": [
//!     {"hs_code": "9306.90", "description": "152 mm artillery shells", "quantity": 1000, "value": 250000, "currency": "USD"}
//!   ]
//! }
//! ```
//!
//! * `id`, `date` (`YYYY-MM-DD`; screening uses today when absent), `notes`: optional.
//! * `origin`, `destination`: ISO 3166 alpha-2 codes (country names are read too).
//! * `transit`: a list of codes.
//! * `parties[]`: `name` (required), `role` (one of [`Role`]'s names), `country`.
//! * `vessels[]`: `name`, `imo` (seven digits, `IMO` prefix allowed), `flag`.
//! * `goods[]`: `hs_code` (2-10 digits; dots and spaces allowed), `description`,
//!   `quantity`, `value` (numbers or text), `unit`, `currency`.
//!
//! Unknown fields are an error, so that a misspelt field (`hscode`) is never
//! silently ignored. A file may hold one object, an array of objects, or one
//! object per line (JSON Lines).
//!
//! # CSV
//!
//! One row per goods line, with a header row. Consecutive rows with the same
//! `id` form one transaction (their party and vessel columns are merged).
//! Columns (all optional except `id`; unknown columns are an error):
//! `id, date, origin, destination, transit` (codes separated by spaces, `;` or `|`),
//! one pair per role — `buyer, buyer_country, seller, seller_country, consignor,
//! consignor_country, consignee, consignee_country, shipper, shipper_country,
//! notify_party, notify_party_country, bank, bank_country, end_user,
//! end_user_country, manufacturer, manufacturer_country, broker, broker_country` —
//! `vessel, vessel_imo, vessel_flag, hs_code, description, quantity, value, unit, currency`.

use crate::EmbargoError;
use serde::{Deserialize, Serialize};
use std::io::BufRead;

/// A number or a text, as JSON gives quantities, values and HS codes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NumOrText {
    /// A JSON number.
    Num(serde_json::Number),
    /// A JSON string.
    Text(String),
}

impl NumOrText {
    /// As text (numbers as JSON writes them).
    pub fn as_text(&self) -> String {
        match self {
            NumOrText::Num(n) => n.to_string(),
            NumOrText::Text(s) => s.clone(),
        }
    }
}

/// A party to a transaction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The name as written on the documents.
    #[serde(default)]
    pub name: Option<String>,
    /// The role (`buyer`, `seller`, `consignor`, `consignee`, `shipper`,
    /// `notify_party`, `bank`, `end_user`, `manufacturer`, `broker`, `agent`, `carrier`, `other`).
    #[serde(default)]
    pub role: Option<String>,
    /// Country (ISO alpha-2).
    #[serde(default)]
    pub country: Option<String>,
}

/// The role of a party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Buyer (importer).
    Buyer,
    /// Seller (exporter).
    Seller,
    /// Consignor.
    Consignor,
    /// Consignee.
    Consignee,
    /// Shipper.
    Shipper,
    /// Notify party.
    NotifyParty,
    /// A bank (financing, paying, issuing or advising).
    Bank,
    /// End user.
    EndUser,
    /// Manufacturer.
    Manufacturer,
    /// Broker or intermediary.
    Broker,
    /// Agent (freight forwarder, shipping agent).
    Agent,
    /// Carrier (shipping line, airline).
    Carrier,
    /// Any other role.
    Other,
}

impl Role {
    /// Reads a role name (`end_user`, `end user`, `End-User`, `importer`, …).
    pub fn parse(s: &str) -> Option<Role> {
        let k: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        Some(match k.as_str() {
            "buyer" | "importer" | "purchaser" => Role::Buyer,
            "seller" | "exporter" | "vendor" | "supplier" => Role::Seller,
            "consignor" => Role::Consignor,
            "consignee" | "ultimate_consignee" | "intermediate_consignee" => Role::Consignee,
            "shipper" => Role::Shipper,
            "notify_party" | "notify" => Role::NotifyParty,
            "bank" | "issuing_bank" | "advising_bank" | "paying_bank" | "confirming_bank" => {
                Role::Bank
            }
            "end_user" | "enduser" | "ultimate_end_user" => Role::EndUser,
            "manufacturer" | "producer" => Role::Manufacturer,
            "broker" | "intermediary" => Role::Broker,
            "agent" | "freight_forwarder" | "forwarder" | "shipping_agent" => Role::Agent,
            "carrier" | "shipping_line" | "airline" | "vessel_owner" | "ship_owner" => {
                Role::Carrier
            }
            "other" => Role::Other,
            _ => return None,
        })
    }

    /// Whether a party in this role receives the goods (its country is a destination).
    pub fn receives(self) -> bool {
        matches!(self, Role::Buyer | Role::Consignee | Role::EndUser)
    }

    /// Whether a party in this role supplies the goods (its country is an origin).
    pub fn supplies(self) -> bool {
        matches!(
            self,
            Role::Seller | Role::Consignor | Role::Shipper | Role::Manufacturer
        )
    }
}

/// A vessel carrying the goods.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vessel {
    /// The vessel's name.
    #[serde(default)]
    pub name: Option<String>,
    /// IMO number.
    #[serde(default)]
    pub imo: Option<NumOrText>,
    /// Flag state (ISO alpha-2).
    #[serde(default)]
    pub flag: Option<String>,
}

/// One goods line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoodsLine {
    /// Harmonized System code.
    #[serde(default)]
    pub hs_code: Option<NumOrText>,
    /// Description as on the documents.
    #[serde(default)]
    pub description: Option<String>,
    /// Quantity.
    #[serde(default)]
    pub quantity: Option<NumOrText>,
    /// Unit of the quantity.
    #[serde(default)]
    pub unit: Option<String>,
    /// Value.
    #[serde(default)]
    pub value: Option<NumOrText>,
    /// Currency of the value.
    #[serde(default)]
    pub currency: Option<String>,
}

/// A trade transaction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transaction {
    /// The caller's id for it.
    #[serde(default)]
    pub id: Option<String>,
    /// Date (`YYYY-MM-DD`).
    #[serde(default)]
    pub date: Option<String>,
    /// Country of origin.
    #[serde(default)]
    pub origin: Option<String>,
    /// Country of destination.
    #[serde(default)]
    pub destination: Option<String>,
    /// Transit countries.
    #[serde(default)]
    pub transit: Vec<String>,
    /// Parties.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// Vessels.
    #[serde(default)]
    pub vessels: Vec<Vessel>,
    /// Goods lines.
    #[serde(default)]
    pub goods: Vec<GoodsLine>,
    /// Free notes (not screened).
    #[serde(default)]
    pub notes: Option<String>,
}

impl Transaction {
    /// Reads one transaction from a JSON object.
    pub fn from_json(text: &str) -> Result<Transaction, serde_json::Error> {
        serde_json::from_str(text)
    }
}

/// One record of an input file: a transaction, or why it could not be read.
#[derive(Debug)]
pub struct Record {
    /// Where it is: `line 3`, `record 2`, `rows 4-6`.
    pub location: String,
    /// The transaction or the error.
    pub result: Result<Transaction, String>,
}

/// The input layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON object, or an array of objects.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// CSV with a header row.
    Csv,
}

/// Guesses the layout from the first bytes: `[` → JSON array, `{` → JSON
/// (JSON Lines when the first line is a whole object), anything else → CSV.
pub fn detect_format(head: &str) -> InputFormat {
    let t = head.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('[') {
        InputFormat::Json
    } else if t.starts_with('{') {
        let first = t.lines().next().unwrap_or("");
        if serde_json::from_str::<serde_json::Value>(first).is_ok() {
            InputFormat::JsonLines
        } else {
            InputFormat::Json
        }
    } else {
        InputFormat::Csv
    }
}

/// Reads every record of a whole JSON document (an object or an array of objects).
pub fn read_json(text: &str) -> Result<Vec<Record>, EmbargoError> {
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| EmbargoError::Input {
            location: format!("line {}", e.line()),
            message: format!("invalid JSON: {e}"),
        })?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        other @ serde_json::Value::Object(_) => vec![other],
        _ => {
            return Err(EmbargoError::Input {
                location: "record 1".into(),
                message: "expected a JSON object or an array of objects".into(),
            })
        }
    };
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(i, v)| Record {
            location: format!("record {}", i + 1),
            result: serde_json::from_value(v).map_err(|e| format!("invalid transaction: {e}")),
        })
        .collect())
}

/// Streams JSON Lines: one record per non-empty line.
pub fn read_json_lines<R: BufRead>(reader: R) -> impl Iterator<Item = Record> {
    reader.lines().enumerate().filter_map(|(i, line)| {
        let location = format!("line {}", i + 1);
        match line {
            Err(e) => Some(Record {
                location,
                result: Err(format!("cannot read: {e}")),
            }),
            Ok(l) if l.trim().is_empty() => None,
            Ok(l) => Some(Record {
                location,
                result: Transaction::from_json(l.trim_start_matches('\u{feff}'))
                    .map_err(|e| format!("invalid transaction: {e}")),
            }),
        }
    })
}

const ROLE_COLUMNS: &[&str] = &[
    "buyer",
    "seller",
    "consignor",
    "consignee",
    "shipper",
    "notify_party",
    "bank",
    "end_user",
    "manufacturer",
    "broker",
];

const OTHER_COLUMNS: &[&str] = &[
    "id",
    "date",
    "origin",
    "destination",
    "transit",
    "vessel",
    "vessel_imo",
    "vessel_flag",
    "hs_code",
    "description",
    "quantity",
    "value",
    "unit",
    "currency",
    "notes",
];

/// Streams a CSV file: consecutive rows with the same `id` make one transaction.
pub struct CsvReader<R: std::io::Read> {
    rows: csv::StringRecordsIntoIter<R>,
    headers: Vec<String>,
    pending: Option<(usize, Result<csv::StringRecord, String>)>,
    row_no: usize,
}

impl<R: std::io::Read> CsvReader<R> {
    /// Reads the header row and checks the columns.
    pub fn new(reader: R) -> Result<CsvReader<R>, EmbargoError> {
        let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let headers: Vec<String> = r
            .headers()
            .map_err(|e| EmbargoError::Input {
                location: "line 1".into(),
                message: format!("cannot read the CSV header: {e}"),
            })?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
            .collect();
        for h in &headers {
            let known = OTHER_COLUMNS.contains(&h.as_str())
                || ROLE_COLUMNS.contains(&h.as_str())
                || h.strip_suffix("_country")
                    .is_some_and(|r| ROLE_COLUMNS.contains(&r));
            if !known {
                return Err(EmbargoError::Input {
                    location: "line 1".into(),
                    message: format!("unknown CSV column {h:?} (see the documented columns)"),
                });
            }
        }
        if !headers.iter().any(|h| h == "id") {
            return Err(EmbargoError::Input {
                location: "line 1".into(),
                message: "the CSV has no id column".into(),
            });
        }
        Ok(CsvReader {
            rows: r.into_records(),
            headers,
            pending: None,
            row_no: 1,
        })
    }

    fn next_row(&mut self) -> Option<(usize, Result<csv::StringRecord, String>)> {
        if let Some(p) = self.pending.take() {
            return Some(p);
        }
        let r = self.rows.next()?;
        self.row_no += 1;
        Some((self.row_no, r.map_err(|e| e.to_string())))
    }

    fn get<'a>(&self, row: &'a csv::StringRecord, col: &str) -> Option<&'a str> {
        let i = self.headers.iter().position(|h| h == col)?;
        row.get(i).map(str::trim).filter(|s| !s.is_empty())
    }
}

impl<R: std::io::Read> Iterator for CsvReader<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let (first_no, first) = match self.next_row()? {
            (n, Ok(r)) => (n, r),
            (n, Err(e)) => {
                return Some(Record {
                    location: format!("line {n}"),
                    result: Err(format!("invalid CSV row: {e}")),
                })
            }
        };
        let id = self.get(&first, "id").map(str::to_string);
        let mut rows = vec![first];
        let mut last_no = first_no;
        loop {
            match self.next_row() {
                None => break,
                Some((n, Ok(r))) => {
                    if id.is_some() && self.get(&r, "id").map(str::to_string) == id {
                        rows.push(r);
                        last_no = n;
                    } else {
                        self.pending = Some((n, Ok(r)));
                        break;
                    }
                }
                Some((n, Err(e))) => {
                    // Reported as a record of its own next time.
                    self.pending = Some((n, Err(e)));
                    break;
                }
            }
        }
        let location = if first_no == last_no {
            format!("line {first_no}")
        } else {
            format!("lines {first_no}-{last_no}")
        };
        Some(Record {
            location,
            result: Ok(self.build(id, &rows)),
        })
    }
}

impl<R: std::io::Read> CsvReader<R> {
    fn build(&self, id: Option<String>, rows: &[csv::StringRecord]) -> Transaction {
        let mut t = Transaction {
            id,
            ..Transaction::default()
        };
        let first_of = |col: &str| {
            rows.iter()
                .find_map(|r| self.get(r, col))
                .map(str::to_string)
        };
        t.date = first_of("date");
        t.origin = first_of("origin");
        t.destination = first_of("destination");
        t.notes = first_of("notes");
        for r in rows {
            if let Some(tr) = self.get(r, "transit") {
                for c in tr.split([' ', ';', '|', ',']).filter(|s| !s.is_empty()) {
                    if !t.transit.iter().any(|x| x == c) {
                        t.transit.push(c.to_string());
                    }
                }
            }
            for role in ROLE_COLUMNS {
                let name = self.get(r, role);
                let country = self.get(r, &format!("{role}_country"));
                if name.is_none() && country.is_none() {
                    continue;
                }
                let p = Party {
                    name: name.map(str::to_string),
                    role: Some(role.to_string()),
                    country: country.map(str::to_string),
                };
                if !t.parties.contains(&p) {
                    t.parties.push(p);
                }
            }
            let (vn, vi, vf) = (
                self.get(r, "vessel"),
                self.get(r, "vessel_imo"),
                self.get(r, "vessel_flag"),
            );
            if vn.is_some() || vi.is_some() || vf.is_some() {
                let v = Vessel {
                    name: vn.map(str::to_string),
                    imo: vi.map(|s| NumOrText::Text(s.to_string())),
                    flag: vf.map(str::to_string),
                };
                if !t.vessels.contains(&v) {
                    t.vessels.push(v);
                }
            }
            let g = GoodsLine {
                hs_code: self
                    .get(r, "hs_code")
                    .map(|s| NumOrText::Text(s.to_string())),
                description: self.get(r, "description").map(str::to_string),
                quantity: self
                    .get(r, "quantity")
                    .map(|s| NumOrText::Text(s.to_string())),
                unit: self.get(r, "unit").map(str::to_string),
                value: self.get(r, "value").map(|s| NumOrText::Text(s.to_string())),
                currency: self.get(r, "currency").map(str::to_string),
            };
            if g != GoodsLine::default() {
                t.goods.push(g);
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_forms() {
        let one = r#"{"id":"a","goods":[{"hs_code":930690}]}"#;
        assert_eq!(detect_format(one), InputFormat::JsonLines);
        let recs = read_json(one).unwrap();
        assert_eq!(recs.len(), 1);
        let t = recs.into_iter().next().unwrap().result.unwrap();
        assert_eq!(t.goods[0].hs_code.as_ref().unwrap().as_text(), "930690");
        let arr = "[{\"id\":\"a\"},\n {\"id\":\"b\", \"hscode\": 1}]";
        assert_eq!(detect_format(arr), InputFormat::Json);
        let recs = read_json(arr).unwrap();
        assert!(recs[0].result.is_ok());
        let err = recs[1].result.as_ref().unwrap_err();
        assert!(err.contains("hscode"), "{err}");
        let pretty = "{\n \"id\": \"a\"\n}";
        assert_eq!(detect_format(pretty), InputFormat::Json);
        let lines = "{\"id\":\"a\"}\n\nnot json\n{\"id\":\"c\"}\n";
        let recs: Vec<Record> = read_json_lines(lines.as_bytes()).collect();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1].location, "line 3");
        assert!(recs[1].result.is_err());
    }

    #[test]
    fn csv_groups_rows_by_id() {
        let csv = "id,origin,destination,seller,seller_country,consignee,hs_code,description\n\
                   t1,KP,RU,Seller A,KP,Buyer B,9306.90,shells\n\
                   t1,KP,RU,Seller A,KP,Buyer B,,machine parts\n\
                   t2,DE,FR,,,,0303,frozen fish\n";
        let recs: Vec<Record> = CsvReader::new(csv.as_bytes()).unwrap().collect();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].location, "lines 2-3");
        let t1 = recs[0].result.as_ref().unwrap();
        assert_eq!(t1.goods.len(), 2);
        assert_eq!(t1.parties.len(), 2);
        assert_eq!(t1.origin.as_deref(), Some("KP"));
        let t2 = recs[1].result.as_ref().unwrap();
        assert_eq!(t2.goods.len(), 1);
        assert!(CsvReader::new("id,hscode\n".as_bytes()).is_err());
        assert!(CsvReader::new("origin\n".as_bytes()).is_err());
    }
}
