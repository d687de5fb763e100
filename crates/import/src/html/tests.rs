use super::*;

fn md(html: &str) -> String {
    let c = to_blocks(html, None);
    c.blocks
        .iter()
        .map(|b| match b {
            Block::Text { markdown } => markdown.clone(),
            other => format!("{other:?}"),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn paragraphs_and_inline_markup() {
    assert_eq!(
        md(
            "<p>One <em>two</em> <strong> three </strong></p>\n<p>  Four\n  <a href='https://example.org/a(b)'>link</a></p><p> </p>"
        ),
        "One *two* **three**\n\nFour [link](https://example.org/a\\(b\\))"
    );
}
