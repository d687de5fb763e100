//! Component tests: the Leptos views rendered in real headless Chromium
//! (wasm-bindgen-test; see `.cargo/config.toml` and `scripts/test`).
#![cfg(target_arch = "wasm32")]

use broadsheet_core::{article, page};
use broadsheet_web::api::LoadError;
use broadsheet_web::components::article_view::ArticleView;
use broadsheet_web::components::states::{ArticleSkeleton, ErrorPanel};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../public/articles/iran-diplomat-defects-2011.json");
const BASE: &str = "https://news.example/articles/a.json";

/// Mounts a view in a fresh container and returns the container.
fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), f);
    std::mem::forget(handle);
    host
}

fn text(el: &web_sys::Element, selector: &str) -> String {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn count(el: &web_sys::Element, selector: &str) -> u32 {
    el.query_selector_all(selector).unwrap().length()
}

fn render(json: &str) -> web_sys::HtmlElement {
    let page = page::build(&article::parse(json).unwrap().article);
    mount(move || view! { <ArticleView page base=BASE.to_string()/> })
}

#[wasm_bindgen_test]
fn sample_article_renders_header_body_and_footer() {
    let host = render(SAMPLE);
    assert_eq!(
        text(&host, "article h1"),
        "Former Iran diplomat: Iran leaders would slaughter people in a revolt"
    );
    assert_eq!(text(&host, ".byline"), "By News Agencies");
    assert_eq!(
        host.query_selector("article")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    assert_eq!(count(&host, ".article-body > p"), 13);
    assert_eq!(count(&host, ".article-body figure img"), 0);
    assert_eq!(text(&host, "#fig2 .credit"), "Photo: AP Photo / Ben Curtis");
    assert_eq!(count(&host, "nav.related li"), 4);
    assert!(text(&host, ".comments").contains("Leave a comment"));
    assert_eq!(count(&host, ".corrections"), 0);
}

#[wasm_bindgen_test]
fn markdown_becomes_elements_and_text_stays_text() {
    let json = r#"{"headline":"H","body":[{"type":"text","markdown":
        "*em* **strong** <b>raw</b> [x](javascript:alert(1)) [y](other.json) [z](https://e.example/)\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: The note."}]}"#;
    let host = render(json);
    let p = host.query_selector("#p1").unwrap().unwrap();
    assert_eq!(count(&p, "em"), 1);
    assert_eq!(count(&p, "strong"), 1);
    assert_eq!(count(&p, "b"), 0, "raw HTML must not become an element");
    assert!(p.text_content().unwrap().contains("<b>raw</b>"));
    let links = p.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 2, "the javascript: link has no anchor");
    // Relative to the article's URL; on another site than the viewer, so not opened inside it.
    let relative: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        relative.get_attribute("href").as_deref(),
        Some("https://news.example/articles/other.json")
    );
    let external: web_sys::Element = links.get(1).unwrap().unchecked_into();
    assert_eq!(
        external.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(text(&host, "table td.align-right"), "2");
    assert_eq!(text(&host, "sup.footnote-ref a"), "1");
    assert!(text(&host, "#fn-1").contains("The note."));
}

#[wasm_bindgen_test]
fn figure_with_image_reserves_its_box() {
    let json = r#"{"headline":"H","body":[{"type":"figure","image":{"src":"../images/a-1280.jpg","alt":"A lighthouse","width":1280,"height":853,
        "srcset":[{"src":"../images/a-640.jpg","width":640},{"src":"../images/a-1280.jpg","width":1280}]},"caption":"Cap","credit":"Illustration: Me"}]}"#;
    let host = render(json);
    let img = host.query_selector("figure img").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://news.example/images/a-1280.jpg")
    );
    assert_eq!(img.get_attribute("width").as_deref(), Some("1280"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("853"));
    assert_eq!(img.get_attribute("alt").as_deref(), Some("A lighthouse"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(
        img.get_attribute("srcset").as_deref(),
        Some(
            "https://news.example/images/a-640.jpg 640w, https://news.example/images/a-1280.jpg 1280w"
        )
    );
    assert_eq!(text(&host, "figcaption .credit"), "Illustration: Me");
}

#[wasm_bindgen_test]
fn error_panel_offers_retry_only_when_it_can_help() {
    let retried = RwSignal::new(0);
    let host = mount(move || {
        view! { <ErrorPanel error=LoadError::Http { status: 500, status_text: "Internal Server Error".into() } retry=move |_| retried.update(|n| *n += 1)/> }
    });
    assert!(text(&host, ".error-message").contains("HTTP 500 Internal Server Error"));
    let button: web_sys::HtmlElement = host
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Retry"));
    button.click();
    assert_eq!(retried.get_untracked(), 1);

    let host = mount(|| view! { <ErrorPanel error=LoadError::NoSource retry=|_| ()/> });
    assert_eq!(count(&host, "button"), 0);
    assert_eq!(text(&host, "h1"), "No article chosen");
}

#[wasm_bindgen_test]
fn skeleton_announces_loading() {
    let host = mount(|| view! { <ArticleSkeleton/> });
    let status = host.query_selector("[role=status]").unwrap().unwrap();
    assert!(status.text_content().unwrap().contains("Loading article"));
    assert!(count(&host, ".skeleton--headline") >= 1);
}

/// The browser's JSON (crate::json) reads stored settings and positions as
/// leniently as serde_json does natively (broadsheet_core's tests).
#[wasm_bindgen_test]
fn stored_values_read_by_the_browser_s_json() {
    use broadsheet_core::resume::Position;
    use broadsheet_core::settings::{Settings, Theme, Width};
    use broadsheet_web::json;
    let odd =
        json::parse::<Settings>(r#"{"size":"big","font":7,"width":"wide","theme":"dark","x":[1]}"#)
            .unwrap();
    assert_eq!(
        odd,
        Settings {
            width: Width::Wide,
            theme: Theme::Dark,
            ..Settings::default()
        }
    );
    assert_eq!(
        json::parse::<Settings>(r#"{"size":9}"#),
        Some(Settings::default())
    );
    assert_eq!(json::parse::<Settings>("{corrupt"), None);
    let chosen = Settings {
        size: 4,
        ..Settings::default()
    };
    assert_eq!(
        json::parse::<Settings>(&json::stringify(&chosen)),
        Some(chosen)
    );

    let position = Position {
        anchor: "p12".into(),
        within: 0.25,
        percent: 40,
        at: 1_700_000_000_000.0,
        read: false,
    };
    let text = json::stringify(&position);
    assert_eq!(
        json::parse::<Position>(&text).and_then(Position::checked),
        Some(position)
    );
    assert_eq!(
        json::parse::<Position>(r#"{"anchor":"p1","within":0.5,"percent":400,"at":1}"#),
        None
    );
}
