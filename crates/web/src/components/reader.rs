//! An article while it is being read: the progress bar, the reading bar, the
//! table of contents and the article, wired to the reading tracker
//! (`crate::tracker`) and to resuming where the reader left off (`super::resume`).
//!
//! [`Reading`] is that wiring, shared with the reader of published pages
//! (`crate::published`), which has the same tools around an article that is
//! already in the page.

use super::article_view::ArticleView;
use super::listen::{Hooks, ListenButton, ListenEmbed, ListenPlayer, Listener};
use super::reading_bar::ReadingBar;
use super::resume::{Resume, ResumeOffer};
use super::save_offline::SaveOffline;
use super::toc::{MIN_HEADINGS, Toc};
use crate::tracker::{Parts, Tracker};
use crate::{locale, names, storage};
use broadsheet_core::listen::Plan;
use broadsheet_core::page::Page;
use broadsheet_core::progress::Place;
use broadsheet_core::published::ReaderData;
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

/// One article being read: how far, in which section, where to resume, and
/// what "Listen" reads. Saves the reader's place as they go and when they leave.
#[derive(Clone, Copy)]
pub struct Reading {
    /// Whole percent of the body read.
    pub percent: RwSignal<u8>,
    /// The anchor of the section at the reading line.
    pub section: RwSignal<Option<String>>,
    /// The reading bar's live region.
    pub status: RwSignal<Option<String>>,
    pub resume: Resume,
    pub listen: Listener,
    tracker: StoredValue<Option<Tracker>, LocalStorage>,
    /// A `#p12` the address came with (empty if none).
    deep_link: StoredValue<String>,
    on_progress: Option<Callback<u8>>,
}

impl Reading {
    /// The article `id` from `base` (its file's URL), shown inside `holder`;
    /// `plan`: what "Listen" reads of it. `on_progress` hears each new whole
    /// percent, `on_listen` when reading aloud starts and stops (for an embed's host).
    pub fn new(
        id: Option<&str>,
        base: &str,
        plan: Plan,
        holder: NodeRef<Div>,
        embedded: bool,
        on_progress: Option<Callback<u8>>,
        on_listen: Option<Callback<bool>>,
    ) -> Reading {
        // A #p12 in the address is the host page's business when embedded.
        let deep_link = StoredValue::new(if embedded || !cfg!(target_arch = "wasm32") {
            String::new()
        } else {
            window()
                .location()
                .hash()
                .unwrap_or_default()
                .trim_start_matches('#')
                .to_string()
        });
        let resume = Resume::load(id, base, deep_link.with_value(String::is_empty));
        let tracker: StoredValue<Option<Tracker>, LocalStorage> = StoredValue::new_local(None);
        let save = move || {
            tracker.try_with_value(|t| {
                if let Some(t) = t {
                    resume.save(t);
                }
            });
        };
        let percent = RwSignal::new(0u8);
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
            plan,
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
        Reading {
            percent,
            section: RwSignal::new(None),
            status,
            resume,
            listen,
            tracker,
            deep_link,
            on_progress,
        }
    }

    /// Starts tracking the article in `holder` (once it is in the page) with
    /// the progress bar `bar` and its `fill`, below the sticky `chrome`; then
    /// goes to the deep link, if any.
    pub fn start(
        &self,
        holder: &web_sys::Element,
        bar: web_sys::Element,
        fill: web_sys::HtmlElement,
        chrome: Option<web_sys::HtmlElement>,
    ) {
        let found = |selector: &str| holder.query_selector(selector).ok().flatten();
        let (Some(body), Some(article)) =
            (found(&names::class(names::ARTICLE_BODY)), found("article"))
        else {
            return;
        };
        // For the benchmark (docs/benchmarks.md): the article's text is in the page.
        if let Some(performance) = window().performance() {
            let _ = performance.mark("article-rendered");
        }
        let Reading {
            percent,
            section,
            resume,
            on_progress,
            ..
        } = *self;
        let started = Tracker::start(
            Parts {
                body,
                article,
                bar,
                fill,
                chrome,
            },
            move |now| {
                percent.set(now);
                if let Some(report) = on_progress {
                    report.run(now);
                }
            },
            move |now| section.set(now),
            move || resume.scrolled(),
        );
        self.deep_link.with_value(|id| {
            if !id.is_empty() {
                scroll_to_anchor(id);
            }
        });
        self.tracker.set_value(Some(started));
    }

