"""Extractors: independent rule sets over one document's context, registered by name.

Each extractor is a function ``Context -> Iterable[Mention | Fact]``; :data:`EXTRACTORS` is the
registry the pipeline runs in order. Add a rule set by writing a module and registering it here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.extract.article import extract_article
from kg.extract.context import Context
from kg.extract.figures import extract_figures
from kg.extract.orgs import extract_orgs_places
from kg.extract.people import extract_people
from kg.extract.programs import extract_programs
from kg.records import Fact, Mention

Extractor = Callable[[Context], Iterable[Mention | Fact]]

EXTRACTORS: dict[str, Extractor] = {
    "article": extract_article,
    "people": extract_people,
    "orgs_places": extract_orgs_places,
    "programs": extract_programs,
    "figures": extract_figures,
}
