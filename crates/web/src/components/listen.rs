//! "Listen": reads the article aloud (`crate::speech`) from the paragraph at the
//! reading line, following the plan of `broadsheet_core::listen`. The paragraph
//! being read is highlighted and kept in view, unless the reader has scrolled
//! away from it. Shown only where the browser has speech synthesis and a voice
//! for the article's language (voices may arrive late: `voiceschanged`), and
//! never before the app runs (it is not rendered in pre-rendered pages).
//!
//! In the viewer, the button sits in the reading bar ([`ListenButton`]) and the
//! player below it while listening ([`ListenPlayer`]); in an embed both sit
//! above the article ([`ListenEmbed`]).

use super::reading_bar::ToolIcon;
use crate::speech::{self, Speech, Spoken, VoicesListener};
use broadsheet_core::i18n::{Locale, Text};
use broadsheet_core::listen::{self, Plan, RATES, Target};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use std::rc::Rc;

/// A loudspeaker.
const SPEAKER_ICON: &str = "M4 9v6h4l5 4V5L8 9H4zM16.5 9a4 4 0 0 1 0 6M19 6.5a8 8 0 0 1 0 11";
const PREVIOUS_ICON: &str = "M18 6l-8 6 8 6V6zM6 6v12";
const NEXT_ICON: &str = "M6 6l8 6-8 6V6zM18 6v12";
const PAUSE_ICON: &str = "M9 5v14M15 5v14";

/// The attribute of the element being read (styled in main.css).
const CURRENT: &str = "data-listening";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Idle,
    Playing,
    Paused,
}

/// What the page around the player does for it.
#[derive(Clone, Copy, Default)]
pub struct Hooks {
    /// The anchor of the block at the reading line (`None`: above the body).
    /// Without it, listening starts from the headline.
    pub start_from: Option<Callback<(), Option<String>>>,
    /// The body block being read (`None`: listening stopped), for progress.
    pub follow: Option<Callback<Option<String>>>,
    /// Listening started (`true`) or stopped, for the host page.
    pub host: Option<Callback<bool>>,
}

/// The browser side that is not `Send`: the synthesis, the chosen voice, what is queued.
#[derive(Default)]
struct Engine {
    speech: Option<Speech>,
    voice: Option<wasm_bindgen::JsValue>,
    spoken: Option<Spoken>,
    /// Bumped whenever what is queued is replaced: late `end` events of older
    /// utterances are ignored.
    generation: u64,
    /// Whether the current paragraph is queued (false after moving while paused).
    queued: bool,
    highlighted: Option<web_sys::Element>,
    _voices: Option<VoicesListener>,
}

/// One article's "Listen": state, and what the controls do.
#[derive(Clone, Copy)]
pub struct Listener {
    plan: StoredValue<Plan>,
    mode: RwSignal<Mode>,
    index: RwSignal<Option<usize>>,
    rate: RwSignal<f64>,
    available: RwSignal<bool>,
    status: RwSignal<Option<String>>,
    root: NodeRef<Div>,
    hooks: StoredValue<Hooks>,
    engine: StoredValue<Engine, LocalStorage>,
    id: StoredValue<u64>,
    /// The interface language its controls and announcements speak.
    locale: Locale,
}

impl Listener {
    /// The player for `plan`, shown inside `root`; announcements go to `status`.
    pub fn new(
        plan: Plan,
        root: NodeRef<Div>,
        status: RwSignal<Option<String>>,
        hooks: Hooks,
    ) -> Listener {
        let listener = Listener {
            plan: StoredValue::new(plan),
            mode: RwSignal::new(Mode::Idle),
            index: RwSignal::new(None),
            rate: RwSignal::new(listen::DEFAULT_RATE),
            available: RwSignal::new(false),
            status,
            root,
            hooks: StoredValue::new(hooks),
            engine: StoredValue::new_local(Engine::default()),
            id: StoredValue::new(speech::new_id()),
            locale: crate::locale::use_ui().locale,
        };
        // In the browser only (effects do not run while pre-rendering).
        Effect::new(move |_| listener.find_voice());
        let leaving = window_event_listener(ev::pagehide, move |_| listener.leave());
        on_cleanup(move || {
            leaving.remove();
            listener.leave();
            listener.engine.try_update_value(|e| *e = Engine::default());
        });
        listener
    }

