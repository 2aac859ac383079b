//! Dates as publishers give them: often only a year, sometimes a range, sometimes "circa".

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A calendar date known to a year, a month or a day.
///
/// Sanctions lists give many birth dates as a year only ("1962") or a month
/// ("Jan 1984"); matching must compare only what is known, so the precision is
/// part of the value rather than padded with fake days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year, e.g. 1984.
    pub year: i32,
    /// The month, 1..=12, when known.
    pub month: Option<u8>,
    /// The day of month, 1..=31, when known (only with a month).
    pub day: Option<u8>,
}

/// Why a date string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError(pub String);

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date: {:?}", self.0)
    }
}

impl std::error::Error for DateParseError {}

impl PartialDate {
    /// A date known to the year only.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A date known to the day. Returns `None` for an impossible month or day.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A date known to the month. Returns `None` for an impossible month.
    pub fn ym(year: i32, month: u8) -> Option<Self> {
        if !(1..=12).contains(&month) {
            return None;
        }
        Some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// Whether two dates agree on every part both of them know.
    pub fn agrees_with(&self, other: &PartialDate) -> bool {
        if self.year != other.year {
            return false;
        }
        match (self.month, other.month) {
            (Some(a), Some(b)) if a != b => return false,
            (Some(_), Some(_)) => {}
            _ => return true,
        }
        match (self.day, other.day) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateParseError;

    /// Reads the ISO forms `YYYY`, `YYYY-MM` and `YYYY-MM-DD` (a time part after
    /// `T` is ignored). Publisher-specific forms ("08 Jan 1984", "01/08/2026")
    /// are read by the parsers that meet them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError(s.to_string());
        let s = s.trim();
        let s = s.split('T').next().unwrap_or(s);
        let mut parts = s.split('-');
        let year: i32 = parts
            .next()
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse().ok())
            .ok_or_else(err)?;
        let month = match parts.next() {
            None => return Ok(PartialDate::year(year)),
            Some(m) => m.parse::<u8>().map_err(|_| err())?,
        };
        let date = match parts.next() {
            None => PartialDate::ym(year, month),
            Some(d) => PartialDate::ymd(year, month, d.parse::<u8>().map_err(|_| err())?),
        };
        if parts.next().is_some() {
            return Err(err());
        }
        date.ok_or_else(err)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A date as a list states it: one partial date, or a range, possibly approximate.
///
/// UN lists give `TYPE_OF_DATE` EXACT, APPROXIMATELY or BETWEEN; OFAC writes
/// "circa 1960" or "1957 to 1960". All of these are kept, with the
/// publisher's original text when it was not a plain ISO date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpec {
    /// The date, or the start of the range.
    pub date: PartialDate,
    /// The end of the range, for "between A and B".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// The publisher says the date is approximate ("circa", "approximately").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// The text as published, when it said more than the fields hold
    /// (e.g. an Islamic-calendar date or "circa 1960").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl DateSpec {
    /// An exact (to its precision) date.
    pub fn exact(date: PartialDate) -> Self {
        DateSpec {
            date,
            to: None,
            approximate: false,
            text: None,
        }
    }

    /// A range of dates, both ends included.
    pub fn range(from: PartialDate, to: PartialDate) -> Self {
        DateSpec {
            date: from,
            to: Some(to),
            approximate: false,
            text: None,
        }
    }

    /// The earliest and latest year this spec allows.
    pub fn year_bounds(&self) -> (i32, i32) {
        let end = self.to.map_or(self.date.year, |t| t.year);
        (self.date.year.min(end), self.date.year.max(end))
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            write!(f, "circa ")?;
        }
        write!(f, "{}", self.date)?;
        if let Some(to) = self.to {
            write!(f, " to {to}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_precisions() {
        assert_eq!("1984".parse::<PartialDate>(), Ok(PartialDate::year(1984)));
        assert_eq!("1984-01".parse(), Ok(PartialDate::ym(1984, 1).unwrap()));
        assert_eq!(
            "1984-01-08T00:00:00".parse(),
            Ok(PartialDate::ymd(1984, 1, 8).unwrap())
        );
        assert!("1984-02-30".parse::<PartialDate>().is_err());
        assert!("84".parse::<PartialDate>().is_err());
        assert!("1984-1-8-9".parse::<PartialDate>().is_err());
    }

    #[test]
    fn agreement_uses_only_known_parts() {
        let day = PartialDate::ymd(1984, 1, 8).unwrap();
        assert!(PartialDate::year(1984).agrees_with(&day));
        assert!(!PartialDate::year(1983).agrees_with(&day));
        assert!(!PartialDate::ymd(1984, 1, 9).unwrap().agrees_with(&day));
    }

    #[test]
    fn display_round_trips() {
        for s in ["1984", "1984-01", "1984-01-08"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
    }
}
