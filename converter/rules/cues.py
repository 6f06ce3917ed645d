"""The words of newspaper conventions, in one place: each list names the convention it serves.

Rules read these lists and never a sample's wording. A list holds the words a
convention uses across papers in English and Chinese, and in German, French and
Spanish where those languages use other words. Extending a convention to a new
language or paper means adding words here, not writing a new rule.
"""

from __future__ import annotations

import re

from ..text import per_source_cache

# --- Bylines -------------------------------------------------------------------------
# The label that opens a byline: `By A`, German `Von A`, French `Par A`, Spanish `Por A`.
# OCR often reads `By` as `Bv` or `BY`; those misreadings are listed as the label too.
BYLINE_LABELS = ("By", "BY", "by", "Bv", "BV", "Von", "VON", "von", "Par", "PAR", "par", "Por", "POR", "por",
                 "From", "De", "DE")  # `From`/`De` only before a role: `From our correspondent …`, `De notre …`

# The role a reporter is credited with, on the byline's own line or the next
# (`BOB COHN Senior staff Writer`, `By A` / `Staff Writer`, `Special to The Herald`,
# `Herald Correspondent`). Matched case-insensitively as the last words of a line.
ROLE_WORDS = (
    # English
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
    "columnist", "contributor", "photographer", "stringer", "critic", "bureau", "bureau chief", "desk",
    # German, French, Spanish
    "korrespondent", "korrespondentin", "redakteur", "redakteurin", "redaktion", "mitarbeiter",
    "correspondant", "correspondante", "envoyé spécial", "envoyée spéciale", "rédaction", "journaliste",
    "corresponsal", "redactor", "redactora", "enviado especial", "enviada especial", "redacción", "periodista",
)
# Words that may stand in front of a role word (`Senior Staff Writer`, `Associated Press Writer`).
ROLE_QUALIFIERS = (
    "staff", "senior", "special", "contributing", "chief", "political", "business", "sports", "science",
    "foreign", "diplomatic", "economics", "economic", "news", "city", "assistant", "associate", "managing",
    "national", "local", "education", "health", "legal", "technology", "investigative", "washington",
    "london", "paris", "berlin", "daily", "the", "world", "press", "associated", "features", "opinion",
)
# `Von unserem Korrespondenten Hans Müller`, `Par notre envoyé spécial Jean Dupont`, `De nuestro corresponsal
# Juan Pérez`, `From our correspondent Jane Doe`: the role stands between the label and the names.
OUR_ROLE = re.compile(r"^(?:unserem|unserer|unseren|notre|nos|nuestro|nuestra|nuestros|our)\s+"
                      r"(?P<role>(?:\w+\s+){0,2}?(?:korrespondent\w*|redakteur\w*|mitarbeiter\w*|reporter\w*|"
                      r"correspondant\w*|envoyée?s?\s+spéciale?s?|corresponsal\w*|enviad[oa]s?\s+especial\w*|"
                      r"correspondents?|reporters?|staff))(?:\s+(?:in|à|en|aus|au|in)\s+[A-ZÀ-Þ][\w-]+)?\s*,?\s+",
                      re.IGNORECASE)
# `Special to The Herald`, `Für die Zeitung`: a role that names the paper the piece was written for.
SPECIAL_TO = re.compile(r"^(?:special\s+(?:to|for)|für|pour|para)\s+(?:the|die|der|das|le|la|el)?\s*\S.{0,40}$",
                        re.IGNORECASE)

