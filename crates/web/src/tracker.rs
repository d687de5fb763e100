//! Follows the reader through an article at no cost while scrolling.
//!
//! Geometry (where the body and each anchored block are) is measured once, and
//! again only when something changes size (ResizeObserver on the article and on
//! the page: late images, font swaps, a new text size or width, content above
//! the article in a host page) or the window is resized. The
//! scroll listener is passive and only schedules one animation frame; the frame
//! reads `scrollY`, does arithmetic on the cached geometry (`broadsheet_core::progress`),
//! and writes a transform and, when the whole percent changes, one attribute.
//! It also knows the section being read (the last heading above the reading
//! line), for the table of contents: also from the cached geometry, so a jump
//! (resume, a deep link, Home/End) lands on the right section.

use crate::fatal;
use broadsheet_core::page::anchors;
use broadsheet_core::progress::{self, AnchorBox, BodyBox, Place, Viewport};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// What the tracker needs from the page.
pub struct Parts {
    /// The article body; its children with an `id` are the anchored blocks.
    pub body: web_sys::Element,
    /// The whole article (its size changes when anything above the body does).
    pub article: web_sys::Element,
    /// `role="progressbar"` element, for `aria-valuenow`.
    pub bar: web_sys::Element,
    /// The bar's fill, scaled with a transform.
    pub fill: web_sys::HtmlElement,
    /// Sticky chrome at the top; the reading line is just below it.
    pub chrome: Option<web_sys::HtmlElement>,
}

/// What the tracker has measured of the page, and whom it tells.
struct Measured {
    parts: Parts,
    body_box: BodyBox,
    blocks: Vec<AnchorBox>,
    /// Indexes into `blocks` of the headings.
    headings: Vec<usize>,
    section: Option<usize>,
    inset: f64,
    height: f64,
    /// The requested animation frame, if one is pending.
    frame_pending: Option<i32>,
    percent: Option<u8>,
    /// Where the reader was at the last frame (block index, fraction into it):
    /// kept at the reading line when the layout reflows.
    place: Option<(usize, f64)>,
    /// The block being read aloud ("Listen"): while set, progress and the
    /// place follow it instead of the scroll position.
    listening: Option<String>,
    on_percent: Rc<dyn Fn(u8)>,
    on_section: Rc<dyn Fn(Option<String>)>,
    on_scroll: Rc<dyn Fn()>,
}

/// Tracks reading progress until dropped.
pub struct Tracker {
    state: Rc<RefCell<Measured>>,
    scroll: Closure<dyn FnMut()>,
    resize: Closure<dyn FnMut()>,
    _frame: Rc<Closure<dyn FnMut()>>,
    observer: Option<web_sys::ResizeObserver>,
    _observed: Closure<dyn FnMut()>,
}

