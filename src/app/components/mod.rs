//! Thin view components that render a `crate::page::Page`.

pub mod article_view;
pub mod figure;
pub mod markdown_view;
pub mod states;
