//! One file per route.

pub mod library;
pub mod read;
