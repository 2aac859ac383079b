//! Arms embargoes and trade screening: is this shipment prohibited, and under which rule?
//!
//! Name screening answers "is this party listed?"; this crate answers "is this
//! transaction prohibited?":
//!
//! * [`rules`] — the embargo rules dataset (`data/embargoes.csv`, embedded):
//!   every UN Security Council arms embargo in force and the arms embargoes of
//!   the EU, the UK and the US on the states the lists' programmes cover, one
//!   row per measure, each with its legal basis, dates and source.
//! * [`goods`] — classification of goods lines by HS code and description into
//!   arms (with Wassenaar Munitions List / EU Common Military List
//!   categories), dual-use and luxury goods.
//! * [`transaction`] — the transaction input schema (JSON object, array, JSON
//!   Lines, or CSV).
//! * [`party`] — party and vessel screening behind the [`PartyScreener`] trait
//!   (a simple exact-name [`ListScreener`] here; the matching engine plugs in
//!   by implementing the trait), and the IMO number index [`VesselIndex`].
//! * [`screen`] — [`screen_transaction`], a pure function giving `prohibited`,
//!   `review` or `clear` with every reason and its citation.
#![deny(missing_docs)]

pub mod date;
pub mod goods;
pub mod party;
pub mod rules;
pub mod screen;
pub mod transaction;

pub use date::IsoDate;
pub use goods::{classify, Category, Classification};
pub use party::{ListScreener, MatcherScreener, PartyHit, PartyScreener, VesselIndex};
pub use rules::{Authority, Direction, Effect, EmbargoRule, RuleSet, Scope, Target};
pub use screen::{screen_transaction, Context, Decision, DecisionKind, Reason, ReasonKind};
pub use transaction::{GoodsLine, Party, Transaction, Vessel};

use thiserror::Error;

/// Errors of this crate.
#[derive(Debug, Error)]
pub enum EmbargoError {
    /// A row of the rules dataset is invalid.
    #[error("{file}: line {line}: {message}")]
    Rules {
        /// The dataset file.
        file: String,
        /// 1-based line (0 when about the whole file).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Transaction input that cannot be read at all.
    #[error("{location}: {message}")]
    Input {
        /// Where (`line 1`).
        location: String,
        /// What is wrong.
        message: String,
    },
}