# Wire and news agencies, as bylines, datelines and credits name them (`(AP)`, `(Reuters)`,
# `Kyodo`, `(ats afp)`, `新华社`). Keys are compared casefolded; the value is how it is written.
# `Reuter` is the historical short form Reuters signed its copy with until the 1990s.
AGENCIES = {
    "ap": "AP", "associated press": "Associated Press", "the associated press": "Associated Press",
    "reuters": "Reuters", "reuter": "Reuters", "afp": "AFP", "agence france-presse": "AFP", "upi": "UPI",
    "united press international": "UPI", "kyodo": "Kyodo", "kyodo news": "Kyodo News", "xinhua": "Xinhua",
    "dpa": "dpa", "ap/dpa": "AP/dpa", "epd": "epd", "kna": "KNA", "ddp": "ddp", "apa": "APA",
    "ats": "ats", "sda": "SDA", "ansa": "ANSA", "efe": "EFE", "europa press": "Europa Press", "belga": "Belga",
    "anp": "ANP", "bloomberg": "Bloomberg", "aap": "AAP", "pa": "PA", "tass": "TASS", "itar-tass": "ITAR-TASS",
    "ria novosti": "RIA Novosti", "yonhap": "Yonhap", "jiji": "Jiji", "jiji press": "Jiji Press", "cna": "CNA",
    "pti": "PTI", "ians": "IANS", "bernama": "Bernama", "antara": "Antara", "cns": "CNS", "ips": "IPS",
    "notimex": "Notimex", "telam": "Télam", "télam": "Télam", "ap-nord": "AP", "sid": "SID",
    "新华社": "新华社", "中新社": "中新社", "中新网": "中新网", "中通社": "中通社", "法新社": "法新社",
    "路透社": "路透社", "美联社": "美联社", "美聯社": "美聯社", "路透": "路透", "共同社": "共同社", "塔斯社": "塔斯社",
    "韩联社": "韩联社", "中央社": "中央社", "新華社": "新華社", "法新": "法新",
}
# Chinese papers name themselves `本报` (this paper) in bylines and datelines: not an outside agency.
OWN_PAPER_ZH = ("本报", "本報", "本刊", "本台", "本网", "本網")


SPACES = re.compile(r"\s+")
AGENCY_PARTS = re.compile(r"[\s/,-]+")


@per_source_cache
def agency_name(text: str) -> str | None:
    """The agency a credit names (`(AP)`, `ats afp`, `Reuters`), or None when it names none."""
    cleaned = SPACES.sub(" ", text.strip(" ()[]{}.,-–—=/")).casefold()
    if cleaned in AGENCIES:
        return AGENCIES[cleaned]
    parts = [p for p in AGENCY_PARTS.split(cleaned) if p]
    if parts and all(p in AGENCIES for p in parts):
        return "/".join(AGENCIES[p] for p in parts)
    return None


# Chinese reporter bylines: `本报记者 张三 李四`, `记者 张三`, `通讯员 王五`, `文/张三`, `撰文：张三`.
ZH_REPORTER_LABELS = ("本报记者", "本報記者", "本报特约记者", "特约记者", "本报通讯员", "新华社记者", "新華社記者",
                      "中新社记者", "中新網記者", "中新网记者", "见习记者", "記者", "记者", "文", "撰文", "作者", "采写", "採寫")
ZH_CORRESPONDENT_LABELS = ("通讯员", "通訊員", "实习生", "實習生")  # co-credited on the byline line, after the reporters
# `（张三参与采写）`, `（李四对本文亦有贡献）`: people who helped, printed after the text → contributors.
ZH_CONTRIBUTOR_CUES = ("参与采写", "參與採寫", "对本文亦有贡献", "對本文亦有貢獻", "亦有贡献", "协助采写", "參與報道", "参与报道")
# End marks and editor lines printed after the text: they are not part of the story.
ZH_EDITOR_LABELS = ("责任编辑", "責任編輯", "编辑", "編輯", "校对", "校對", "审核", "審核", "责编", "責編", "值班编辑",
                    "实习编辑", "编审", "監製", "监制")
ZH_END_MARKS = ("完", "全文完", "終", "终")
# `据新华社电`, `（据《人民日报》）`, `来源：新华网`: the story is reprinted from another paper or agency.
ZH_REPRINT = re.compile(r"^[(（]?(?:据|據|转自|轉自|来源[:：]|來源[:：]|稿源[:：])\s*《?(?P<value>[^》）)]{2,20}?)》?"
                        r"(?:报道|報道|消息|电|電|讯|訊)?[)）]?[。.]?$")

# --- Captions and credits ------------------------------------------------------------
# Words that label a photo credit, per language: `Photo: X`, `Photo by X`, `Foto: X`, `Bild: X`,
# `Photo : X` (French), `Fotografía: X`, `Staff photo by X`, `Courtesy of X`.
CREDIT_LABELS = (
    "photo", "photos", "photograph", "photographs", "photography", "picture", "pictures", "pic", "image", "images",
    "illustration", "graphic", "graphics", "video", "map", "chart", "source image", "staff photo",
    "file photo", "ap photo", "afp photo", "reuters photo", "courtesy", "courtesy of", "photo courtesy",
    "foto", "fotos", "bild", "bilder", "grafik", "illustrazione", "fotografía", "fotografia", "imagen",
    "ilustración", "crédit photo", "crédits photo", "dessin", "cliché",
)
CREDIT_LABEL = "|".join(sorted((re.escape(w) for w in CREDIT_LABELS), key=len, reverse=True))
# Words a credit names a paper or agency with (`JANE DOE/The Herald`, `STAFF PHOTO/JANE DOE`).
PAPER_WORDS = ("daily", "times", "herald", "tribune", "post", "news", "press", "journal", "gazette", "star",
               "staff", "photo", "images", "getty", "reuters", "ap", "afp", "epa", "photographer", "chronicle",
               "observer", "courier", "sun", "record", "review", "examiner", "globe", "mail", "telegraph")
