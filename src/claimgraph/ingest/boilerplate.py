"""Lines that belong to the page, not the article: junk, share/subscribe lines, footers.

Scrapers flatten a page into lines; what surrounds the article has a
recognisable shape.  Three kinds, from safest to boldest:

- *junk*: lines with no letters at all ("...", "* * *", "|").
- *noise*: single lines that are never article prose wherever they stand
  ("Advertisement", "Share on Facebook", "Read more: …", "Subscribe …",
  "Slideshow", a photo credit such as "REUTERS/Jane Roe").
- a *photo credit* inside a caption line ("… March 3, 2021. REUTERS/Jane Roe",
  "(AP Photo/Jane Roe)"): the line is kept as text, but the credit names no
  actor of the story (``photo_credits``, which the entity rules read).
- a *standards notice* ("Our Standards: …") glued to the end of the last
  paragraph by a scrape that joined the lines.
- a *footer*: from the first footer marker ("Tags:", "Latest", "Related",
  a copyright line, an author-contact line) to the end, but only when every
  line after the marker is short — a footer is a list, an article is prose,
  so a marker followed by a real paragraph is left alone.
"""

from __future__ import annotations

import re

_JUNK = re.compile(r"[\W_]*")
_NOISE = re.compile(
    r"(advertisement|advertising|sponsored( content)?|"
    r"(read|see) (more|also)\b.*|also read\b.*|related( articles| stories| news)?\s*:?.*|"
    r"share( this( article| story)?)?( on \w+)?|share\s*:|(share|tweet|email|print|whatsapp)(\s*[|/•·]\s*\w+)+|"
    r"subscribe\b.*|sign up\b.*|click here\b.*|follow us\b.*|listen to (this|the) (article|story)\b.*|"
    r"\d+\s+min(ute)?s?\s+read|comments?(\s*\(\d+\))?|"
    r"(photo(graph)?|image|picture|video|file photo)( credit)?\s*:.*|"
    r"slideshow(\s*\(\d+\s+images?\))?|(our standards\s*:\s*)?the thomson reuters trust principles\.?|"
    r"(reuters|afp|ap|epa|getty images|anadolu|xinhua|dpa|sana)(\s*/\s*[\w.'’ -]{2,60})+)",
    re.I,
)
# A photo credit within a line: agencies (and "Photo") before a slash and the photographer's or a second
# agency's capitalised name ("REUTERS/Omar Roe/File Photo", "EPA-EFE/STRINGER", "(AP Photo/Jane Roe)"), or
# "Photo by"/"Image:" and a name.
_AGENCIES = r"reuters|afp|ap|epa|efe|getty images|anadolu(?: agency)?|aa|xinhua|dpa|sana|ansa|tass|sputnik|pool|handout"
_CREDITED = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|via|de|al|el|bin))*"
_PHOTO_CREDIT = re.compile(
    rf"\(?(?i:\b(?:{_AGENCIES})(?:[- ](?:{_AGENCIES}|photo))*)(?:[ \t]*/[ \t]*{_CREDITED})+\)?"
    rf"|(?i:\b(?:photo(?:graph)?|image|picture)s?[ \t]*(?:by|:|credit:))[ \t]*{_CREDITED}(?:/{_CREDITED})*"
)
# The standards notice a scrape glues to the end of the last paragraph ("... Editing by C D Our
# Standards:The Trust Principles."); the reporting credits before it stay, as extraction benchmarks count them.
_STANDARDS_NOTICE = re.compile(r"\s*\bour standards\s*:.*$", re.I)
STANDARDS_NOTICE_MAX = 120
_FOOTER = re.compile(
    r"(tags?\s*:.*|topics?\s*:.*|latest( news)?|more (from|on|in) [\w'’ -]{1,40}|related( articles| stories| news| content)?\s*:?|"
    r"you (may|might) also like.*|recommended( for you)?|most (read|popular)|"
    r"(copyright|©|\(c\)).*|.*all rights reserved.*|our standards\s*:.*|"
    r"for any (questions|queries|comments|feedback)\b.*|(you can )?(follow|contact|reach|email|write to) "
    r"(the author|the reporter|the writer|him|her|them|us|me|[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}) (on|at|via)\b.*|"
    r"(the author|the writer|the reporter|he|she) can be (reached|contacted|followed)\b.*|"
    r"(twitter|x|telegram|instagram)\s*:\s*@\w+|@\w+)",
    re.I,
)
FOOTER_LINE_MAX = 120


def is_junk(line: str) -> bool:
    """A line without a single letter or digit."""
    return _JUNK.fullmatch(line.strip()) is not None


def is_noise(line: str) -> bool:
    """A page element that is never article prose, wherever it stands."""
    line = line.strip()
    return len(line) <= 150 and _NOISE.fullmatch(line) is not None


def photo_credits(text: str) -> list[tuple[int, int]]:
    """Character spans of the photo credits in ``text``, wherever in a line they stand."""
    return [found.span() for found in _PHOTO_CREDIT.finditer(text)]


def without_standards_notice(line: str) -> str:
    """``line`` without an outlet's standards notice glued to its end."""
    found = _STANDARDS_NOTICE.search(line)
    if found is None or found.start() == 0 or len(line) - found.start() > STANDARDS_NOTICE_MAX:
        return line
    return line[: found.start()].rstrip()


def is_footer_marker(line: str) -> bool:
    """A line that opens the page footer (tags, latest, copyright, author contact)."""
    line = line.strip()
    return len(line) <= FOOTER_LINE_MAX and _FOOTER.fullmatch(line) is not None


def footer_start(lines: list[str]) -> int:
    """Index of the line that opens the page footer in ``lines`` (``len(lines)`` when there is none)."""
    for i, line in enumerate(lines):
        if is_footer_marker(line) and all(len(rest) <= FOOTER_LINE_MAX for rest in lines[i + 1 :]):
            return i
    return len(lines)
