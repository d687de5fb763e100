//! Article ids: stable, lowercase ASCII, `[a-z0-9-]`, at most [`MAX_ID`]
//! characters cut at a word, so every id is also a slug the published site
//! accepts (`broadsheet_site::check_slug`) and a safe file name.

/// The longest id made from a headline.
pub const MAX_ID: usize = 80;

/// `text` as a slug: accents transliterated (é → e, ß → ss), everything that is
/// not a letter or digit a single `-`, no `-` at either end. Not shortened.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        let ascii = transliterate(c);
        for a in ascii.chars() {
            if a.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(a.to_ascii_lowercase());
            } else {
                dash = true;
            }
        }
    }
    out
}

/// The id for an article with this headline (or slug): [`slugify`], cut at the
/// last word that fits in [`MAX_ID`]; `"article"` when nothing is left.
pub fn id_for(text: &str) -> String {
    let slug = slugify(text);
    let id = if slug.len() <= MAX_ID {
        slug
    } else {
        let cut = &slug[..=MAX_ID];
        match cut.rfind('-') {
            Some(i) if i > 0 => cut[..i].to_string(),
            _ => slug[..MAX_ID].to_string(),
        }
    };
    if id.is_empty() { "article".into() } else { id }
}

/// The last path segment of a URL without its extension, as a slug: the id a
/// feed item or a WordPress post already has in its address.
pub fn from_url(url: &str) -> Option<String> {
    // A site-relative address ("/news/story/") names its slug too.
    let url = url::Url::parse(url)
        .or_else(|_| url::Url::parse("https://relative.invalid/")?.join(url))
        .ok()?;
    let segment = url.path_segments()?.rfind(|s| !s.is_empty())?;
    let stem = segment.rsplit_once('.').map_or(segment, |(stem, _)| stem);
    let id = id_for(stem);
    (id != "article").then_some(id)
}

/// The ASCII a Latin letter is commonly written as; other characters as they are
/// (they become separators if not ASCII).
fn transliterate(c: char) -> String {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => {
            "i"
        }
        'ł' | 'ľ' | 'ĺ' | 'ļ' | 'Ł' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'ŕ' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        // Apostrophes join a word rather than split it: "Iran’s" → "irans".
        '\'' | '’' | 'ʼ' => "",
        _ => return c.to_string(),
    };
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_become_ids() {
        assert_eq!(
            id_for("Former Iran diplomat: Iran leaders would slaughter people in a revolt"),
            "former-iran-diplomat-iran-leaders-would-slaughter-people-in-a-revolt"
        );
        assert_eq!(
            id_for("Café crème à Zürich — 10 % off!"),
            "cafe-creme-a-zurich-10-off"
        );
        assert_eq!(id_for("Iran’s leaders"), "irans-leaders");
        assert_eq!(id_for("  "), "article");
        assert_eq!(id_for("日本語"), "article");
        let long = id_for(&"word ".repeat(40));
        assert!(long.len() <= MAX_ID && long.ends_with("word"), "{long}");
        let one = id_for(&"x".repeat(200));
        assert_eq!(one.len(), MAX_ID);
        for id in [long, one, id_for("Ünïcödé ÆØÅ ßtraße")] {
            broadsheet_site::check_slug(&id).unwrap();
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
        }
    }

    #[test]
    fn urls_give_their_slug() {
        assert_eq!(
            from_url("https://example.org/2024/05/harbour-light/").as_deref(),
            Some("harbour-light")
        );
        assert_eq!(
            from_url("https://example.org/news/story.html?x=1").as_deref(),
            Some("story")
        );
        assert_eq!(from_url("https://example.org/"), None);
        assert_eq!(from_url("/news/2024/06/storm/").as_deref(), Some("storm"));
    }
}
