//! The curators' tools beyond reading: `boucle fmt` (the canonical layout, [`fmt`]), `check
//! --fix` (the unambiguous suggestions applied, [`fix`]), `check --links` (dead and moved
//! addresses, [`links`]) and `check --interreg` (the Interreg Europe template's gaps,
//! [`interreg`]), and the form that writes an entry for curators who do not write RON
//! ([`form`]). Every file they write goes through [`write`]: atomically, only when the
//! text changed.

pub mod fix;
pub mod fmt;
pub mod form;
pub mod interreg;
pub mod links;
pub mod write;
