//! The two UK formats: HM Treasury OFSI's Consolidated List CSV (`uk-ofsi`)
//! and the FCDO UK Sanctions List XML (`uk`).

mod conlist;
mod xml;

pub use conlist::parse_conlist;
pub(crate) use xml::dmy_date;
pub use xml::parse_xml;
