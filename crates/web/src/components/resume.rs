//! Resuming where the reader left off: the saved position of this article
//! (`broadsheet_core::resume`, in localStorage), saved as they read and offered
//! back ("Continue where you left off") when they return.

use crate::storage;
use crate::tracker::Tracker;
use broadsheet_core::progress::Place;
use broadsheet_core::resume::{self, Position, READ_AT_PERCENT};
use leptos::prelude::*;

/// This article's saved position, and whether it is on offer.
#[derive(Clone, Copy)]
pub struct Resume {
    key: StoredValue<String>,
    /// The saved position, while "Continue" is on offer.
    offer: RwSignal<Option<Position>>,
    was_read: StoredValue<bool>,
    /// Nothing is saved until the reader scrolls or answers the offer: opening
    /// an article must not overwrite the place they left it at.
    armed: StoredValue<bool>,
}

impl Resume {
    /// Reads the position saved for the article `id` at `base`; `offer`: whether
    /// to offer it (not when a deep link says where to go).
    pub fn load(id: Option<&str>, base: &str, offer: bool) -> Resume {
        let key = resume::key_for(id, base);
        let saved = storage::get(&key)
            .and_then(|s| crate::json::parse::<Position>(&s))
            .and_then(Position::checked);
        Resume {
            key: StoredValue::new(key),
            was_read: StoredValue::new(saved.as_ref().is_some_and(|s| s.read)),
            offer: RwSignal::new(saved.filter(|s| offer && s.worth_offering())),
            armed: StoredValue::new(false),
        }
    }

    /// The reader scrolled: from now on their place is saved, unless the offer
    /// still waits for an answer.
    pub fn scrolled(&self) {
        if self.offer.get_untracked().is_none() {
            self.armed.set_value(true);
        }
    }

    /// Saves where the tracker says the reader is. Also runs while the page is
    /// being torn down, so every read is a `try_`.
    pub fn save(&self, tracker: &Tracker) {
        if !self.armed.try_get_value().unwrap_or(false)
            || self.offer.try_get_untracked().flatten().is_some()
        {
            return;
        }
        let Some(Place { anchor, within }) = tracker.place() else {
            return;
        };
        let percent = tracker.percent();
        let read = self.was_read.try_get_value().unwrap_or(false) || percent >= READ_AT_PERCENT;
        self.was_read.try_set_value(read);
        let position = Position {
            anchor,
            within,
            percent,
            at: js_sys::Date::now(),
            read,
        };
        self.key
            .try_with_value(|key| storage::set(key, &crate::json::stringify(&position)));
    }

    /// Answers the offer: `Some(place)` to go back to, or `None` to start from the top.
    fn answer(&self, accept: bool) -> Option<Place> {
        let saved = self.offer.get_untracked()?;
        self.offer.set(None);
        self.armed.set_value(true);
        accept.then_some(Place {
            anchor: saved.anchor,
            within: saved.within,
        })
    }
}

/// "Continue where you left off (43%)", while on offer; `restore` takes the
/// reader back. `inline`: in an embed, where it is not a floating notice.
#[component]
pub fn ResumeOffer(resume: Resume, inline: bool, restore: Callback<Place>) -> impl IntoView {
    let ui = crate::locale::use_ui();
    let t = ui.text();
    move || {
        resume.offer.get().map(|saved| view! {
            <div class="notice resume" class=("notice--inline", inline) role="region" aria-label=t.resume_label lang=ui.lang() dir=ui.dir()>
                <p>{broadsheet_core::i18n::fill(t.resume_prompt, &[("percent", &ui.locale.percent(saved.percent))])}</p>
                <div class="resume-actions">
                    <button type="button" class="button" on:click=move |_| {
                        if let Some(place) = resume.answer(true) {
                            restore.run(place);
                        }
                    }>{t.resume_continue}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        resume.answer(false);
                    }>{t.resume_restart}</button>
                </div>
            </div>
        })
    }
}