# Words a paper names itself with in its nameplate (`THE EVENING POST`, `LE PETIT JOURNAL`, `NEUE ZÜRCHER
# ZEITUNG`, `EL DIARIO`, `CORRIERE DELLA SERA`): a capitals line naming one over a headline is the paper's
# name, not a headline over its deck.
NAMEPLATE_WORDS = frozenset((
    "daily", "weekly", "times", "herald", "tribune", "post", "news", "press", "journal", "gazette", "star",
    "chronicle", "observer", "courier", "record", "review", "examiner", "globe", "mail", "telegraph", "sun",
    "sentinel", "register", "leader", "dispatch", "advertiser", "bulletin", "enquirer", "inquirer", "standard",
    "mirror", "express", "independent", "guardian", "democrat", "republican", "intelligencer", "citizen",
    "zeitung", "tagblatt", "anzeiger", "rundschau", "kurier", "blatt", "nachrichten", "presse", "quotidien",
    "courrier", "monde", "figaro", "diario", "periódico", "correo", "heraldo", "gaceta", "noticias",
    "corriere", "gazzetta", "giornale", "stampa", "messaggero",
))
# Chinese credits close the line: `张三 摄`, `张三/摄`, `新华社记者 张三 摄`, `某某供图`, `图片来源：X`.
ZH_CREDIT_SUFFIXES = ("摄", "攝", "供图", "供圖", "制图", "製圖", "绘", "繪", "图", "圖")
ZH_CREDIT_PREFIXES = ("图片来源", "圖片來源", "图源", "圖源", "图片", "圖片", "摄影", "攝影", "图", "圖")
# Chinese captions open with a figure label: `图①`, `图1：`, `图为…`, `上图：`, `下圖`.
# Chinese credits inside a caption: `高智晟，图片来自大赦国际`, `图片来源：新华社`, `图片由某某提供`.
ZH_CREDIT_CUES = re.compile(r"[，,。\s]*(?:图片来自|圖片來自|图片来源[:：]?|圖片來源[:：]?|图源[:：]?|圖源[:：]?|图片由)"
                            r"(?P<credit>[^，,。]{2,30}?)(?:提供)?[。.]?$")
# Old papers credit a photograph with its copyright line: `(Copyright, 1903, by Underwood & Underwood.)`;
# OCR often garbles the word. It is a photo credit only under a caption (a story can carry one too).
COPYRIGHT_CREDIT = re.compile(r"^[\[({<]?\W{0,3}(?:Copyright|Copr\.|©|C\W{0,2}\w?pyri\w{1,2}ht)\W{0,3}"
                              r"[\w ]{0,6}\d{0,4}\W{0,3}\s*[Bb]y\s+(?P<credit>[^()]{2,40}?)[.*]?\s*[)}\]]?\.?$")
ZH_CAPTION_OPENERS = re.compile(r"^(?:[上下左右中]?[图圖](?:[①-⑳]|\d{1,2}|[一二三四五六七八九十]{1,2})?\s*[:：为為]|"
                                r"[图圖](?:[①-⑳]|\d{1,2})|[上下左右][图圖]\s*[:：]?)")

# --- Jumps ---------------------------------------------------------------------------
# Jump-outs: where a story continues (`See BUDGET, page 6`, `Continued on page 5`,
# `Please see X`, `Suite page 3`, `Fortsetzung auf Seite 3`, `Continúa en la página 3`, `转第5版`).
PAGE = r"(?:[A-Z]?\d{1,3}[A-Z]?|[A-Z]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
PAGE_WORDS = r"(?:page|pg\.?|p\.|seite|s\.|página|pág\.?|pagina)"
JUMP_TO_CUES = (r"continued\s+on|cont(?:inued|'d|\.)?\s+on|see|please\s+see|turn\s+to|jump\s+to|more\s+on|"
                r"suite\s+(?:en\s+|à\s+la\s+)?|lire\s+la\s+suite|fortsetzung\s+(?:auf|s\.)|weiter\s+auf|"
                r"continúa\s+en(?:\s+la)?|sigue\s+en(?:\s+la)?|pasa\s+a(?:\s+la)?|continua\s+a")
