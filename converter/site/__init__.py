"""The archive site: browse pages as Markdown, a feed, raw sources, and the thin MkDocs layer.

`catalog` reads the article files; `browse` and `listing` write the browse pages;
`feed` writes the Atom feed; `article_html` renders an article's header and footer
(used by the MkDocs hook in `hooks.py`); `commands` holds `broadsheet build`/`serve`.
"""
