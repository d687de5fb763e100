//! The article page: header, body, notes and footer, rendered from a [`Page`].

use super::figure::FigureView;
use super::markdown_view::{block_view, heading, nodes_view};
use crate::{dates, links, locale, names};
use broadsheet_core::article::{Correction, Meta};
use broadsheet_core::i18n;
use broadsheet_core::markdown::Footnote;
use broadsheet_core::page::anchors;
use broadsheet_core::page::{Content, Item, Page, Person};
use leptos::prelude::*;

#[component]
pub fn ArticleView(
    /// In an embed, "Leave a comment" without a comments URL asks the host page.
    #[prop(optional)]
    on_comment: Option<Callback<()>>,
    /// Related links are shown unless this is `Some(false)` (an embed with `related="hide"`).
    #[prop(optional)]
    show_related: Option<bool>,
    /// Render the whole body in one go, even when it is huge (a deep link must
    /// find its target at once).
    #[prop(optional)]
    all_at_once: bool,
    page: Page,
    /** The article's URL. */
    base: String,
) -> impl IntoView {
    let source = page.meta.syndicated_from().map(str::to_string);
    let ui = locale::use_ui();
    let t = ui.text();
    let date = move |iso: &str| dates::format(ui.locale, iso);
    // The interface's words in the article say their language when it differs.
    let ui_lang = ui.lang_unless(page.meta.language.as_deref());
    let ui_dir = ui_lang.map(|_| ui.dir());
    let Page {
        meta:
            Meta {
                language: lang,
                section,
                kicker,
                headline,
                dek,
                byline,
                published,
                updated,
                tags,
                corrections,
                ..
            },
        dir,
        authors,
        lead,
        body,
        footnotes,
        related,
        comments,
        reading,
        ..
    } = page;

    let label = section.is_some() || kicker.is_some();
    let labels = label.then(|| {
        view! {
            <p class="kicker">
                {section.map(|s| view! { <span class="section">{s}</span> })}
                {kicker.map(|k| view! { <span class="kicker-text">{k}</span> })}
            </p>
        }
    });

    let corrections = (!corrections.is_empty()).then(|| {
        view! {
            <section class="corrections" aria-labelledby="corrections-title">
                <h2 id="corrections-title" lang=ui_lang dir=ui_dir>{t.corrections.get(ui.locale, corrections.len() as u64)}</h2>
                <ul>
                    {corrections
                        .into_iter()
                        .map(|Correction { date, text }| view! {
                            <li>
                                {date.map(|d| view! { <time datetime=d.clone()>{dates::format(ui.locale, &d)}</time> ": " })}
                                {text}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });

    let byline_view = byline_view(byline, authors, &base, ui);
    let minutes = reading.minutes();
    let dates_view = (published.is_some() || updated.is_some()).then(|| {
        view! {
            <p class="dates" dir="auto" lang=ui_lang>
                {published.map(|d| view! { <time class="published" datetime=d.clone()>{date(&d)}</time> })}
                {updated.map(|d| {
                    let (before, after) = i18n::around(t.updated, "date");
                    view! {
                        <span class="updated">{before} <time datetime=d.clone()>{date(&d)}</time> {after}</span>
                    }
                })}
            </p>
        }
    });

    let lead_view = lead.map(|f| view! { <FigureView figure=f base=base.clone() lead=true/> });
    let body_view = {
        let base = base.clone();
        progressive(body, all_at_once, move |item| item_view(item, &base))
    };

    let notes_view = (!footnotes.is_empty()).then(|| {
        let base = base.clone();
        let note_view = move |note: Footnote| {
            let n = note.number;
            view! {
                <li id=anchors::footnote(n) value=n.to_string()>
                    {nodes_view(&note.children, &base)}
                    " "
                    <a class="footnote-back" href=links::fragment_href(&anchors::footnote_ref(n)) aria-label=i18n::fill(t.footnote_back, &[("n", &ui.locale.number(n as u64))])>"↩"</a>
                </li>
            }
            .into_any()
        };
        view! {
            <section class="footnotes" aria-labelledby="footnotes-title">
                <h2 id="footnotes-title" lang=ui_lang dir=ui_dir>{t.notes}</h2>
                <ol>{progressive(footnotes, all_at_once, note_view)}</ol>
            </section>
        }
    });

    let tags_view = (!tags.is_empty()).then(|| {
        view! {
            <ul class="tags" aria-label=t.topics>
                {tags.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
            </ul>
        }
    });

    let related_view = (!related.is_empty() && show_related != Some(false)).then(|| {
        view! {
            <nav class="related" aria-labelledby="related-title">
                <h2 id="related-title" lang=ui_lang dir=ui_dir>{t.related}</h2>
                <ul>
                    {related
                        .into_iter()
                        .map(|r| {
                            let title = match &r.href {
                                Some(href) => {
                                    let target = links::target(href, &base);
                                    let domain = match &target {
                                        links::Target::External(url) => broadsheet_core::url_policy::display_domain(url),
                                        _ => None,
                                    };
                                    view! {
                                        <a class="related-title" href=target.href().to_string() rel=target.rel()>{r.title}</a>
                                        {domain.map(|d| view! { <span class="related-domain">{d}</span> })}
                                    }
                                    .into_any()
                                }
                                None => view! { <span class="related-title">{r.title}</span> }.into_any(),
                            };
                            view! {
                                <li>
                                    {title}
                                    {r.summary.map(|s| view! { <p class="related-summary">{s}</p> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        }
    });

    let comments_view = comments.map(|c| match c.href {
        Some(href) => {
            let target = links::target(&href, &base);
            view! {
                <p class="comments">
                    <a class="comments-cta" href=target.href().to_string() rel=target.rel()>{c.label}</a>
                </p>
            }
            .into_any()
        }
        None if on_comment.is_some() => view! {
            <p class="comments">
                <button type="button" class="comments-cta" on:click=move |_| { if let Some(f) = on_comment { f.run(()) } }>{c.label}</button>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="comments">
                <span class="comments-cta comments-cta--closed">{c.label}</span>
                " — "
                <span class="comments-note" lang=ui_lang dir=ui_dir>{t.comments_closed}</span>
            </p>
        }
        .into_any(),
    });

    view! {
        <article class="article" lang=lang dir=dir.as_str() aria-labelledby="headline">
            {corrections}
            <header class="article-header">
                {labels}
                <h1 id="headline">{headline}</h1>
                {dek.map(|d| view! { <p class="dek">{d}</p> })}
                <div class="meta">
                    {byline_view}
                    {dates_view}
                    <p class="reading-time" dir="auto" lang=ui_lang>{t.minutes_read.get(ui.locale, minutes.into())}</p>
                </div>
                {lead_view}
            </header>
            <div class=names::ARTICLE_BODY>{body_view}</div>
            {notes_view}
            <footer class="article-footer">
                {source.map(|s| {
                    let (before, after) = i18n::around(t.source, "source");
                    view! { <p class="source"><span lang=ui_lang dir=ui_dir>{before}</span> {s} {after}</p> }
                })}
                {tags_view}
                {related_view}
                {comments_view}
            </footer>
        </article>
    }
}

/// The publisher's byline text when given; otherwise "By A, B and C" from `authors`,
/// with each name linked when it has a URL.
fn byline_view(
    byline: Option<String>,
    authors: Vec<Person>,
    base: &str,
    ui: locale::Ui,
) -> Option<AnyView> {
    if let Some(b) = byline {
        return Some(view! { <p class="byline">{b}</p> }.into_any());
    }
    if authors.is_empty() {
        return None;
    }
    let count = authors.len();
    let names = authors
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let sep = i18n::list_separator(ui.text(), i, count);
            let name = match a.href {
                Some(href) => {
                    let target = links::target(&href, base);
                    view! { <a rel=target.rel().map(|r| format!("author {r}")).unwrap_or("author".into()) href=target.href().to_string()>{a.name}</a> }.into_any()
                }
                None => a.name.into_any(),
            };
            view! { {sep} {name} }
        })
        .collect_view();
    let (before, after) = i18n::around(ui.text().byline, "names");
    Some(view! { <p class="byline">{before} {names} {after}</p> }.into_any())
}

/// Lists of at least this many items (body blocks, notes) are rendered
/// progressively: [`AT_ONCE`] at once, then [`PER_FRAME`] per animation frame.
/// The first paragraphs never wait for the whole of a huge article, and no frame
/// grows long.
const PROGRESSIVE_FROM: usize = 200;
const AT_ONCE: usize = 60;
const PER_FRAME: usize = 150;

fn progressive<T: Clone + Send + Sync + 'static>(
    mut items: Vec<T>,
    all_at_once: bool,
    render: impl Fn(T) -> AnyView + Clone + Send + Sync + 'static,
) -> AnyView {
    if all_at_once || items.len() < PROGRESSIVE_FROM {
        return items.into_iter().map(render).collect_view().into_any();
    }
    let later: Vec<Vec<T>> = items
        .split_off(AT_ONCE)
        .chunks(PER_FRAME)
        .map(<[T]>::to_vec)
        .collect();
    let chunks = later.len();
    let shown = RwSignal::new(0usize);
    fn show_next(shown: RwSignal<usize>, chunks: usize) {
        request_animation_frame(move || {
            // Stops by itself once everything is shown, or the article is gone.
            let more = shown.try_update(|n| {
                *n += 1;
                *n < chunks
            });
            if more == Some(true) {
                show_next(shown, chunks);
            }
        });
    }
    show_next(shown, chunks);
    let first = items.into_iter().map(render.clone()).collect_view();
    let rest = later
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let render = render.clone();
            let visible = Memo::new(move |_| shown.get() > i);
            move || {
                visible
                    .get()
                    .then(|| chunk.iter().cloned().map(render.clone()).collect_view())
            }
        })
        .collect_view();
    view! { {first} {rest} }.into_any()
}

fn item_view(item: Item, base: &str) -> AnyView {
    let Item { anchor, content } = item;
    match content {
        Content::Node(node) => block_view(&node, Some(anchor), base),
        Content::Heading { level, text } => heading(level, Some(anchor), text.into_any()),
        Content::Quote { text, cite } => view! {
            <figure class="pull-quote" id=anchor>
                <blockquote><p>{text}</p></blockquote>
                {cite.map(|c| view! { <figcaption>"— " {c}</figcaption> })}
            </figure>
        }
        .into_any(),
        Content::Figure(figure) => {
            view! { <FigureView figure id=anchor base=base.to_string()/> }.into_any()
        }
    }
}