impl Tracker {
    /// Starts tracking. `on_percent(percent)` runs whenever the whole percentage changes, `on_section(anchor)` whenever the current section does,
    /// and `on_scroll` on every scroll event.
    pub fn start(
        parts: Parts,
        on_percent: impl Fn(u8) + 'static,
        on_section: impl Fn(Option<String>) + 'static,
        on_scroll: impl Fn() + 'static,
    ) -> Tracker {
        let window = web_sys::window().expect("window");
        let state = Rc::new(RefCell::new(Measured {
            parts,
            body_box: BodyBox::default(),
            blocks: Vec::new(),
            headings: Vec::new(),
            section: None,
            inset: 0.0,
            height: 0.0,
            frame_pending: None,
            percent: None,
            place: None,
            listening: None,
            on_percent: Rc::new(on_percent),
            on_section: Rc::new(on_section),
            on_scroll: Rc::new(on_scroll),
        }));

        let frame = {
            let state = state.clone();
            Rc::new(Closure::<dyn FnMut()>::new(fatal::unless_stopped(
                move || run_frame(&state),
            )))
        };
        let schedule = {
            let state = state.clone();
            let frame = frame.clone();
            move || {
                let mut s = state.borrow_mut();
                if s.frame_pending.is_none() {
                    s.frame_pending = web_sys::window()
                        .expect("window")
                        .request_animation_frame(frame.as_ref().as_ref().unchecked_ref())
                        .ok();
                }
            }
        };
        let scroll = {
            let state = state.clone();
            let schedule = schedule.clone();
            Closure::<dyn FnMut()>::new(fatal::unless_stopped(move || {
                // Callbacks run with no borrow held: they may call back into the tracker.
                let on_scroll = state.borrow().on_scroll.clone();
                on_scroll();
                schedule();
            }))
        };
        // After a reflow (late image, font swap, new text size or width, resized
        // window) the reader stays on the same line of the same block.
        let remeasure = {
            let state = state.clone();
            fatal::unless_stopped(move || {
                let mut s = state.borrow_mut();
                s.measure();
                s.keep_place();
                drop(s);
                schedule();
            })
        };
        let resize = Closure::<dyn FnMut()>::new(remeasure.clone());
        let observed = Closure::<dyn FnMut()>::new(remeasure);

        let passive = web_sys::AddEventListenerOptions::new();
        passive.set_passive(true);
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            "scroll",
            scroll.as_ref().unchecked_ref(),
            &passive,
        );
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            "resize",
            resize.as_ref().unchecked_ref(),
            &passive,
        );
        let observer = web_sys::ResizeObserver::new(observed.as_ref().unchecked_ref()).ok();
        if let Some(o) = &observer {
            let s = state.borrow();
            o.observe(&s.parts.article);
            o.observe(&s.parts.body);
            // Content above the article changing height moves it without resizing
            // it (an ad loading in a host page, an element removed): the page's
            // own height changes then.
            if let Some(root) = window.document().and_then(|d| d.document_element()) {
                o.observe(&root);
            }
        }

        state.borrow_mut().measure();
        run_frame(&state);
        Tracker {
            state,
            scroll,
            resize,
            _frame: frame,
            observer,
            _observed: observed,
        }
    }

    /// The block at the reading line now (or being read aloud), and how far into it.
    pub fn place(&self) -> Option<Place> {
        let s = self.state.borrow();
        progress::place_at(&s.blocks, s.followed().reading_line())
    }

    /// The anchor of the block at the reading line by the scroll position;
    /// `None` above the body's first block (the headline is being read).
    pub fn block_at_reading_line(&self) -> Option<String> {
        let s = self.state.borrow();
        let line = s.viewport().reading_line();
        let i = s.blocks.partition_point(|b| b.top <= line + 1.0);
        i.checked_sub(1).map(|i| s.blocks[i].anchor.clone())
    }

    /// Progress follows the block `anchor` being read aloud (`None`: the scroll
    /// again). Measures again first: the player under the bar changes its height.
    pub fn follow(&self, anchor: Option<String>) {
        {
            let mut s = self.state.borrow_mut();
            s.measure();
            s.listening = anchor;
        }
        run_frame(&self.state);
    }

    /// The current progress, 0–100.
    pub fn percent(&self) -> u8 {
        self.state.borrow().percent.unwrap_or(0)
    }

    /// Scrolls so that `place` is back at the reading line. False if its block is gone.
    pub fn restore(&self, place: &Place) -> bool {
        let target = {
            let mut s = self.state.borrow_mut();
            s.measure();
            progress::scroll_to_place(&s.blocks, place, s.viewport())
        };
        match target {
            Some(y) => {
                web_sys::window()
                    .expect("window")
                    .scroll_to_with_x_and_y(0.0, y);
                true
            }
            None => false,
        }
    }
}

impl Measured {
    fn viewport(&self) -> Viewport {
        Viewport {
            scroll: web_sys::window()
                .and_then(|w| w.scroll_y().ok())
                .unwrap_or(0.0),
            height: self.height,
            inset_top: self.inset,
        }
    }

    /// The viewport as if the block being read aloud were at the reading line
    /// (the real one when nothing is).
    fn followed(&self) -> Viewport {
        let view = self.viewport();
        match self
            .listening
            .as_ref()
            .and_then(|a| self.blocks.iter().find(|b| &b.anchor == a))
        {
            Some(block) => Viewport {
                scroll: block.top - view.inset_top,
                ..view
            },
            None => view,
        }
    }

