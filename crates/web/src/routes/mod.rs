//! One file per route.

pub mod embed;
pub mod library;
pub mod read;
