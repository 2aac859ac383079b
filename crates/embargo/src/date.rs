//! Calendar dates as the dataset and transactions write them (`YYYY-MM-DD`,
//! or `YYYY-MM` / `YYYY` where only that much is known).

use serde::{Serialize, Serializer};
use std::fmt;

/// A date known to the day, month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    /// Year.
    pub year: i32,
    /// Month 1..=12 (0 when unknown).
    pub month: u8,
    /// Day 1..=31 (0 when unknown).
    pub day: u8,
}

impl IsoDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or an impossible date.
    pub fn parse(s: &str) -> Option<IsoDate> {
        let s = s.trim();
        let mut parts = s.split('-');
        let year_s = parts.next()?;
        if year_s.len() != 4 || !year_s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_s.parse().ok()?;
        let mut num = |len: usize| -> Option<Option<u8>> {
            match parts.next() {
                None => Some(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().ok().map(Some)
                }
                Some(_) => None,
            }
        };
        let month = num(2)?;
        let day = num(2)?;
        if parts.next().is_some() || (month.is_none() && day.is_some()) {
            return None;
        }
        let month = month.unwrap_or(0);
        let day = day.unwrap_or(0);
        if month > 12 || (month == 0 && day != 0) {
            return None;
        }
        // The model's calendar check (month length, leap years).
        if day != 0 && interdict_model::PartialDate::ymd(year, month, day).is_none() {
            return None;
        }
        if month == 0 && s.len() != 4 {
            return None;
        }
        Some(IsoDate { year, month, day })
    }

    /// The first day the date can mean (`2021-03` → `2021-03-01`).
    pub fn first_day(self) -> IsoDate {
        IsoDate {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// Today's date (UTC) from the system clock.
    pub fn today() -> IsoDate {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        IsoDate::from_days((secs / 86_400) as i64)
    }

    /// The date `days` days after 1970-01-01 (proleptic Gregorian).
    pub fn from_days(days: i64) -> IsoDate {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + i64::from(m <= 2);
        IsoDate {
            year: y as i32,
            month: m,
            day: d,
        }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_precisions() {
        assert_eq!(
            IsoDate::parse("2006-10-14")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2006-10-14")
        );
        assert_eq!(
            IsoDate::parse("2021-03")
                .map(|d| d.first_day().to_string())
                .as_deref(),
            Some("2021-03-01")
        );
        assert_eq!(
            IsoDate::parse("1993").map(|d| d.to_string()).as_deref(),
            Some("1993")
        );
        for bad in [
            "",
            "93",
            "2023-13",
            "2023-02-30",
            "2023-2-01",
            "2023/01/01",
            "2023-01-01-01",
            "x023",
        ] {
            assert!(IsoDate::parse(bad).is_none(), "{bad}");
        }
        assert!(IsoDate::parse("2024-02-29").is_some());
    }

    #[test]
    fn civil_from_days() {
        assert_eq!(IsoDate::from_days(0).to_string(), "1970-01-01");
        assert_eq!(IsoDate::from_days(19_723).to_string(), "2024-01-01");
        assert!(IsoDate::today().year >= 2024);
    }
}
