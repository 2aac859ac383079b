//! The entity model of Interdict.
//!
//! Every list parser produces [`Entity`] values and everything downstream (the
//! store, the matcher, the API) consumes them. The shape follows the
//! FollowTheMoney schemata used by OpenSanctions and yente (`Person`,
//! `Organization`, `Company`, `Vessel`, `Airplane`), so that data and clients
//! carry over, but facts that publishers give are typed here rather than left
//! as free strings: birth dates keep their precision, countries are ISO 3166
//! alpha-2 codes, aliases keep the publisher's quality grading.
#![deny(missing_docs)]

pub mod country;
mod date;
mod entity;

pub use date::{DateParseError, DateSpec, PartialDate};
pub use entity::{
    Address, Entity, FieldChange, Gender, IdKind, Identifier, Link, Name, NameKind, NameQuality,
    Schema,
};
