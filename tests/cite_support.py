"""Sources composed for the source-lines, permalink and citation tests, each written in its own
encoding (GB18030, Latin-1, UTF-8), and a site built from them."""

from __future__ import annotations

from pathlib import Path

ZH_TITLE = "城市图书馆开放夜间阅览"
ZH_SOURCE = f"""科技日报

{ZH_TITLE}

本报记者 王小明

本市图书馆从下月起开放夜间阅览室，读者可以在晚上十点前借阅图书。馆长表示，这项措施是为了方便上班族。

许多读者对此表示欢迎。一位大学生说，晚上有了安静的学习地方。
"""
FR_TITLE = "La bibliothèque ouvre le soir"
FR_SOURCE = f"""LE PETIT JOURNAL

{FR_TITLE}

Par Hélène Dupré

La bibliothèque municipale ouvrira sa salle de lecture jusqu'à vingt-deux heures à partir du mois prochain. « C'est pour les travailleurs », a déclaré la directrice.

Les étudiants se réjouissent de cette décision qui leur donne un lieu calme où réviser.
"""
EN_TITLE = "Harbour Bridge Reopens After Repairs"
EN_SOURCE = f"""THE EVENING POST

{EN_TITLE}

By Ann Lee

The harbour bridge reopened on Monday after six weeks of repairs to its deck, the city council said.

Traffic was light in the morning but grew steadily through the afternoon as commuters returned.
"""


def write_sources(folder: Path, en_title: str = EN_TITLE) -> Path:
    """zh/front.txt in GB18030, fr.txt in Latin-1, en.txt in UTF-8 (its headline replaceable)."""
    (folder / "zh").mkdir(parents=True, exist_ok=True)
    (folder / "zh" / "front.txt").write_bytes(ZH_SOURCE.encode("gb18030"))
    (folder / "fr.txt").write_bytes(FR_SOURCE.encode("latin-1"))
    (folder / "en.txt").write_bytes(EN_SOURCE.replace(EN_TITLE, en_title).encode("utf-8"))
    return folder