    fn t(&self) -> &'static Text {
        self.locale.text()
    }

    fn speech(&self) -> Option<Speech> {
        self.engine.try_with_value(|e| e.speech.clone()).flatten()
    }

    /// Looks for speech synthesis and a voice for the article's language, now
    /// and whenever the voices change.
    fn find_voice(self) {
        let Some(speech) = Speech::get() else {
            return;
        };
        let listener = speech.on_voices_changed(move || self.choose_voice());
        self.engine.update_value(|e| {
            e.speech = Some(speech);
            e._voices = listener;
        });
        self.choose_voice();
    }

    fn choose_voice(self) {
        let Some(speech) = self.speech() else { return };
        let voices = speech.voices();
        let infos: Vec<_> = voices.iter().map(|v| v.info.clone()).collect();
        let chosen = self
            .plan
            .with_value(|p| listen::pick_voice(p.language.as_deref(), &infos))
            .map(|i| voices[i].js.clone());
        let found = chosen.is_some() && !self.plan.with_value(Plan::is_empty);
        self.engine.update_value(|e| {
            // A voice that goes away while listening is kept until it ends.
            if chosen.is_some() || e.voice.is_none() {
                e.voice = chosen;
            }
        });
        self.available.try_set(found);
    }

    fn active(&self) -> bool {
        self.mode.get() != Mode::Idle
    }

    fn announce(&self, message: &'static str) {
        if self.status.try_set(Some(message.to_string())).is_some() {
            return;
        }
        let status = self.status;
        set_timeout(
            move || {
                status.try_update(|s| {
                    if s.as_deref() == Some(message) {
                        *s = None;
                    }
                });
            },
            std::time::Duration::from_secs(3),
        );
    }

    /// The Listen button: start from the reading line, or stop.
    fn toggle(self) {
        if self.mode.get_untracked() == Mode::Idle {
            self.start();
        } else {
            self.stop(Some(self.t().listen_stopped));
        }
    }

    fn start(self) {
        let anchor = self
            .hooks
            .with_value(|h| h.start_from)
            .and_then(|f| f.run(()));
        let Some(first) = self.plan.with_value(|p| p.start(anchor.as_deref())) else {
            self.announce(self.t().listen_nothing_left);
            return;
        };
        let stop: Rc<dyn Fn()> = Rc::new(move || self.stop(Some(self.t().listen_stopped)));
        speech::claim(self.id.get_value(), stop);
        self.index.set(Some(first));
        self.mode.set(Mode::Playing);
        if let Some(host) = self.hooks.with_value(|h| h.host) {
            host.run(true);
        }
        self.announce(self.t().listen_started);
        self.speak_current(true);
    }

    /// Stops (with `message` in the status region), if listening.
    fn stop(self, message: Option<&'static str>) {
        self.stop_with(message, false);
    }

    /// The reader leaves the article (another page, a closed tab): stops, and
    /// leaves progress where the listening was, for resuming.
    fn leave(self) {
        self.stop_with(None, true);
    }

    fn stop_with(self, message: Option<&'static str>, leaving: bool) {
        if self
            .mode
            .try_get_untracked()
            .is_none_or(|m| m == Mode::Idle)
        {
            return;
        }
        self.mode.try_set(Mode::Idle);
        self.index.try_set(None);
        let speech = self.engine.try_update_value(|e| {
            e.generation += 1;
            e.queued = false;
            e.spoken = None;
            if let Some(el) = e.highlighted.take() {
                let _ = el.remove_attribute(CURRENT);
            }
            e.speech.clone()
        });
        if let Some(Some(speech)) = speech {
            let _ = speech.cancel();
            // A paused synthesis stays paused for the next utterance otherwise.
            let _ = speech.resume();
        }
        if let Some(id) = self.id.try_get_value() {
            speech::release(id);
        }
        if let Some(hooks) = self.hooks.try_get_value() {
            if let Some(follow) = hooks.follow.filter(|_| !leaving) {
                follow.run(None);
            }
            if let Some(host) = hooks.host {
                host.run(false);
            }
        }
        if let Some(message) = message {
            self.announce(message);
        }
    }

    /// Speaks the paragraph at `index` from its start, replacing whatever was
    /// queued, and highlights it; `scroll`: bring it into view even if the
    /// reader had scrolled away.
    fn speak_current(self, scroll: bool) {
        let Some(index) = self.index.get_untracked() else {
            return;
        };
        let Some(utterance) = self.plan.with_value(|p| p.utterances.get(index).cloned()) else {
            return;
        };
        self.highlight(&utterance.target, scroll);
        let Some((speech, voice, generation, queued)) = self.engine.try_update_value(|e| {
            e.generation += 1;
            e.spoken = None;
            let queued = std::mem::take(&mut e.queued);
            (e.speech.clone(), e.voice.clone(), e.generation, queued)
        }) else {
            return;
        };
        let Some(speech) = speech else {
            return self.stop(Some(self.t().listen_failed));
        };
        // Cut short what is still being spoken (not after it ended: some engines
        // drop an utterance queued right after a needless cancel).
        if queued && let Err(e) = speech.cancel() {
            leptos::logging::warn!("speechSynthesis.cancel: {e}");
        }
        let lang = self.plan.with_value(|p| p.language.clone()).or_else(|| {
            voice
                .as_ref()
                .and_then(|v| js_sys::Reflect::get(v, &"lang".into()).ok())
                .and_then(|l| l.as_string())
        });
        let on_end = move || {
            // After the handler returns: the next utterance replaces this one's.
            leptos::task::spawn_local(async move { self.ended(generation) });
        };
        let on_error = move |error: String| {
            leptos::task::spawn_local(async move { self.failed(generation, &error) });
        };
        match speech.speak(
            &utterance.text,
            lang.as_deref(),
            voice.as_ref(),
            self.rate.get_untracked(),
            on_end,
            on_error,
        ) {
            Ok(spoken) => self.engine.update_value(|e| {
                e.spoken = Some(spoken);
                e.queued = true;
            }),
            Err(e) => {
                leptos::logging::warn!("speechSynthesis.speak: {e}");
                self.stop(Some(self.t().listen_failed));
            }
        }
    }

    fn current_generation(&self) -> Option<u64> {
        self.engine.try_with_value(|e| e.generation)
    }

    /// An utterance ended: on to the next, or finished.
    fn ended(self, generation: u64) {
        if self.current_generation() != Some(generation)
            || self.mode.try_get_untracked() != Some(Mode::Playing)
        {
            return;
        }
        let next = self.index.get_untracked().map_or(0, |i| i + 1);
        if next >= self.plan.with_value(Plan::len) {
            return self.stop(Some(self.t().listen_finished));
        }
        self.engine.update_value(|e| e.queued = false);
        self.index.set(Some(next));
        self.speak_current(false);
    }

    fn failed(self, generation: u64, error: &str) {
        if self.current_generation() != Some(generation) {
            return;
        }
        // Cut short by us (cancel) or by another page taking the voice.
        if matches!(error, "interrupted" | "canceled") {
            return;
        }
        leptos::logging::warn!("speech synthesis error: {error}");
        self.stop(Some(self.t().listen_failed));
    }

    fn pause_or_resume(self) {
        match self.mode.get_untracked() {
            Mode::Idle => {}
            Mode::Playing => {
                let Some(speech) = self.speech() else { return };
                if speech.pause().is_err() {
                    return self.stop(Some(self.t().listen_failed));
                }
                self.mode.set(Mode::Paused);
                self.announce(self.t().listen_paused);
            }
            Mode::Paused => {
                let Some(speech) = self.speech() else { return };
                if speech.resume().is_err() {
                    return self.stop(Some(self.t().listen_failed));
                }
                self.mode.set(Mode::Playing);
                self.announce(self.t().listen_resumed);
                if !self.engine.with_value(|e| e.queued) {
                    self.speak_current(true);
                }
            }
        }
    }

    /// Previous (`-1`) or next (`1`) paragraph.
    fn step(self, by: isize) {
        let Some(index) = self.index.get_untracked() else {
            return;
        };
        let last = self.plan.with_value(Plan::len).saturating_sub(1);
        let to = index.saturating_add_signed(by).min(last);
        self.index.set(Some(to));
        self.restart(true);
    }

    /// The current paragraph again from its start (after a move or a new rate).
    fn restart(self, scroll: bool) {
        match self.mode.get_untracked() {
            Mode::Idle => {}
            Mode::Playing => self.speak_current(scroll),
            Mode::Paused => {
                // Nothing is queued until the reader resumes.
                let speech = self
                    .engine
                    .try_update_value(|e| {
                        e.generation += 1;
                        e.queued = false;
                        e.spoken = None;
                        e.speech.clone()
                    })
                    .flatten();
                if let Some(speech) = speech {
                    let _ = speech.cancel();
                }
                if let Some(index) = self.index.get_untracked()
                    && let Some(u) = self.plan.with_value(|p| p.utterances.get(index).cloned())
                {
                    self.highlight(&u.target, scroll);
                }
            }
        }
    }

    fn set_rate(self, rate: f64) {
        let rate = listen::clamp_rate(rate);
        if (rate - self.rate.get_untracked()).abs() < 1e-9 {
            return;
        }
        self.rate.set(rate);
        self.restart(false);
    }

    /// Highlights the element of `target`, and keeps it in view if the one
    /// before was (the reader did not scroll away), or if `scroll`.
    fn highlight(&self, target: &Target, scroll: bool) {
        // First: progress follows it, and the page knows the bar's new height.
        if let Some(follow) = self.hooks.with_value(|h| h.follow) {
            follow.run(target.anchor().map(str::to_string));
        }
        let element = self.element(target);
        let previous = self
            .engine
            .try_update_value(|e| std::mem::replace(&mut e.highlighted, element.clone()))
            .flatten();
        let was_in_view = previous.as_ref().is_none_or(|p| in_view(p, false));
        if let Some(p) = &previous {
            let _ = p.remove_attribute(CURRENT);
        }
        if let Some(el) = &element {
            let _ = el.set_attribute(CURRENT, "");
            if (scroll || was_in_view) && !in_view(el, true) {
                el.scroll_into_view_with_bool(true);
            }
        }
    }

    /// The element that shows `target`.
    fn element(&self, target: &Target) -> Option<web_sys::Element> {
        let root: web_sys::Element = self.root.get_untracked()?.into();
        let article = root.query_selector("article").ok().flatten()?;
        let first = |selector: &str| article.query_selector(selector).ok().flatten();
        match target {
            Target::Headline => first("h1"),
            Target::Dek => first(".dek"),
            Target::Lead => first(".figure--lead"),
            Target::Block { anchor, item } => {
                let body = first(&crate::names::class(crate::names::ARTICLE_BODY))?;
                let children = body.children();
                let block = (0..children.length())
                    .filter_map(|i| children.item(i))
                    .find(|c| c.id() == *anchor)?;
                match item {
                    None => Some(block),
                    Some(n) => {
                        let items = block.children();
                        (0..items.length())
                            .filter_map(|i| items.item(i))
                            .filter(|c| c.tag_name().eq_ignore_ascii_case("li"))
                            .nth(*n)
                            .or(Some(block))
                    }
                }
            }
        }
    }
}