    /// Scrolls so that the block the reader was at is back on the reading line.
    fn keep_place(&mut self) {
        if self.listening.is_some() {
            // "Listen" keeps its paragraph in view itself.
            return;
        }
        let Some((index, within)) = self.place else {
            return;
        };
        let Some(block) = self.blocks.get(index) else {
            return;
        };
        let place = Place {
            anchor: block.anchor.clone(),
            within,
        };
        let view = self.viewport();
        if let Some(y) = progress::scroll_to_place(&self.blocks, &place, view)
            && (y - view.scroll).abs() > 1.0
            && let Some(w) = web_sys::window()
        {
            w.scroll_to_with_x_and_y(0.0, y);
        }
    }

    /// Reads the layout (never called from the scroll path).
    fn measure(&mut self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let scroll = window.scroll_y().unwrap_or(0.0);
        let rect = self.parts.body.get_bounding_client_rect();
        self.body_box = BodyBox {
            top: rect.top() + scroll,
            height: rect.height(),
        };
        let children = self.parts.body.children();
        self.blocks = (0..children.length())
            .filter_map(|i| children.item(i))
            .filter(|el| !el.id().is_empty())
            .map(|el| {
                let r = el.get_bounding_client_rect();
                AnchorBox {
                    anchor: el.id(),
                    top: r.top() + scroll,
                    height: r.height(),
                }
            })
            .collect();
        self.headings = (0..self.blocks.len())
            .filter(|&i| anchors::is_heading(&self.blocks[i].anchor))
            .collect();
        self.inset = self
            .parts
            .chrome
            .as_ref()
            .map_or(0.0, |c| f64::from(c.offset_height()));
        // Anchors scrolled into view (#p12, footnotes, contents) stop just below the
        // bar. (Only with chrome: an embed must not touch the host page's root.)
        if let Some(root) = self
            .parts
            .chrome
            .as_ref()
            .and_then(|_| window.document())
            .and_then(|d| d.document_element())
        {
            let _ = root
                .unchecked_into::<web_sys::HtmlElement>()
                .style()
                .set_property(
                    "--bs-anchor-gap",
                    &format!("{}px", progress::decimal(self.inset, 2)),
                );
        }
        self.height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
    }

    /// Updates the bar; returns the new percent when it changed, and the new
    /// section's anchor when that changed.
    fn frame(&mut self) -> (Option<u8>, Option<Option<String>>) {
        self.frame_pending = None;
        let view = self.followed();
        let fraction = progress::fraction(self.body_box, view);
        let line = view.reading_line();
        // Above the first block (the headline is in view) there is no place to keep.
        let index = self.blocks.partition_point(|b| b.top <= line);
        self.place = index.checked_sub(1).map(|i| {
            let b = &self.blocks[i];
            let within = if b.height > 0.0 {
                ((line - b.top) / b.height).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (i, within)
        });
        let passed = self
            .headings
            .partition_point(|&i| self.blocks[i].top <= line + 1.0);
        let section = passed.checked_sub(1).map(|h| self.headings[h]);
        let section_changed = (section != self.section).then(|| {
            self.section = section;
            section.map(|i| self.blocks[i].anchor.clone())
        });
        let _ = self.parts.fill.style().set_property(
            "transform",
            &format!("scaleX({})", progress::decimal(fraction, 4)),
        );
        let percent = progress::percent(fraction);
        if self.percent != Some(percent) {
            self.percent = Some(percent);
            let _ = self
                .parts
                .bar
                .set_attribute("aria-valuenow", &percent.to_string());
            return (Some(percent), section_changed);
        }
        (None, section_changed)
    }
}

/// One animation frame: update, then tell the page with no borrow held.
fn run_frame(state: &Rc<RefCell<Measured>>) {
    let ((percent, section), on_percent, on_section) = {
        let mut s = state.borrow_mut();
        (s.frame(), s.on_percent.clone(), s.on_section.clone())
    };
    if let Some(percent) = percent {
        on_percent(percent);
    }
    if let Some(section) = section {
        on_section(section);
    }
}

impl Drop for Tracker {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            // A frame still pending would call the closure dropped with us.
            if let Some(id) = self.state.borrow_mut().frame_pending.take() {
                let _ = window.cancel_animation_frame(id);
            }
            let _ = window.remove_event_listener_with_callback(
                "scroll",
                self.scroll.as_ref().unchecked_ref(),
            );
            let _ = window.remove_event_listener_with_callback(
                "resize",
                self.resize.as_ref().unchecked_ref(),
            );
        }
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}
