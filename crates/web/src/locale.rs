//! Which language the interface speaks, and where components find its words.
//! The words, plural rules, numbers and dates are in `broadsheet_core::i18n`.
//!
//! The choice ([`i18n::negotiate`]): the language the publisher fixed (the
//! site's, written by `broadsheet build` as `<html data-ui-lang>`, or an
//! embed's `ui-lang`), else the article's, else the reader's
//! (`navigator.languages`), else English. [`Ui`] is in context: the site's
//! from [`App`](crate::App), an article's under its reader
//! ([`provide_for_article`]).

use broadsheet_core::i18n::{self, Locale, Text};
use leptos::prelude::*;
use std::cell::Cell;

/// `<html data-ui-lang="fr">`: the interface language the publisher fixed for
/// the site (`broadsheet build --ui-lang`).
pub const FIXED_ATTRIBUTE: &str = "data-ui-lang";

/// What the choice depends on besides the article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Languages {
    /// Set by the publisher: used whatever the article or reader.
    pub fixed: Option<String>,
    /// The reader's, most preferred first.
    pub preferred: Vec<String>,
}

impl Languages {
    /// The site's in the browser: `<html data-ui-lang>` and `navigator.languages`.
    pub fn of_browser() -> Languages {
        let fixed = document()
            .document_element()
            .and_then(|html| html.get_attribute(FIXED_ATTRIBUTE));
        Languages {
            fixed,
            ..Languages::of_reader()
        }
    }

    /// The reader's alone (`navigator.languages`): on another site, whose
    /// `<html>` is not ours.
    pub fn of_reader() -> Languages {
        let navigator = window().navigator();
        let mut preferred: Vec<String> = navigator
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .collect();
        if preferred.is_empty() {
            preferred.extend(navigator.language());
        }
        Languages {
            fixed: None,
            preferred,
        }
    }

    /// With `fixed` instead, when given (an embed's `ui-lang`).
    pub fn fixed_to(self, fixed: Option<String>) -> Languages {
        match fixed.filter(|f| !f.trim().is_empty()) {
            Some(fixed) => Languages {
                fixed: Some(fixed),
                ..self
            },
            None => self,
        }
    }

    pub fn choose(&self, article: Option<&str>) -> Locale {
        i18n::negotiate(
            self.fixed.as_deref(),
            article,
            self.preferred.iter().map(String::as_str),
        )
    }
}

/// The interface language of a part of the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ui {
    pub locale: Locale,
}

impl Ui {
    pub fn text(self) -> &'static Text {
        self.locale.text()
    }

    /// For `lang` attributes.
    pub fn lang(self) -> &'static str {
        self.locale.code()
    }

    /// For `dir` attributes: the chrome mirrors in a right-to-left language.
    pub fn dir(self) -> &'static str {
        self.locale.direction().as_str()
    }

    /// `lang`, but only where it differs from the `article`'s language: for
    /// the interface's words inside an article.
    pub fn lang_unless(self, article: Option<&str>) -> Option<&'static str> {
        (article.and_then(Locale::from_tag) != Some(self.locale)).then_some(self.lang())
    }
}

/// The language of the page as a whole, for the site bar (outside the routes).
#[derive(Clone, Copy)]
struct PageLocale(RwSignal<Locale>);

thread_local! {
    /// The same, for what is shown outside any component: the panic screen,
    /// the storage warning, the offline helper's errors.
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::En) };
}

/// In [`App`](crate::App): the site's languages (unless the pre-renderer or an
/// embed gave them already) and the site's [`Ui`].
pub fn provide() {
    let languages = use_context::<Languages>().unwrap_or_else(|| {
        #[cfg(target_arch = "wasm32")]
        let languages = Languages::of_browser();
        #[cfg(not(target_arch = "wasm32"))]
        let languages = Languages::default();
        provide_context(languages.clone());
        languages
    });
    let site = languages.choose(None);
    // A pre-rendered article page: its language from the start, so that the
    // site bar is rendered in it and stays as it is when the app takes over.
    let page = use_context::<crate::loader::Preloaded>().map_or(site, |p| {
        languages.choose(p.0.page.meta.language.as_deref())
    });
    CURRENT.with(|c| c.set(page));
    provide_context(PageLocale(RwSignal::new(page)));
    provide_context(Ui { locale: site });
}

/// The interface language for the article in `lang` (its language, if known),
/// in context for the components below, and the page's language from now on.
pub fn provide_for_article(lang: Option<&str>) -> Ui {
    let ui = Ui {
        locale: languages().choose(lang),
    };
    provide_context(ui);
    show(ui);
    ui
}

/// The site's interface language again (the library, a missing page).
pub fn provide_for_site() -> Ui {
    provide_for_article(None)
}

fn show(ui: Ui) {
    CURRENT.with(|c| c.set(ui.locale));
    if let Some(PageLocale(page)) = use_context::<PageLocale>() {
        // After rendering: the site bar follows.
        Effect::new(move |_| page.set(ui.locale));
    }
}

/// The languages in context, or none known.
pub fn languages() -> Languages {
    use_context::<Languages>().unwrap_or_default()
}

/// The nearest [`Ui`]: the article's inside a reader, else the site's (or,
/// outside any owner, such as a later animation frame, the page's).
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or(Ui { locale: current() })
}

/// The page's language, tracked: for the site bar and notices around the routes.
pub fn page_ui() -> Ui {
    Ui {
        locale: use_context::<PageLocale>().map_or(current(), |PageLocale(p)| p.get()),
    }
}

/// The page's language, for code outside components.
pub fn current() -> Locale {
    CURRENT.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_publisher_then_the_article_then_the_reader() {
        let reader = Languages {
            fixed: None,
            preferred: vec!["it-IT".into(), "de-DE".into()],
        };
        assert_eq!(reader.choose(Some("ar")), Locale::Ar);
        assert_eq!(reader.choose(Some("it")), Locale::De);
        assert_eq!(reader.choose(None), Locale::De);
        let fixed = reader.clone().fixed_to(Some("ja".into()));
        assert_eq!(fixed.choose(Some("ar")), Locale::Ja);
        assert_eq!(reader.clone().fixed_to(Some(" ".into())), reader);
        assert_eq!(Languages::default().choose(Some("pt")), Locale::En);
    }

    #[test]
    fn interface_words_inside_an_article_say_their_language() {
        let ui = Ui { locale: Locale::Fr };
        assert_eq!(ui.lang_unless(Some("fr-CA")), None);
        assert_eq!(ui.lang_unless(Some("ar")), Some("fr"));
        assert_eq!(ui.lang_unless(None), Some("fr"));
    }
}
