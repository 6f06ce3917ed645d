"""Addresses: find them, and take tracking parameters out."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

BARE_URL = re.compile(r"^<?(https?://[^\s<>]+)>?$")
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|igshid|spm|share_source|from_rss)$", re.IGNORECASE)


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
    """The address without tracking parameters, and the parameters removed."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not TRACKING.match(k)]
    removed = [f"{k}={v}" for k, v in query if TRACKING.match(k)]
    if not removed:
        return url, []
    return urlunsplit(parts._replace(query=urlencode(kept))), removed
