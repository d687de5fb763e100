//! The reader settings panel: text size, typeface, line width, theme.

use crate::reader_settings::use_settings;
use broadsheet_core::settings::{Font, Settings, Theme, Width};
use leptos::prelude::*;

/// One radio group bound to a field of the settings.
fn group<T: Copy + PartialEq + Send + Sync + 'static>(
    legend: &'static str,
    name: &'static str,
    options: Vec<(T, &'static str)>,
    get: fn(&Settings) -> T,
    set: fn(&mut Settings, T),
) -> impl IntoView {
    let settings = use_settings().0;
    view! {
        <fieldset class="settings-group">
            <legend>{legend}</legend>
            <div class="settings-options">
                {options
                    .into_iter()
                    .map(|(value, label)| {
                        view! {
                            <label class="settings-option">
                                <input
                                    type="radio"
                                    name=name
                                    prop:checked=move || get(&settings.get()) == value
                                    on:change=move |_| settings.update(|s| set(s, value))
                                />
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
pub fn SettingsPanel() -> impl IntoView {
    let t = crate::locale::use_ui().text();
    let sizes = (0u8..).zip(t.sizes).collect();
    view! {
        <section id="reader-settings" class="settings-panel" aria-labelledby="reader-settings-title">
            <h2 id="reader-settings-title" class="visually-hidden">{t.reader_settings}</h2>
            {group(t.text_size, "bs-size", sizes, |s| s.size, |s, v| s.size = v)}
            {group(t.typeface, "bs-font", vec![(Font::Serif, t.serif), (Font::Sans, t.sans_serif)], |s| s.font, |s, v| s.font = v)}
            {group(
                t.line_width,
                "bs-width",
                vec![(Width::Narrow, t.narrow), (Width::Normal, t.normal), (Width::Wide, t.wide)],
                |s| s.width,
                |s, v| s.width = v,
            )}
            {group(
                t.theme,
                "bs-theme",
                vec![(Theme::Auto, t.theme_auto), (Theme::Light, t.theme_light), (Theme::Sepia, t.theme_sepia), (Theme::Dark, t.theme_dark)],
                |s| s.theme,
                |s, v| s.theme = v,
            )}
        </section>
    }
}