    /// Whether the address named a block to go to (`#p12`).
    pub fn deep_linked(&self) -> bool {
        self.deep_link.with_value(|id| !id.is_empty())
    }

    /// The anchor of the block at the reading line, for "Copy link".
    pub fn anchor(&self) -> Callback<(), Option<String>> {
        let tracker = self.tracker;
        Callback::new(move |()| {
            tracker.with_value(|t| t.as_ref().and_then(|t| t.place()).map(|p| p.anchor))
        })
    }

    /// Takes the reader back to `place` (their answer to "Continue where you left off").
    pub fn restore(&self) -> Callback<Place> {
        let tracker = self.tracker;
        Callback::new(move |place| {
            tracker.with_value(|t| {
                if let Some(t) = t {
                    t.restore(&place);
                }
            })
        })
    }
}

/// The viewer's reading bar: minutes left, Listen, Save offline, Copy link,
/// settings, and the Listen player below it while listening. The article's
/// `id`, `headline`, `images` and `minutes` are its `ReaderData`'s.
#[component]
pub fn ViewerBar(
    reading: Reading,
    /// The article file's URL.
    base: String,
    id: Option<String>,
    headline: String,
    images: Vec<String>,
    minutes: u32,
    node_ref: NodeRef<Header>,
) -> impl IntoView {
    let listen = reading.listen;
    view! {
        <ReadingBar percent=reading.percent.into() total_minutes=minutes anchor=reading.anchor() node_ref status=reading.status
            below=view! { <ListenPlayer listen/> }.into_any()>
            <ListenButton listen/>
            <SaveOffline base id headline images/>
        </ReadingBar>
    }
}

/// "Your browser is not keeping your place" while storage fails.
#[component]
pub fn StorageNote() -> impl IntoView {
    let ui = locale::use_ui();
    move || {
        storage::problem().get().then(|| {
            view! { <p class="storage-note" role="note" lang=ui.lang() dir=ui.dir()>{ui.text().storage_unavailable}</p> }
        })
    }
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
    // What the tools need of the page, as a published page's reader gets it.
    let ReaderData {
        id,
        headline,
        language,
        minutes,
        headings,
        images,
        listen,
    } = ReaderData::of(&page);
    // The interface in the article's language, for everything below.
    let ui = locale::provide_for_article(language.as_deref());
    let show_bar = embedded.as_ref().is_none_or(|e| e.progress);
    let show_related = embedded.as_ref().is_none_or(|e| e.related);
    let is_embedded = embedded.is_some();

    let chrome = NodeRef::<Header>::new();
    let bar = NodeRef::<Div>::new();
    let fill = NodeRef::<Div>::new();
    let holder = NodeRef::<Div>::new();
    let reading = Reading::new(
        id.as_deref(),
        &base,
        listen,
        holder,
        is_embedded,
        on_progress,
        on_listen,
    );
    Effect::new(move |_| {
        if let (Some(holder), Some(bar), Some(fill)) = (holder.get(), bar.get(), fill.get()) {
            let chrome = chrome.get().map(|c| c.unchecked_into());
            reading.start(&holder, bar.into(), fill.unchecked_into(), chrome);
        }
    });

    let offer =
        view! { <ResumeOffer resume=reading.resume inline=is_embedded restore=reading.restore()/> };
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
        let listen = reading.listen;
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
    let toc = has_toc.then(|| view! { <Toc headings current=reading.section.into()/> });
    view! {
        {progress_bar}
        <ViewerBar reading base=base.clone() id headline images minutes node_ref=chrome/>
        <StorageNote/>
        <div class="reader" class=("reader--with-toc", has_toc) node_ref=holder>
            {toc}
            <ArticleView page base all_at_once=reading.deep_linked()/>
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
