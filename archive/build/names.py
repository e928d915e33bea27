"""People's names as minutes write them, and merging a council's name forms into people.

A name form is what the minutes print ("Cllr J Smith", "Councillor John Smith", "County Councillor
Smith", "Alderman Dr A O'Neill OBE"). Titles and honours are stripped for matching and kept for
display. Forms are merged into one person only inside one council, and only where that is
unambiguous: a full name is a person; "J Smith" joins the one person of that council whose first
name starts with J and whose surname is Smith; a bare "Smith" joins the one Smith present at the same
meeting, else the council's only Smith. Anything else stays a person of its own, so two people are
never merged (an unresolved "Councillor Smith" is listed as such).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

TITLES = ("county borough councillor", "county councillor", "borough councillor", "district councillor",
          "city councillor", "councillors", "councillor", "cllrs", "cllr", "cynghorydd", "aldermen", "alderman",
          "the rt hon", "rt hon", "the right worshipful", "the worshipful", "the mayor", "deputy mayor",
          "lord provost", "provost", "depute provost", "bailies", "bailie", "baillie",
          "mr", "mrs", "ms", "miss", "mx", "dr", "professor", "prof", "sir", "dame", "lady", "lord",
          "rev", "reverend", "canon", "the", "cyng")
HONOURS = {"obe", "mbe", "cbe", "kbe", "dbe", "jp", "mp", "msp", "ms", "ma", "msc", "bsc", "phd", "dl", "qpm",
           "mla", "fcca", "cbe.", "obe."}
_TITLE = re.compile(r"^(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in TITLES) + r")\.?\s+", re.I)
_PAREN = re.compile(r"\s*\((?P<note>[^)]*)\)")
_TOKEN = re.compile(r"^(?:[A-Z][a-z]*\.?|[A-Z]\.?|(?:Mc|Mac|O'|O’|D'|D’)[A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)+"
                    r"|[A-Z]'[A-Z][a-z]+|[A-Z][a-z]+[A-Z][a-z]+|ap|de|van|von|le|la|du|da)$")
# words that are never part of a person's name: a role, a body, a place word, a function word
NOT_NAME = frozenset("""
council committee cabinet board panel director officer officers executive chief head manager services service
member members councillor councillors cllr cllrs alderman aldermen mayor chair chairman chairperson chairwoman vice
convener convenor leader deputy clerk solicitor
secretary monitoring democratic legal finance planning team group assistant corporate strategic principal senior
lead support governance scrutiny adviser advisor authority police fire health nhs trust partnership county
borough district city town parish community communities children adult adults people education
environment highways housing transport public health chief appointed co-opted coopted representative also
present apologies apology absence substitute substitutes attendance attending in attendance by for from
and or the of to with at on as item items minute minutes report reports recommendation recommendations
resolved agreed motion amendment vote votes voting against abstain abstained abstentions declared declaration
interest interests none no there were was is be that this it all other others following meeting welsh english
scottish government department office unit name address supplied resident governor governors parent diocese
commissioner superintendent inspector sergeant constable accountant engineer surveyor archivist treasurer
procedural standing orders rule rules order questioner questions question response answer cabinet portfolio
holder holders whole total unanimously noted wards division
""".split())


@dataclass(frozen=True)
class NameForm:
    written: str  # as printed, titles and all ("Cllr J Smith")
    titles: str  # "Councillor", "Alderman Dr", "" when none
    given: str  # first name(s) or initials as printed ("John", "J", "J A"), "" for a bare surname
    surname: str

    @property
    def bare(self) -> bool:
        return not self.given

    @property
    def plain(self) -> str:
        """The name without titles: "John Smith", "J Smith", "Smith"."""
        return f"{self.given} {self.surname}".strip()

    @property
    def key(self) -> str:
        return " ".join(self.plain.lower().replace(".", "").split())

    @property
    def initials(self) -> str:
        return "".join(part[0].lower() for part in self.given.replace(".", " ").split())

    @property
    def full(self) -> bool:
        """A first name spelt out (not only initials)."""
        first = self.given.replace(".", " ").split()
        return bool(first) and len(first[0]) > 1


def parse_name(written: str, title: str = "") -> NameForm | None:
    """A person's name in `written` (with a title carried from a list: "Councillors A, B" gives each
    "Councillor"), or None when it is not one (a role, a body, a sentence)."""
    text = _PAREN.sub("", written).strip(" ,;:.–-\t")
    text = re.sub(r"\s+", " ", text)
    titles: list[str] = [title] if title else []
    while True:
        match = _TITLE.match(text + " ")
        if not match or not text[match.end():].strip():
            break
        word = " ".join(match.group(0).split()).rstrip(".")
        if word.lower() != "the":
            titles.append(_title_case(word))
        text = text[match.end():].strip()
    words = text.split(",")[0].split()  # "Ms Currie, Hereford": the name, not the place after it
    while words and words[-1].lower().strip(".") in HONOURS and len(words) > 1:
        words.pop()
    if not words or len(words) > 5:
        return None
    if any(w.lower().strip(".") in NOT_NAME for w in words) or not all(_TOKEN.match(w) for w in words):
        return None
    if not words[-1][0].isupper() or len(words[-1].rstrip(".")) < 2:
        return None
    if len(words) == 1 and not titles:
        return None  # a lone capitalised word is a name only after a title ("Councillor Smith")
    surname_start = len(words) - 1
    while surname_start > 0 and words[surname_start - 1].lower() in {"ap", "de", "van", "von", "le", "la", "du", "da"}:
        surname_start -= 1
    given, surname = " ".join(words[:surname_start]), " ".join(words[surname_start:])
    return NameForm(written.strip(), " ".join(dict.fromkeys(titles)), given, surname)


def _title_case(word: str) -> str:
    lowered = word.lower()
    singular = {"councillors": "Councillor", "cllrs": "Councillor", "aldermen": "Alderman", "bailies": "Bailie",
                "cllr": "Councillor", "cyng": "Cynghorydd"}
    if lowered in singular:
        return singular[lowered]
    return " ".join(part.capitalize() if part not in {"of"} else part for part in lowered.split())


def list_names(text: str, title: str = "") -> list[tuple[str, str]]:
    """Split a printed list of names ("Councillors A Bell, C Dunn and E Fox (Chair)") into
    (entry as printed, the title it carries) pairs; a plural title distributes over what follows."""
    entries: list[tuple[str, str]] = []
    carried = title
    for piece in re.split(r"\s*[,;]\s*|\s+and\s+|\s+&\s+|\t+", text):
        piece = re.sub(r"^(?:and|&)\s+", "", piece.strip(" ."))  # "...; and Mr Douglas Kerr"
        if not piece:
            continue
        plural = re.match(r"^(County\s+Councillors|Councillors|Cllrs|Aldermen|Bailies)\b\.?:?\s*", piece, re.I)
        if plural:
            carried = _title_case(plural.group(1).split()[-1])
            if plural.group(1).lower().startswith("county"):
                carried = "County Councillor"
            piece = piece[plural.end():].strip()
            if not piece:
                continue
        elif re.match(r"^(?:Councillor|Cllr|County Councillor|Alderman|Bailie|Mr|Mrs|Ms|Miss|Dr)\b", piece, re.I):
            carried = ""  # a singular title belongs to its entry alone and ends the plural's reach
        entries.append((piece, carried))
    return entries


@dataclass(frozen=True)
class Person:
    person_id: int
    council: str
    name: str  # the fullest form, no titles ("John Smith")
    display: str  # with the titles seen most ("Councillor John Smith")
    forms: tuple[str, ...]  # every form printed


def merge(rows: list[dict]) -> tuple[list[Person], dict[int, int]]:
    """rows: appearances with "rowid", "council", "meeting" (a key of the meeting: doc, date) and "name"
    (as printed). Returns the people and each appearance's person_id. Never across councils."""
    people: list[Person] = []
    assigned: dict[int, int] = {}
    by_council: dict[str, list[tuple[dict, NameForm]]] = defaultdict(list)
    for row in rows:
        form = parse_name(row["name"])
        if form is not None:
            by_council[row["council"]].append((row, form))
    for council in sorted(by_council):
        _merge_council(council, by_council[council], people, assigned)
    return people, assigned


