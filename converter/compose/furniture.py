"""Words the composer invents for page furniture, bylines, datelines, captions and adverts.

Article texts are real (data/texts.json); everything here is composed for this
project, so names, papers and adverts are fictional. Grouped by language.
"""

from __future__ import annotations

PAPERS = {
    "en": ["THE RIVERTON HERALD", "The Millbrook Courier", "EVENING STAR-LEDGER", "The Harbor City Times",
           "LAKESIDE DAILY NEWS", "The Weekly Observer"],
    "zh": ["江城日报", "科技周报", "南方晨报", "东海都市报"],
    "de": ["Rheinische Abendzeitung", "DER NORDKURIER", "Allgemeine Landeszeitung"],
}
PLACES = {
    "en": ["RIVERTON, OHIO", "MILLBROOK, VT.", "HARBOR CITY, CALIF.", "LAKESIDE, MICH."],
    "de": ["KÖLN", "BREMEN", "KIEL"],
    "zh": ["江城", "东海"],
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
}
WEEKDAYS = {
    "en": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "zh": ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
}
PAGE_LABELS = {
    "en": ["NATION & WORLD", "BUSINESS", "INSIGHTS", "METRO", "OPINION", "SCIENCE"],
    "zh": ["要闻", "国际", "经济", "科教"],
    "de": ["POLITIK", "WIRTSCHAFT", "AUSLAND"],
}
KICKERS = {
    "en": ["Comment", "Analysis", "Clear Voice", "Hi-Tech", "Opinion", "Focus", "In Brief", "Perspective"],
    "zh": ["观察", "关注", "聚焦", "评论"],
    "de": ["Kommentar", "Hintergrund", "Aus den Kolonien"],
}
PEOPLE = {
    "en": ["Mary Jones", "Tom Alvarez", "Grace Whitfield", "Daniel Osei", "Helen Park", "Samuel Brandt",
           "Ruth Kaplan", "Owen Gallagher", "Nadia Petrov", "Victor Lindqvist"],
    "zh": ["李明", "王芳", "张伟", "刘洋", "陈静", "赵磊", "孙悦", "周强"],
    "de": ["Karl Weber", "Anna Schröder", "Friedrich Lange", "Marie Hoffmann"],
}
ROLES = {
    "en": ["Staff Writer", "Herald Correspondent", "Special to The Courier", "Senior Staff Writer",
           "Associated Press", "Business Editor"],
    "de": ["Korrespondent", "Redakteur"],
}
CITIES = {
    "en": ["GENEVA", "NAIROBI", "DENVER", "SYDNEY", "MANILA", "OSLO", "LIMA", "CHICAGO"],
    "de": ["BERLIN", "HAMBURG", "WIEN", "ZÜRICH"],
    "zh": ["北京", "上海", "广州", "成都", "武汉"],
}
AGENCIES_EN = [("AP", "(AP) —"), ("Reuters", "(Reuters) -"), ("AFP", "(AFP) -")]
CROSSHEADS = {
    "en": ["Looking ahead", "A long road", "What comes next", "Costs and benefits", "The background",
           "Mixed reactions", "Room to grow", "A question of time"],
    "zh": ["专家观点", "未来展望", "多方回应", "背景链接"],
    "de": ["Ausblick", "Die Lage im Süden", "Neue Aufgaben"],
}
CAPTIONS = {
    "zh": ["图为游客在展览馆内参观新能源汽车展区。", "图为工人在生产线上组装零部件。",
           "图为市民在公园晨练。", "图为科研人员在实验室内记录数据。", "图为港口码头上排列整齐的集装箱。"],
    "de": ["Die Station am Ufer des Sees im Herbst.", "Ein Dampfer der Linie beim Anlegen im Hafen.",
           "Blick auf die neue Pflanzung am Hang.", "Die Abordnung vor dem Rathaus der Stadt."],
}
CREDITS = {
    "en": ["XINHUA", "AFP", "COURTESY PHOTO", "REUTERS"],
    "photographers": ["Jane Doe", "Luis Ortega", "Priya Natarajan", "Colin Marsh", "Beth Ainsley"],
}
ADVERTS = {
    "en": [["SPRING SALE", "30% OFF ALL SOFAS", "Hamlin Furniture, 12 Main St. Call 555-0134"],
           ["FOR RENT: 2-bedroom apt., heat incl., $450/mo. 555-0187"],
           ["HELP WANTED", "Drivers, full time, good pay. Apply at 88 Dock Road or call 555-0160"],
           ["USED CARS — NO MONEY DOWN", "Riverside Motors  Open Sundays  555-0199"]],
    "zh": [["房屋出租 两室一厅 家电齐全 电话 138-0000-1234"], ["招聘 司机若干名 待遇从优 联系电话 555-0101"],
           ["年终大促 全场五折起 东海商城"]],
    "de": [["Zu vermieten: 3-Zimmer-Wohnung, Tel. 0221-55501"], ["Ausverkauf! 30 Prozent auf alle Möbel",
            "Möbelhaus Berger, Hauptstraße 12"]],
}
# Boxes of an advert section: a name set large, then plain lines (a railway, a book, a trade), which no
# single-line advert test (a sale word, a phone number) would catch.
ADVERT_BOXES = {
    "en": [["The Lakeshore Line", "Daily steamers between Port Ellis and Bayfield.", "Through tickets at all offices."],
           ["Webb's Grammar of the English Tongue", "Revised edition, with exercises for schools and the home.",
            "Of all booksellers, or post-paid from the publishers."],
           ["Dr. H. Munro, Dentist", "Office over the Savings Bank, Main Street. Hours nine to five."]],
    "zh": [["东海轮船公司", "每日往返东海与北港，各售票处均可购票。"], ["新华书局", "新到各类教科书，欢迎选购。"]],
    "de": [["Dampfer-Linie Bremen–Hamburg", "Tägliche Abfahrten, Fahrkarten an allen Schaltern."],
           ["Buchhandlung Weber", "Neue Schulbücher eingetroffen, portofrei ab zwei Bänden."]],
}
ADVERT_SECTION_LABELS = {"en": ["Advertisements.", "CLASSIFIED ADVERTISING", "Classifieds"], "zh": ["分类广告"],
                         "de": ["Anzeigen", "Kleinanzeigen"]}
