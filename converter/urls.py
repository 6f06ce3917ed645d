"""Addresses: find them, and take tracking parameters out.

Tracking parameters are those that campaign tools, social sites and mail
tools add to say where a click came from (`utm_*`, `fbclid`, `gclid`,
`mc_cid`, `ref_src`, `spm` …); they name no page. They are removed from every
address, wherever it stands (an entry's link, a front-matter `url`, a link in
running text), and the removed parameters are reported. The rest of the
address is kept byte for byte (other parameters keep their order and their
encoding).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

BARE_URL = re.compile(r"^<?(https?://[^\s<>]+)>?$")
TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id|mc_cid|mc_eid|igshid|igsh"
    r"|spm|scm|share_source|share_medium|from_rss|ref|ref_src|ref_url|referrer|_hsenc|_hsmi|__hstc|__hssc|__hsfp"
    r"|mkt_tok|vero_id|oly_enc_id|oly_anon_id|wt\.mc_id|wt_mc|cmpid|ncid|ocid|icid|xtor|s_cid|trk|trkcampaign"
    r"|sr_share|rss_source|feature|smid|smtyp|at_medium|at_campaign|guccounter|guce_referrer\w*)$",
    re.IGNORECASE,
)
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'()\[\]]+(?:\([^\s()<>]*\)[^\s<>\"'()\[\]]*)*")


def bare_url(text: str) -> str | None:
    match = BARE_URL.match(text.strip())
    return match.group(1) if match else None


def site_name(url: str | None) -> str | None:
    """The site an address belongs to, as readers say it: `https://www.scmp.com/x` → `scmp.com`."""
    if not url:
        return None
    host = (urlsplit(url.strip()).hostname or "").lower()
    for prefix in ("www.", "m.", "amp."):
        host = host.removeprefix(prefix)
    return host or None


def clean_url(url: str) -> tuple[str, list[str]]:
    """The address without tracking parameters, and the parameters removed (`key=value` each)."""
    base, question, rest = url.partition("?")
    if not question:
        return url, []
    query, hash_mark, fragment = rest.partition("#")
    pieces = query.split("&")
    kept = [p for p in pieces if not TRACKING.match(p.partition("=")[0])]
    removed = [p for p in pieces if p and TRACKING.match(p.partition("=")[0])]
    if not removed:
        return url, []
    cleaned = base + ("?" + "&".join(kept) if any(kept) else "")
    return cleaned + (hash_mark + fragment if hash_mark else ""), removed


def clean_urls_in_text(text: str) -> tuple[str, list[str]]:
    """Every address in a piece of text without its tracking parameters, and what was removed."""
    removed: list[str] = []

    def clean(match: re.Match) -> str:
        url = match.group(0)
        tail = re.search(r"[.,;:!?]+$", url)
        url, tail = (url[: tail.start()], tail.group(0)) if tail else (url, "")
        cleaned, gone = clean_url(url)
        removed.extend(gone)
        return cleaned + tail

    if "://" not in text:
        return text, []
    return URL_IN_TEXT.sub(clean, text), removed