def _merge_council(council: str, items: list[tuple[dict, NameForm]], people: list[Person],
                   assigned: dict[int, int]) -> None:
    full: dict[str, list[tuple[dict, NameForm]]] = defaultdict(list)  # "john smith" -> its appearances
    for row, form in items:
        if form.full:
            full[form.key].append((row, form))
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, found in full.items():
        by_surname[found[0][1].surname.lower()].append(key)
    groups: dict[str, list[tuple[dict, NameForm]]] = {key: list(found) for key, found in full.items()}
    # a spelt-out name whose first name is an initial of another's is its own unless unique
    present_at: dict[tuple, set[str]] = defaultdict(set)  # meeting -> people (full keys) seen there
    for key, found in full.items():
        for row, _ in found:
            present_at[row["meeting"]].add(key)
    # initials first ("J Smith" joins the one J... Smith), so that a bare "Smith" can then be resolved
    # by who was at the meeting; an unresolved bare name stays a person of its meeting alone
    for row, form in sorted((item for item in items if not item[1].full), key=lambda item: item[1].bare):
        candidates = by_surname.get(form.surname.lower(), [])
        if form.bare and not candidates:  # no spelt-out name: the council's "P Warren"s can take a bare "Warren"
            candidates = sorted({k for k, found in groups.items() if "(unresolved)" not in k and found[0][1].initials
                                 and found[0][1].surname.lower() == form.surname.lower()})
        if form.initials:
            candidates = [k for k in candidates if _compatible(groups[k][0][1].initials, form.initials)]
        else:
            here = [k for k in candidates if k in present_at[row["meeting"]]]
            candidates = here if len(here) == 1 else candidates
        if len(candidates) == 1:
            groups[candidates[0]].append((row, form))
            present_at[row["meeting"]].add(candidates[0])
        elif form.initials or not candidates:
            groups.setdefault(form.key, []).append((row, form))
            if form.initials:
                present_at[row["meeting"]].add(form.key)
        else:
            groups.setdefault(f"{form.key} (unresolved) {row['meeting']}", []).append((row, form))
    for key in sorted(groups):
        found = groups[key]
        forms = sorted({form.written for _, form in found})
        best = max((form for _, form in found), key=lambda f: (f.full, len(f.given), -len(f.written)))
        titles = [form.titles for _, form in found if form.titles]
        title = max(set(titles), key=lambda t: (titles.count(t), t)) if titles else ""
        name = best.plain + (" (unresolved)" if "(unresolved)" in key else "")
        person = Person(len(people) + 1, council, name, f"{title} {best.plain}".strip(), tuple(forms))
        people.append(person)
        for row, _ in found:
            assigned[row["rowid"]] = person.person_id


def _compatible(full: str, initials: str) -> bool:
    """"J" fits John (j) and John Andrew (ja); "JA" fits John Andrew, and John when only one name is known."""
    return full.startswith(initials) or initials.startswith(full)
