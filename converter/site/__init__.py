"""The archive site: browse pages as Markdown, a feed, raw sources, and the thin MkDocs layer.

`catalog` reads the article files; `browse` and `listing` write the browse pages;
`feed` writes the Atom feed; `article_html` renders an article's header and footer
(used through `hooks.py`); `plugin` is the registered MkDocs plugin (`plugins: [search, broadsheet]`)
that brings all of it to any mkdocs.yml; `commands` holds `broadsheet build`/`serve`, `starter`
`broadsheet init`; `people` says which bylines are people; `searchindex` tunes search.
"""
