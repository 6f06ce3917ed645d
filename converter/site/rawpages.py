"""A source as a page to read: `raw/<key>.html`, its decoded text with numbered, linkable lines.

The page is UTF-8 made from the text the converter read (GB18030, Latin-1 and UTF-8 sources all show
as written), one `id="L<n>"` anchor per line, so an article's footer can link exactly its lines
(`raw/front.txt.html#L141-L169`); a small script marks and scrolls to such a range (`:target` alone
marks a single line). The untouched bytes stay downloadable beside it (`raw/<key>.txt`). Every line
and the file name reach the page through `escaping.html_text` / `html_attr`.
"""

from __future__ import annotations

from urllib.parse import quote

from ..escaping import html_attr, html_text
from .listing import is_chinese

RAW_DIR = "raw"

STYLE = """
body{margin:0;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK SC",monospace;
color:#1b1b1b;background:#fff}
header{padding:.8em 1.2em;border-bottom:1px solid #ddd;font-family:system-ui,sans-serif}
header h1{font-size:1.1em;margin:0 0 .3em;word-break:break-all}
header p{margin:.2em 0;color:#555}
pre{margin:0;padding:.5em 0;white-space:pre-wrap;word-break:break-word}
.line{display:block;padding:0 1.2em 0 0}
.line>a{display:inline-block;width:5em;margin-right:1em;text-align:right;color:#999;text-decoration:none;
user-select:none}
.line:target,.line.bs-marked{background:#fff3b0}
"""

SCRIPT = """
(function(){
  function mark(){
    var m=/^#L(\\d+)(?:-L(\\d+))?$/.exec(location.hash);
    document.querySelectorAll('.bs-marked').forEach(function(e){e.classList.remove('bs-marked');});
    if(!m)return;
    var a=+m[1],b=m[2]?+m[2]:a;
    for(var n=Math.min(a,b);n<=Math.max(a,b);n++){var e=document.getElementById('L'+n);if(e)e.classList.add('bs-marked');}
    var first=document.getElementById('L'+Math.min(a,b));
    if(first)first.scrollIntoView({block:'start'});
  }
  window.addEventListener('hashchange',mark);
  mark();
})();
"""


def raw_page_src(key: str) -> str:
    """Where a source's reading page is: `raw/<key>.html` (`raw/2024/front.txt.html`)."""
    return f"{RAW_DIR}/{key}.html"


def _download_name(key: str) -> str:
    """The `.txt` copy beside the page, as a relative URL (`./` and quoting: a `:` or `#` in a name
    never becomes a scheme or a fragment)."""
    name = key.rsplit("/", 1)[-1]
    return "./" + quote(name if name.endswith(".txt") else name + ".txt")


def line_range(start: int, end: int | None = None) -> str:
    """The fragment naming lines start..end (`L141-L169`, or `L141` for one line)."""
    return f"L{start}" if end is None or end == start else f"L{start}-L{end}"


def source_lines(text: str) -> list[str]:
    """The lines the converter numbered (its text is split at LF after line ends are normalised)."""
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" and len(lines) > 1 else lines


def raw_page(key: str, text: str, encoding: str, sha256: str) -> str:
    """The whole HTML page for one source."""
    lines = source_lines(text)
    body = "".join(f'<span class="line" id="L{n}"><a href="#L{n}">{n}</a>{html_text(line)}</span>'
                   for n, line in enumerate(lines, start=1))
    lang = ' lang="zh"' if is_chinese(text[:4000]) else ""
    download = _download_name(key)
    return (
        "<!doctype html>\n"
        f'<html{lang}><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{html_text(key)} (source)</title><style>{STYLE}</style></head><body>"
        f'<header><h1 class="bs-raw-name">{html_text(key)}</h1>'
        f"<p>{len(lines)} lines, read as {html_text(encoding)}; sha256 <code>{html_text(sha256)}</code></p>"
        f'<p><a class="bs-raw-download" href="{html_attr(download)}" download>Download the original bytes</a>'
        "</p></header>"
        f'<pre class="bs-raw-lines">{body}</pre>'
        f"<script>{SCRIPT}</script></body></html>\n"
    )
