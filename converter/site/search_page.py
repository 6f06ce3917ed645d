"""The archive's search page for Pagefind: a query box, the filters readers ask for (publication, year,
section, language), newest / oldest / best match first, and the results, all native form controls
(reachable and usable by keyboard). Its words follow the site's language (`theme.language`):
English, or Chinese for a `zh` site, as Material's own strings do.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from ..escaping import html_attr, html_text, json_script
from .pagefind_index import BUNDLE_LIST

SEARCH_PAGE = "search.md"
SCRIPT = "assets/javascripts/broadsheet-search.js"
STRINGS = {
    "en": {"title": "Search the archive", "query": "Search words", "button": "Search",
           "publication": "Publication", "year": "Year", "section": "Section", "language": "Language",
           "all": "All", "sort": "Order", "newest": "Newest first", "oldest": "Oldest first",
           "relevance": "Best match first", "results": "{n} articles", "one": "1 article",
           "none": "No articles found.", "more": "More results", "loading": "Loading the search index…",
           "failed": "Search could not load: open the archive over http(s), not from a file.",
           "undated": "undated", "filters": "Narrow the results",
           "since": "in the issues from {period} on", "older": "Search older issues"},
    "zh": {"title": "搜索档案", "query": "搜索词", "button": "搜索",
           "publication": "出版物", "year": "年份", "section": "栏目", "language": "语言",
           "all": "全部", "sort": "排序", "newest": "最新在前", "oldest": "最早在前",
           "relevance": "最相关在前", "results": "{n} 篇文章", "one": "1 篇文章",
           "none": "没有找到文章。", "more": "更多结果", "loading": "正在加载搜索索引…",
           "failed": "无法加载搜索：请通过 http(s) 打开档案，而不是从文件打开。",
           "undated": "无日期", "filters": "筛选结果",
           "since": "（搜索了 {period} 以来的各期）", "older": "搜索更早的各期"},
}
LANGUAGE_NAMES = {"en": "English", "zh": "中文", "de": "Deutsch", "fr": "Français", "es": "Español",
                  "ja": "日本語", "ko": "한국어"}
FILTERS = ("publication", "year", "section", "language")


def strings_for(language: str | None) -> dict[str, str]:
    return STRINGS["zh"] if str(language or "").lower().startswith("zh") else STRINGS["en"]


def page_url(use_directory_urls: bool) -> str:
    return "search/" if use_directory_urls else "search.html"


def _select(name: str, label: str, all_label: str) -> str:
    return (f'<label class="bs-search-filter">{html_text(label)} '
            f'<select name="{name}" data-filter="{name}"><option value="">{html_text(all_label)}</option>'
            "</select></label>")


def search_page_markdown(language: str | None, use_directory_urls: bool) -> str:
    """The page's source: front matter (kept out of Material's own index) and the form as HTML."""
    words = strings_for(language)
    here = page_url(use_directory_urls)
    bundles = get_relative_url(BUNDLE_LIST, here)
    script = get_relative_url(SCRIPT, here)
    filters = "".join(_select(name, words[name], words["all"]) for name in FILTERS)
    sort = (f'<label class="bs-search-filter">{html_text(words["sort"])} <select name="sort">'
            + "".join(f'<option value="{v}">{html_text(words[v])}</option>' for v in ("newest", "oldest", "relevance"))
            + "</select></label>")
    data = json_script({"strings": words, "languages": LANGUAGE_NAMES})
    return (f"---\ntitle: {words['title']}\nsearch:\n  exclude: true\n---\n\n"
            f"# {words['title']}\n\n"
            f'<form id="bs-search" class="bs-search" role="search" data-bundles="{html_attr(bundles)}">\n'
            f'<p><input type="search" name="q" aria-label="{html_attr(words["query"])}" '
            f'placeholder="{html_attr(words["query"])}" autocomplete="off" spellcheck="false"> '
            f'<button type="submit" class="md-button">{html_text(words["button"])}</button></p>\n'
            f'<fieldset><legend>{html_text(words["filters"])}</legend>{filters}{sort}</fieldset>\n'
            "</form>\n\n"
            f'<p class="bs-search-status" role="status" aria-live="polite">{html_text(words["loading"])}</p>\n'
            '<ol class="bs-search-results"></ol>\n'
            f'<p><button type="button" class="md-button bs-search-more" hidden>{html_text(words["more"])}</button> '
            f'<button type="button" class="md-button bs-search-older" hidden>{html_text(words["older"])}</button></p>\n'
            f'<script type="application/json" id="bs-search-strings">{data}</script>\n'
            f'<script type="module" src="{html_attr(script)}"></script>\n'
            # a page opened from file:// never runs the module (browsers block it there): say why
            f'<script>if (location.protocol === "file:") document.querySelector(".bs-search-status")'
            f'.textContent = {json_script(words["failed"])};</script>\n')


def add_search_page(files, config) -> None:
    """The search page as a generated file of this build (nothing written to the docs folder)."""
    from mkdocs.structure.files import File, InclusionLevel

    if files.get_file_from_path(SEARCH_PAGE) is not None:
        return  # the archive has its own
    content = search_page_markdown(config.theme.get("language"), bool(config.use_directory_urls))
    page = File.generated(config, SEARCH_PAGE, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    files.append(page)
