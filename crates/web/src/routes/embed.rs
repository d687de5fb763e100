//! `/embed?src=<article JSON URL>[&origin=<host origin>][&theme=light|dark|sepia|auto][&ui-lang=fr]`:
//! the article alone, for an iframe on another site. It tells the host its height
//! (`broadsheet-resize`), and `broadsheet-load`, `broadsheet-progress`,
//! `broadsheet-error`, `broadsheet-comment` and `broadsheet-listen`, through `crate::host`.

use crate::components::listen::{Hooks, ListenEmbed, Listener};
use crate::components::{article_view::ArticleView, states::article_states};
use crate::host::{Host, HostEvent};
use crate::loader::{Load, use_article};
use crate::locale::{self, Languages};
use crate::{fatal, names};
use broadsheet_core::settings::Theme;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[component]
pub fn EmbedRoute() -> impl IntoView {
    let query = use_query_map();
    // On another site: the reader's languages, or the one the host fixed.
    provide_context(Languages::of_reader().fixed_to(query.read_untracked().get("ui-lang")));
    let src = Memo::new(move |_| query.read().get("src"));
    let load = use_article(src, None);
    let host = StoredValue::new(Host::parent(query.read_untracked().get("origin")));
    let tell = move |event: HostEvent| {
        host.with_value(|host| {
            if let Some(host) = host {
                host.send(&event)
            }
        })
    };

    if let Some(root) = document().document_element() {
        if let Some(theme) = query
            .read_untracked()
            .get("theme")
            .and_then(|t| Theme::parse(&t))
        {
            let _ = root.set_attribute("data-theme", theme.name());
        }
        let _ = root.set_attribute("data-embed", "iframe");
    }

    Effect::new(move |_| {
        if let Some(event) = load.state().read().host_event() {
            tell(event);
        }
    });

    // Report the content's height whenever it changes (fonts, images, text size).
    let frame = NodeRef::<Div>::new();
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>);
    Effect::new(move |_| {
        let Some(el) = frame.get() else { return };
        let el: web_sys::Element = el.into();
        let target = el.clone();
        let report = Closure::<dyn FnMut()>::new(fatal::unless_stopped(move || {
            let height = (target.get_bounding_client_rect().bottom()
                + window().scroll_y().unwrap_or(0.0))
            .ceil();
            tell(HostEvent::Resize { height });
        }));
        if let Ok(ro) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
            ro.observe(&el);
            observer.set_value(Some((ro, report)));
        }
    });
    on_cleanup(move || {
        observer.try_update_value(|o| {
            if let Some((ro, _)) = o.take() {
                ro.disconnect();
            }
        });
    });

    // Reading progress, as far as the frame can see it: the host's window is
    // unknown here, but an IntersectionObserver (implicit root: the top-level
    // window) tells which blocks of the body are on screen. Progress is how far
    // down the body the visible part reaches (100 % once its end is in view).
    let progress_io = StoredValue::new_local(None::<ProgressObserver>);
    Effect::new(move |_| {
        if !matches!(&*load.state().read(), Load::Ready(_)) {
            return;
        }
        let Some(el) = frame.get() else { return };
        // The article replaces the skeleton in the same tick: look once it has.
        request_animation_frame(move || {
            observe_progress(&el, progress_io, move |percent| {
                tell(HostEvent::Progress { percent })
            })
        });
    });
    on_cleanup(move || {
        progress_io.try_update_value(|o| {
            if let Some((io, _)) = o.take() {
                io.disconnect();
            }
        });
    });

    let on_comment = Callback::new(move |()| tell(HostEvent::Comment));
    let on_listen = Callback::new(move |listening| tell(HostEvent::Listen { listening }));
    view! {
        <div class="embed" node_ref=frame>
            {article_states(load, true, move |loaded| {
                locale::provide_for_article(loaded.page.meta.language.as_deref());
                // The frame shows the whole article: listening starts at the headline.
                let status = RwSignal::new(None::<String>);
                let hooks = Hooks { host: Some(on_listen), ..Hooks::default() };
                let listen = Listener::new(broadsheet_core::listen::plan(&loaded.page), frame, status, hooks);
                view! {
                    <ListenEmbed listen/>
                    <ArticleView page=loaded.page.clone() base=loaded.url.clone() on_comment/>
                }
                .into_any()
            })}
        </div>
    }
}

/// The observer of the article's blocks, and its callback (kept alive with it).
type ProgressObserver = (
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array)>,
);

/// Observes the article's blocks and posts `broadsheet-progress` as they come into view.
fn observe_progress(
    frame: &web_sys::HtmlDivElement,
    store: StoredValue<Option<ProgressObserver>, LocalStorage>,
    report: impl Fn(u8) + 'static,
) {
    let selector = format!("article {}", names::class(names::ARTICLE_BODY));
    let Some(body) = frame.query_selector(&selector).ok().flatten() else {
        return;
    };
    let visible = std::rc::Rc::new(std::cell::RefCell::new(std::collections::HashMap::<
        String,
        f64,
    >::new()));
    let last = std::rc::Rc::new(std::cell::Cell::new(None::<u8>));
    let body_for_cb = body.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if fatal::stopped() {
            return;
        }
        let mut visible = visible.borrow_mut();
        for entry in entries.iter() {
            let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
            let id = entry.target().id();
            if entry.is_intersecting() {
                visible.insert(id, entry.intersection_rect().bottom());
            } else {
                visible.remove(&id);
            }
        }
        let Some(bottom) = visible.values().copied().reduce(f64::max) else {
            return;
        };
        let rect = body_for_cb.get_bounding_client_rect();
        if rect.height() <= 0.0 {
            return;
        }
        let percent = broadsheet_core::progress::percent((bottom - rect.top()) / rect.height());
        if last.get() != Some(percent) {
            last.set(Some(percent));
            report(percent);
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    let thresholds = js_sys::Array::new();
    for i in 0..=10 {
        thresholds.push(&(f64::from(i) / 10.0).into());
    }
    init.set_threshold(&thresholds);
    let Ok(io) =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
    else {
        return;
    };
    let children = body.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i).filter(|c| !c.id().is_empty()) {
            io.observe(&child);
        }
    }
    store.try_update_value(|o| {
        if let Some((old, _)) = o.replace((io, callback)) {
            old.disconnect();
        }
    });
}