JUMP_FROM_CUES = (r"continued\s+from|cont(?:inued|'d|\.)?\s+from|from|suite\s+de(?:\s+la)?|"
                  r"fortsetzung\s+von|von|viene\s+de(?:\s+la)?|continuación\s+de(?:\s+la)?")
ZH_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def zh_number(text: str) -> str:
    """`3` → `3`, `十二` → `12`, `二十` → `20`: Chinese page numbers as digits."""
    if text.isdigit():
        return str(int(text))
    if "十" in text:
        tens, _, units = text.partition("十")
        return str(ZH_NUMERALS.get(tens, 1) * 10 + ZH_NUMERALS.get(units, 0))
    return "".join(str(ZH_NUMERALS.get(c, c)) for c in text)


# --- Headline groups -----------------------------------------------------------------
# A Chinese subtitle (副题) opens with a dash: `——记某某`, `—访某某`.
SUBTITLE_DASHES = ("——", "—", "--", "－－")

# --- Datelines -----------------------------------------------------------------------
# Month names and their abbreviations as datelines print them (`Dec. 9`, `9 déc.`, `3. März`, `3 mar`).
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    "Januar|Februar|März|Juni|Juli|Oktober|Dezember|Mai|Okt|Dez|"
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|janv|févr|déc|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    "ene|feb|abr|ago|dic"
)
# Chinese datelines: `新华社北京3月2日电`, `本报北京3月2日讯`, `中新网上海3月2日电`, `本报讯`.
ZH_DATELINE_SOURCES = tuple(k for k in AGENCIES if re.search(r"[\u4e00-\u9fff]", k)) + OWN_PAPER_ZH + (
    "人民网", "央视网", "新华网", "光明网", "澎湃新闻", "环球网", "中国日报网")

# --- Page labels ---------------------------------------------------------------------
# The label a paper prints at the head of a page or section front, above the first headline
# (`NATION & WORLD`, `METRO`, `WIRTSCHAFT`, `要闻`). Matched on the whole line, any case.
PAGE_LABELS = (
    # English
    "news", "local news", "nation", "national", "world", "nation & world", "nation and world", "international",
    "metro", "local", "region", "regional", "state", "city", "business", "money", "economy", "finance", "markets",
    "opinion", "opinions", "editorial", "editorials", "commentary", "insights", "insight", "views", "sports",
    "sport", "science", "technology", "health", "features", "lifestyle", "life", "arts", "culture", "entertainment",
    "travel", "education", "obituaries", "classifieds", "weather", "front page", "china", "asia", "europe",
    # German, French, Spanish
    "politik", "wirtschaft", "ausland", "inland", "kultur", "feuilleton", "lokales", "meinung", "wissen",
    "monde", "france", "économie", "société", "politique", "international", "sports", "culture", "opinions",
    "nacional", "internacional", "economía", "deportes", "opinión", "cultura", "sociedad", "política",
    # Chinese
    "要闻", "要聞", "国际", "國際", "国内", "國內", "经济", "經濟", "财经", "財經", "科教", "社会", "社會", "体育",
    "體育", "文化", "评论", "評論", "综合", "綜合", "地方", "时事", "時事", "副刊", "专版", "專版",
)

# --- Kickers ----------------------------------------------------------------------------
# Column labels newspapers commonly run above or below a headline. Used only to settle a
# kicker-or-headline tie; the sidecar's `sections` and kickers already seen come first.
KICKER_LABELS = {
    "analysis", "briefs", "business", "column", "comment", "commentary", "culture", "editorial", "exclusive",
    "feature", "focus", "health", "in brief", "in depth", "insight", "interview", "letters", "news analysis",
    "obituary", "op-ed", "opinion", "perspective", "profile", "q a", "review", "science", "spotlight", "sport",
    "sports", "tech", "technology", "travel", "viewpoint", "world", "editor's note", "in-depth",
    # German, French, Spanish
    "kommentar", "analyse", "hintergrund", "meinung", "reportage", "porträt", "glosse", "leitartikel",
    "éditorial", "point de vue", "enquête", "décryptage", "tribune", "chronique", "entretien",
    "análisis", "opinión", "reportaje", "entrevista", "tribuna", "crónica",
    # Chinese (引题 labels)
    "评论", "評論", "观察", "觀察", "关注", "關注", "聚焦", "视点", "視點", "特稿", "专题", "專題", "社论", "社論",
    "时评", "時評", "深度", "调查", "調查", "访谈", "訪談", "人物", "特写", "特寫", "快讯", "快訊", "综述", "綜述",
}