/// Whether `el` is on screen below the sticky bar: wholly (`whole`), or at all.
fn in_view(el: &web_sys::Element, whole: bool) -> bool {
    let r = el.get_bounding_client_rect();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let top = document()
        .query_selector(".reader-bar")
        .ok()
        .flatten()
        .map_or(0.0, |b| b.get_bounding_client_rect().bottom().max(0.0));
    if whole {
        // Taller than the screen: its start at the reading line is enough.
        r.top() >= top && (r.bottom() <= height || r.top() < top + height / 3.0)
    } else {
        r.bottom() > top && r.top() < height
    }
}

/// The Listen button for the reading bar.
#[component]
pub fn ListenButton(listen: Listener) -> impl IntoView {
    let shown = move || listen.available.get() || listen.active();
    let t = listen.t();
    view! {
        <Show when=shown>
            <button
                type="button"
                class="tool listen-toggle"
                title=t.listen
                aria-pressed=move || listen.active().to_string()
                on:click=move |_| listen.toggle()
            >
                <ToolIcon path=SPEAKER_ICON/>
                <span class="tool-label">{t.listen}</span>
            </button>
        </Show>
    }
}

/// The controls while listening: previous, pause, next, speed.
#[component]
pub fn ListenPlayer(listen: Listener) -> impl IntoView {
    let t = listen.t();
    let options = RATES
        .iter()
        .map(|rate| view! { <option value=listen::rate_text(*rate)>{listen.locale.rate(*rate)}</option> })
        .collect_view();
    view! {
        <Show when=move || listen.active()>
            <div class="listen-player" role="group" aria-label=t.listen_player>
                <button type="button" class="tool listen-control" title=t.listen_previous aria-label=t.listen_previous
                    on:click=move |_| listen.step(-1)>
                    <ToolIcon path=PREVIOUS_ICON/>
                </button>
                <button type="button" class="tool listen-control" title=t.listen_pause aria-label=t.listen_pause
                    aria-pressed=move || (listen.mode.get() == Mode::Paused).to_string()
                    on:click=move |_| listen.pause_or_resume()>
                    <ToolIcon path=PAUSE_ICON/>
                </button>
                <button type="button" class="tool listen-control" title=t.listen_next aria-label=t.listen_next
                    on:click=move |_| listen.step(1)>
                    <ToolIcon path=NEXT_ICON/>
                </button>
                <select class="listen-rate" title=t.listen_rate aria-label=t.listen_rate
                    prop:value=move || listen::rate_text(listen.rate.get())
                    on:change=move |ev| {
                        if let Some(rate) = listen::rate_of(&event_target_value(&ev)) {
                            listen.set_rate(rate);
                        }
                    }>
                    {options.clone()}
                </select>
            </div>
        </Show>
    }
}

/// Listen in an embed (custom element or iframe): the button and the player
/// above the article, with their own status region.
#[component]
pub fn ListenEmbed(listen: Listener) -> impl IntoView {
    let shown = move || listen.available.get() || listen.active();
    let (lang, dir) = (listen.locale.code(), listen.locale.direction().as_str());
    view! {
        <Show when=shown>
            <div class="listen-embed" lang=lang dir=dir>
                <ListenButton listen/>
                <ListenPlayer listen/>
                <span class="visually-hidden" role="status">{move || listen.status.get()}</span>
            </div>
        </Show>
    }
}
