//! An article while it is being read: the progress bar, the reading bar, the
//! table of contents and the article, wired to the reading tracker
//! (`crate::tracker`) and to resuming where the reader left off (`super::resume`).

use super::article_view::ArticleView;
use super::listen::{Hooks, ListenButton, ListenEmbed, ListenPlayer, Listener};
use super::reading_bar::ReadingBar;
use super::resume::{Resume, ResumeOffer};
use super::save_offline::SaveOffline;
use super::toc::{MIN_HEADINGS, Toc};
use crate::tracker::{Parts, Tracker};
use crate::{locale, names, storage};
use broadsheet_core::page::Page;
use leptos::ev;
use leptos::html::{Div, Header};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How a reader inside a `<broadsheet-article>` element differs from the page's.
#[derive(Clone, Copy)]
pub struct Embedded {
    /// `progress="none"` turns the bar off.
    pub progress: bool,
    /// `related="hide"` leaves out related links.
    pub related: bool,
}

#[component]
pub fn Reader(
    page: Page,
    /** The article's URL. */
    base: String,
    /// Inside a custom element on another site: no reading bar, settings or
    /// contents; the progress bar sticks to the element.
    #[prop(optional)]
    embedded: Option<Embedded>,
    /// Called with each new whole percent read.
    #[prop(optional)]
    on_progress: Option<Callback<u8>>,
    /// "Leave a comment" when the article has no comments URL (an embed asks its host).
    #[prop(optional)]
    on_comment: Option<Callback<()>>,
    /// Reading aloud ("Listen") started (`true`) or stopped: for an embed's host.
    #[prop(optional)]
    on_listen: Option<Callback<bool>>,
) -> impl IntoView {
    // The interface in the article's language, for everything below.
    let ui = locale::provide_for_article(page.meta.language.as_deref());
    let show_bar = embedded.as_ref().is_none_or(|e| e.progress);
    let show_related = embedded.as_ref().is_none_or(|e| e.related);
    let is_embedded = embedded.is_some();
    // A #p12 in the address is the host page's business when embedded.
    let deep_link = StoredValue::new(if is_embedded || !cfg!(target_arch = "wasm32") {
        String::new()
    } else {
        window()
            .location()
            .hash()
            .unwrap_or_default()
            .trim_start_matches('#')
            .to_string()
    });
    let resume = Resume::load(
        page.meta.id.as_deref(),
        &base,
        deep_link.with_value(String::is_empty),
    );

    let total_minutes = page.reading.minutes();
    let percent = RwSignal::new(0u8);
    let section = RwSignal::new(None::<String>);
    let tracker: StoredValue<Option<Tracker>, LocalStorage> = StoredValue::new_local(None);
    let headings = page.headings();

    let chrome = NodeRef::<Header>::new();
    let bar = NodeRef::<Div>::new();
    let fill = NodeRef::<Div>::new();
    let holder = NodeRef::<Div>::new();

    let save = move || {
        tracker.try_with_value(|t| {
            if let Some(t) = t {
                resume.save(t);
            }
        });
    };

    Effect::new(move |_| {
        let (Some(holder), Some(bar), Some(fill)) = (holder.get(), bar.get(), fill.get()) else {
            return;
        };
        let Some(body) = holder
            .query_selector(&names::class(names::ARTICLE_BODY))
            .ok()
            .flatten()
        else {
            return;
        };
        let Some(article) = holder.query_selector("article").ok().flatten() else {
            return;
        };
        // For the benchmark (docs/benchmarks.md): the article's text is in the page.
        if let Some(performance) = window().performance() {
            let _ = performance.mark("article-rendered");
        }
        let parts = Parts {
            body,
            article,
            bar: bar.into(),
            fill: fill.unchecked_into(),
            chrome: chrome.get().map(|c| c.unchecked_into()),
        };
        let started = Tracker::start(
            parts,
            move |now| {
                percent.set(now);
                if let Some(report) = on_progress {
                    report.run(now);
                }
            },
            move |now| section.set(now),
            move || resume.scrolled(),
        );
        deep_link.with_value(|id| {
            if !id.is_empty() {
                scroll_to_anchor(id);
            }
        });
        tracker.set_value(Some(started));
    });

    // Save as the reader goes (each whole percent) and when they leave.
    Effect::new(move |_| {
        percent.track();
        save();
    });
    let hidden = window_event_listener(ev::visibilitychange, move |_| save());
    let leaving = window_event_listener(ev::pagehide, move |_| save());
    on_cleanup(move || {
        save();
        hidden.remove();
        leaving.remove();
        tracker.try_update_value(|t| *t = None);
    });

    // "Listen": from the block at the reading line; progress and resume follow it.
    let status = RwSignal::new(None::<String>);
    let listen = Listener::new(
        &page,
        holder,
        status,
        Hooks {
            start_from: Some(Callback::new(move |()| {
                tracker
                    .with_value(|t| t.as_ref().map(Tracker::block_at_reading_line))
                    .flatten()
            })),
            follow: Some(Callback::new(move |anchor: Option<String>| {
                if anchor.is_some() {
                    resume.scrolled();
                }
                let listening = anchor.is_some();
                tracker.try_with_value(|t| {
                    if let Some(t) = t {
                        t.follow(anchor);
                    }
                });
                // Each paragraph listened to is where to resume.
                if listening {
                    save();
                }
            })),
            host: on_listen,
        },
    );

    let restore = Callback::new(move |place| {
        tracker.with_value(|t| {
            if let Some(t) = t {
                t.restore(&place);
            }
        })
    });
    let offer = view! { <ResumeOffer resume inline=is_embedded restore/> };
    let progress_bar = view! {
        <div
            class="progress"
            class=("progress--embedded", is_embedded)
            class=("progress--off", !show_bar)
            role="progressbar"
            part="progress"
            aria-label=ui.text().reading_progress
            lang=ui.lang()
            dir=ui.dir()
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow="0"
            node_ref=bar
        >
            <div class="progress-fill" node_ref=fill></div>
        </div>
    };

    if is_embedded {
        return view! {
            {progress_bar}
            {offer}
            <ListenEmbed listen/>
            <div class="reader" node_ref=holder>
                <ArticleView page base on_comment=on_comment.unwrap_or_else(|| Callback::new(|_| ())) show_related/>
            </div>
        }
        .into_any();
    }

    let has_toc = headings.len() >= MIN_HEADINGS;
    let toc = has_toc.then(|| view! { <Toc headings current=section.into()/> });
    let anchor = Callback::new(move |()| {
        tracker.with_value(|t| t.as_ref().and_then(|t| t.place()).map(|p| p.anchor))
    });
    let (url, id, headline) = (
        base.clone(),
        page.meta.id.clone(),
        page.meta.headline.clone(),
    );
    let images = page.image_urls();
    view! {
        {progress_bar}
        <ReadingBar percent=percent.into() total_minutes anchor node_ref=chrome status
            below=view! { <ListenPlayer listen/> }.into_any()>
            <ListenButton listen/>
            <SaveOffline base=url id headline images/>
        </ReadingBar>
        {move || storage::problem().get().then(|| view! { <p class="storage-note" role="note" lang=ui.lang() dir=ui.dir()>{ui.text().storage_unavailable}</p> })}
        <div class="reader" class=("reader--with-toc", has_toc) node_ref=holder>
            {toc}
            <ArticleView page base all_at_once=deep_link.with_value(|id| !id.is_empty())/>
        </div>
        {offer}
    }
    .into_any()
}

/// Puts the block `id` just below the sticky chrome (a `#p12` deep link); its
/// `scroll-margin-top` is the chrome's height (set by the tracker).
fn scroll_to_anchor(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.scroll_into_view();
    }
}