SPECKLE = ["■ ■  ■", ". • ■ ’ ,", "i ! ; ’ .", "—  ■ —", "•• ■ ■ ..", "' ■ . ■"]
CONTENTS_LABELS = {"en": ["Contents:", "CONTENTS.", "In this number:"], "zh": ["目录：", "本期导读："],
                   "de": ["Inhalt:", "Juhalt:", "Aus dem Inhalt:"]}  # `Juhalt`: Fraktur OCR's reading of `Inhalt`
INDEX_HEADS = {"en": "INSIDE TODAY", "zh": "今日导读", "de": "IN DIESER AUSGABE"}
OCR_CONFUSIONS = [("rn", "m"), ("m", "rn"), ("e", "c"), ("h", "b"), ("l", "1"), ("o", "0"), ("t", "l"),
                  ("c", "e")]
DECKS = {
    "en": ["Officials weigh the costs as a deadline nears", "Critics say the plan leaves key questions open",
           "A year of change, and more to come", "Experts urge caution over the next steps"],
    "zh": ["多方人士表示将持续关注后续进展", "专家建议稳步推进相关工作"],
    "de": ["Ein Rückblick auf das vergangene Jahr", "Was die Lage für die Zukunft bedeutet"],
}
# Short headlines in sentence case, as student and local papers set them over a longer deck (the story's
# own title is then printed as the deck). Eight disjoint slices (story index % 8) keep a page's heads apart.
SHORT_HEADS = {
    "en": ["Growing pains", "Council backs fee hike", "Talks stall again", "A long road back", "Rain delays work",
           "Trustees split on plan", "New rules take hold", "Budget fight looms", "Clinic hours cut",
           "Voters weigh options", "Faculty debate grading", "Old fears, new money", "Mayor signs lease",
           "Plan draws fire", "Quiet gains for labor", "Test scores slip"],
    "de": ["Streit um den Haushalt", "Neue Regeln", "Kein Ende in Sicht", "Der lange Weg", "Rat vertagt Entscheidung",
           "Hilfe kommt spät", "Mehr Geld für Schulen", "Sorge um die Werften"],
}
# A role line as papers print it under a name without `By` (`KAREN MILLS` / `Senior staff writer`).
ROLE_LINES = {
    "en": ["Staff writer", "Senior staff writer", "Contributing writer", "Staff Writer", "Editorial staff writer",
           "Daily correspondent", "Sports editor"],
    "de": ["Redakteur", "Korrespondentin", "Mitarbeiter der Redaktion"],
}
# An older front page's stack: decks that are each a short sentence, with rules between the parts.
STACK_DECKS = {
    "en": ["Officials Meet Behind Closed Doors.", "Crowds Gather in the Streets.", "Loss Is Placed at a Million.",
           "Relief Trains Sent From the Capital.", "Governor Calls Special Session.", "Many Are Left Homeless."],
    "de": ["Die Regierung berät in geheimer Sitzung.", "Große Menge vor dem Rathaus.", "Der Schaden ist beträchtlich."],
}
STACK_RULES = ["----", "—", "— — —", "* * *"]