# --- Wire datelines ------------------------------------------------------------------
# Agencies a wire dateline names without brackets (`SAITAMA, Japan, Dec. 9 Kyodo -`), as they print them.
WIRE_DATELINE_AGENCIES = (
    "Kyodo", "Reuters", "AP", "AFP", "Xinhua", "dpa", "DPA", "AAP", "ANSA", "EFE", "Yonhap", "Bernama", "PTI", "IANS",
    "UPI", "Bloomberg", "KUNA", "TASS", "Interfax", "APA", "SDA", "ATS", "Belga", "ANP", "CNA", "NTB", "TT", "STT",
    "Ritzau", "PAP", "CTK", "MTI", "Anadolu", "Jiji", "Antara", "Lusa", "RIA", "NAN",
)
# Small words inside a place name (`Saint-Martin-de-Ré`, `Frankfurt am Main`, `Stratford upon Avon`).
PLACE_PARTICLES = {"de", "del", "la", "le", "les", "am", "an", "der", "du", "do", "da", "sur", "upon", "on", "of", "y"}

# --- Run-on pages ----------------------------------------------------------------------
# Words that open a sentence and are never a name set mid-sentence: articles, pronouns, and the
# prepositions and conjunctions a sentence or headline starts with. On a page delivered as one line
# (an OCR export that joined every line), such a word capitalised after a word that ends no sentence
# is where a headline or deck stops and the next part of the page starts. Elided French/Italian
# articles (`L'exécution`, `D'autre`) are matched by their prefix (RUN_ON_ELIDED).
SENTENCE_OPENERS = frozenset((
    # English
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "We", "They", "In", "On", "At",
    "For", "When", "After", "Before", "While", "As", "But", "And", "If", "There", "Its", "His", "Her", "Their",
    # French
    "Le", "La", "Les", "Un", "Une", "Des", "Du", "Ce", "Cet", "Cette", "Ces", "Il", "Elle", "Ils", "Elles",
    "On", "Nous", "Vous", "Dans", "Depuis", "Pour", "Par", "Sur", "Vers", "Selon", "Mais", "Et", "Quand",
    "Lorsque", "Après", "Avant", "Comme", "Au", "Aux", "Son", "Sa", "Ses", "Leur", "Leurs", "Notre", "Nos",
    # German
    "Der", "Die", "Das", "Ein", "Eine", "Einen", "Dem", "Den", "Er", "Sie", "Es", "Wir", "Im", "Am", "Zum",
    "Zur", "Mit", "Nach", "Bei", "Seit", "Wie", "Als", "Aber", "Und", "Auch", "Doch",
    # Spanish
    "El", "Los", "Las", "Una", "Unos", "Unas", "Del", "Al", "En", "Con", "Según", "Desde", "Pero", "Cuando",
    "Ella", "Ellos", "Nosotros",
))
RUN_ON_ELIDED = ("L'", "L’", "D'", "D’", "Qu'", "Qu’", "C'", "C’", "S'", "S’", "J'", "J’", "Dell'", "Nell'")
# Words a name follows (`à`, `de`, `aux`, `the`, `of`, `von`, `en`): a capitalised word after one of
# these is a name inside the sentence (`à Le Havre`, `of The Times`), never the start of a new part.
NAME_LEADERS = frozenset((
    "a", "an", "the", "of", "to", "in", "at", "on", "by", "for", "from", "with", "and", "or", "as",
    "à", "de", "du", "des", "le", "la", "les", "aux", "au", "en", "et", "ou", "par", "pour", "sur", "chez",
    "von", "vom", "der", "die", "das", "dem", "den", "zu", "zum", "zur", "im", "am", "und", "mit", "nach", "bei",
    "el", "los", "las", "del", "al", "y", "con", "por", "para",
    "m.", "mm.", "mme", "mr.", "mrs.", "dr.", "st.", "herr", "frau", "sr.", "sra.",
))

# --- Contents boxes ------------------------------------------------------------------------
# The label over a front page's list of the contents (`Inhalt:`, `CONTENTS`, `Sommaire`).
CONTENTS_LABELS = (
    "contents", "in this issue", "in this number", "index", "inside", "inhalt", "inhaltsverzeichnis",
    "aus dem inhalt", "sommaire", "dans ce numéro", "au sommaire", "índice", "indice", "sumario", "en este número",
    "目录", "目錄", "本期导读", "本期導讀", "今日导读",
)
