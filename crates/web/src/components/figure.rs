//! A figure: image (if any), caption and photo credit.
//!
//! The image's box keeps its aspect ratio before the file arrives (width/height
//! attributes plus CSS `height: auto`). A figure with no image, or whose image fails
//! to load, keeps its caption and credit and shows no broken-image icon.

use crate::links;
use broadsheet_core::page::PageFigure;
use leptos::prelude::*;

/// `sizes` for body images: the text column is at most ~42rem wide.
const SIZES: &str = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";

#[component]
pub fn FigureView(
    figure: PageFigure,
    /// The article's URL, for relative image paths.
    base: String,
    #[prop(optional)] id: Option<String>,
    /// The lead figure loads eagerly: it is usually in the first screen.
    #[prop(optional)]
    lead: bool,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    let has_image = figure.image.is_some();
    let image = figure.image.map(|img| {
        let srcset = (!img.srcset.is_empty()).then(|| {
            img.srcset
                .iter()
                .map(|c| format!("{} {}w", links::resolve(&c.url, &base), c.width))
                .collect::<Vec<_>>()
                .join(", ")
        });
        let sizes = srcset.as_ref().map(|_| SIZES);
        view! {
            <img
                src=links::resolve(&img.src, &base)
                srcset=srcset
                sizes=sizes
                alt=img.alt
                width=img.width.map(|w| w.to_string())
                height=img.height.map(|h| h.to_string())
                loading=if lead { "eager" } else { "lazy" }
                decoding="async"
                on:error=move |_| failed.set(true)
            />
        }
    });
    let credit = figure
        .credit
        .map(|c| view! { <span class="credit">{c}</span> });
    let caption = figure
        .caption
        .map(|c| view! { <span class="caption">{c}</span> });
    let has_text = caption.is_some() || credit.is_some();
    view! {
        <figure
            id=id
            class="figure"
            class=("figure--lead", lead)
            class=("figure--no-image", move || !has_image || failed.get())
        >
            <Show when=move || !failed.get()>{image.clone()}</Show>
            {has_text.then(|| view! { <figcaption>{caption} " " {credit}</figcaption> })}
        </figure>
    }
}
