//! Thin view components that render a `broadsheet_core::page::Page`.

pub mod article_view;
pub mod figure;
pub mod listen;
pub mod markdown_view;
pub mod reader;
pub mod reading_bar;
pub mod resume;
pub mod save_offline;
pub mod settings_panel;
pub mod site_bar;
pub mod states;
pub mod toc;
