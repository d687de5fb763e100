//! The bar at the top of every page but the iframe embed: the site's name
//! (a link home), "You're offline", and "A new version is available".

use crate::{locale, offline};
use leptos::prelude::*;

/// `children`: the link home (the router's `<A>` in the app, a plain link on
/// a published page).
#[component]
pub fn SiteBar(offline: offline::Offline, children: Children) -> impl IntoView {
    let ui = locale::page_ui;
    view! {
        <header class="site-bar" lang=move || ui().lang() dir=move || ui().dir()>
            {children()}
            <span class="net-status" role="status">
                {move || (!offline.online.get()).then(|| ui().text().offline)}
            </span>
        </header>
        <Show when=move || offline.update_waiting.get()>
            <div class="notice notice--update" role="status" lang=move || ui().lang() dir=move || ui().dir()>
                <p>{move || ui().text().update_available}</p>
                <button type="button" class="button" on:click=|_| offline::accept_update()>{move || ui().text().reload}</button>
            </div>
        </Show>
    }
}
