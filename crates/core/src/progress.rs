//! Reading-progress geometry, with no browser types: the view measures once (and
//! again when the layout changes), then every scroll frame is plain arithmetic.
//!
//! Progress runs over the article body only: 0 % when the top of the body reaches
//! the reading line, 100 % when the bottom of the body comes into view at the bottom
//! of the viewport. So it is right whatever surrounds the article (a host page in an
//! embed, a long footer) and 100 % is always reachable.

/// Where the body is, in the scrolling container's coordinates (CSS px).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BodyBox {
    /// Distance from the top of the scrollable content to the top of the body.
    pub top: f64,
    pub height: f64,
}

/// The part of the scroll container the reader sees.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Viewport {
    /// Current scroll offset (`scrollY`).
    pub scroll: f64,
    pub height: f64,
    /// Height covered at the top by sticky chrome (the reading line sits below it).
    pub inset_top: f64,
}

impl Viewport {
    /// The line readers read at: just below the sticky chrome.
    pub fn reading_line(&self) -> f64 {
        self.scroll + self.inset_top
    }
}

/// Fraction read, 0.0–1.0.
pub fn fraction(body: BodyBox, view: Viewport) -> f64 {
    if body.height <= 0.0 {
        return 0.0;
    }
    let start = body.top - view.inset_top;
    let end = body.top + body.height - view.height;
    if end <= start {
        // The whole body fits on one screen: read once its end is in view.
        return if view.scroll + view.height >= body.top + body.height {
            1.0
        } else {
            0.0
        };
    }
    ((view.scroll - start) / (end - start)).clamp(0.0, 1.0)
}

/// The scroll offset at which [`fraction`] is `f` (the inverse, for tests and jumps).
pub fn scroll_for(body: BodyBox, view: Viewport, f: f64) -> f64 {
    let start = body.top - view.inset_top;
    let end = (body.top + body.height - view.height).max(start);
    start + (end - start) * f.clamp(0.0, 1.0)
}

/// Whole percent for `aria-valuenow`.
pub fn percent(fraction: f64) -> u8 {
    (fraction.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// A block of the body that has an anchor (`p12`, `fig2`, `h-the-desk`).
#[derive(Clone, Debug, PartialEq)]
pub struct AnchorBox {
    pub anchor: String,
    /// Top in the same coordinates as [`BodyBox::top`].
    pub top: f64,
    pub height: f64,
}

/// A position that survives reflow: a block, and how far into it the reading line was.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub anchor: String,
    /// 0.0 at the block's top, 1.0 at its bottom.
    pub within: f64,
}

/// The block at the reading line: the last block whose top is at or above it.
/// `blocks` must be in document order.
pub fn place_at(blocks: &[AnchorBox], line: f64) -> Option<Place> {
    let first = blocks.first()?;
    let i = blocks.partition_point(|b| b.top <= line);
    let block = if i == 0 { first } else { &blocks[i - 1] };
    let within = if block.height > 0.0 {
        ((line - block.top) / block.height).clamp(0.0, 1.0)
    } else {
        0.0
    };
    Some(Place {
        anchor: block.anchor.clone(),
        within,
    })
}

/// The scroll offset that puts `place` back on the reading line, if its block exists.
pub fn scroll_to_place(blocks: &[AnchorBox], place: &Place, view: Viewport) -> Option<f64> {
    let block = blocks.iter().find(|b| b.anchor == place.anchor)?;
    Some((block.top + block.height * place.within.clamp(0.0, 1.0) - view.inset_top).max(0.0))
}

/// `x` to `places` decimals (at most 9), for CSS: "12.5", "0.1234", "-3". With
/// integers only, so that the wasm carries no float formatting code.
pub fn decimal(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places.min(9));
    let scaled = (x.abs() * scale as f64).round() as u64;
    let sign = if x < 0.0 && scaled > 0 { "-" } else { "" };
    let (whole, part) = (scaled / scale, scaled % scale);
    if part == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{part:0width$}", width = places as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_for_css() {
        assert_eq!(decimal(0.0, 4), "0");
        assert_eq!(decimal(0.12345, 4), "0.1235");
        assert_eq!(decimal(1.0, 4), "1");
        assert_eq!(decimal(57.5, 2), "57.5");
        assert_eq!(decimal(-3.25, 1), "-3.3");
        assert_eq!(decimal(-0.00001, 2), "0");
        assert_eq!(decimal(0.05, 4), "0.05");
    }

    const BODY: BodyBox = BodyBox {
        top: 500.0,
        height: 10_000.0,
    };
    const VIEW: Viewport = Viewport {
        scroll: 0.0,
        height: 800.0,
        inset_top: 50.0,
    };

    fn at(scroll: f64) -> Viewport {
        Viewport { scroll, ..VIEW }
    }

    #[test]
    fn progress_runs_over_the_body() {
        assert_eq!(fraction(BODY, at(0.0)), 0.0);
        assert_eq!(fraction(BODY, at(450.0)), 0.0);
        assert_eq!(fraction(BODY, at(9_700.0)), 1.0);
        assert_eq!(fraction(BODY, at(20_000.0)), 1.0);
        for f in [0.25, 0.5, 0.75, 1.0] {
            let s = scroll_for(BODY, VIEW, f);
            assert!((fraction(BODY, at(s)) - f).abs() < 1e-9);
            assert_eq!(percent(fraction(BODY, at(s))), (f * 100.0) as u8);
        }
    }

    #[test]
    fn short_bodies_and_empty_ones() {
        let short = BodyBox {
            top: 100.0,
            height: 300.0,
        };
        assert_eq!(fraction(short, at(0.0)), 1.0);
        let below = BodyBox {
            top: 900.0,
            height: 300.0,
        };
        assert_eq!(fraction(below, at(0.0)), 0.0);
        assert_eq!(fraction(BodyBox::default(), at(100.0)), 0.0);
    }

    #[test]
    fn places_survive_reflow() {
        let narrow = vec![
            AnchorBox {
                anchor: "p1".into(),
                top: 500.0,
                height: 200.0,
            },
            AnchorBox {
                anchor: "p2".into(),
                top: 720.0,
                height: 400.0,
            },
            AnchorBox {
                anchor: "p3".into(),
                top: 1140.0,
                height: 100.0,
            },
        ];
        let place = place_at(&narrow, 820.0).unwrap();
        assert_eq!(
            place,
            Place {
                anchor: "p2".into(),
                within: 0.25
            }
        );
        assert_eq!(place_at(&narrow, 0.0).unwrap().anchor, "p1");
        assert_eq!(
            place_at(&narrow, 99_999.0).unwrap(),
            Place {
                anchor: "p3".into(),
                within: 1.0
            }
        );
        // Wider window: the same paragraph is shorter and higher up.
        let wide = vec![
            AnchorBox {
                anchor: "p1".into(),
                top: 400.0,
                height: 120.0,
            },
            AnchorBox {
                anchor: "p2".into(),
                top: 540.0,
                height: 240.0,
            },
        ];
        assert_eq!(
            scroll_to_place(&wide, &place, VIEW),
            Some(540.0 + 60.0 - 50.0)
        );
        assert_eq!(
            scroll_to_place(
                &wide,
                &Place {
                    anchor: "p9".into(),
                    within: 0.0
                },
                VIEW
            ),
            None
        );
        assert_eq!(place_at(&[], 10.0), None);
    }
}
