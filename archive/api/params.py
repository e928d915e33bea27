"""The API's parameters, validated completely before anything runs: the CLI's names (q, k,
council, committee, from, to, type, meeting), lengths and ranges from the settings, real ISO dates. A bad
value is a 422 whose message names the parameter."""

from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field

from archive.api.settings import ApiSettings
from archive.ask.retrieve.filters import Filters

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
NAME_LENGTH = 200  # committee, document type, owner, questioner...
Mode = Literal["hybrid", "fused", "lexical", "dense"]
Status = Literal["follow-up found", "no follow-up found", "overdue"]
Kind = Literal["action", "resolution", "recommendation", "undertaking"]


def invalid(name: str, message: str, value: object = None, where: str = "query") -> RequestValidationError:
    return RequestValidationError([{"type": "value_error", "loc": (where, name), "msg": message, "input": value}])


def checked_text(name: str, value: str, where: str = "query") -> str:
    """Text the archive can search: at least one character that is not a space or a control."""
    if not any(c.isprintable() and not c.isspace() for c in value):
        raise invalid(name, "must hold at least one word", value, where)
    return value


def checked_date(name: str, value: str | None, where: str = "query") -> str | None:
    if not value:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise invalid(name, "not a real date (YYYY-MM-DD)", value, where) from None
    return value


def filter_dependency():
    def filters(
        council: Annotated[str | None, Query(max_length=NAME_LENGTH,
                                             description="Only papers of this council (substring match).")] = None,
        committee: Annotated[str | None, Query(max_length=NAME_LENGTH,
                                               description="Only papers of this committee (substring match).")] = None,
        date_from: Annotated[str | None, Query(alias="from", pattern=ISO_DATE,
                                               description="Only meetings on or after this ISO date.")] = None,
        date_to: Annotated[str | None, Query(alias="to", pattern=ISO_DATE,
                                             description="Only meetings on or before this ISO date.")] = None,
        doc_type: Annotated[str | None, Query(alias="type", max_length=NAME_LENGTH,
                                              description="Only this document type (report, minutes, ...).")] = None,
        meeting: Annotated[str | None, Query(pattern=ISO_DATE,
                                             description="Only papers of the meeting on this ISO date.")] = None,
    ) -> Filters:
        return Filters.given(committee, checked_date("from", date_from), checked_date("to", date_to), doc_type,
                             checked_date("meeting", meeting), council)

    return filters


def query_dependency(settings: ApiSettings, default_k: int = 5):
    def query(
        q: Annotated[str, Query(min_length=1, max_length=settings.max_query, description="The question or query.")],
        k: Annotated[int, Query(ge=1, le=settings.max_k, description="Number of passages or citations.")] = default_k,
    ) -> tuple[str, int]:
        return checked_text("q", q), k

    return query


class SavedSearchBody(BaseModel):
    """A saved search: the query and filters of `/search`."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    q: str = Field(min_length=1, max_length=500)
    k: int = Field(20, ge=1, le=50)
    council: str | None = Field(None, max_length=NAME_LENGTH)
    committee: str | None = Field(None, max_length=NAME_LENGTH)
    date_from: str | None = Field(None, alias="from", pattern=ISO_DATE)
    date_to: str | None = Field(None, alias="to", pattern=ISO_DATE)
    doc_type: str | None = Field(None, alias="type", max_length=NAME_LENGTH)
    meeting: str | None = Field(None, pattern=ISO_DATE)

    def checked(self) -> Filters:
        checked_text("q", self.q, "body")
        for name, value in (("from", self.date_from), ("to", self.date_to), ("meeting", self.meeting)):
            checked_date(name, value, "body")
        return Filters.given(self.committee, self.date_from, self.date_to, self.doc_type, self.meeting, self.council)


class FeedbackBody(BaseModel):
    """A reader's verdict on an answer."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=500)
    answer: str | None = Field(None, max_length=2000)
    verdict: Literal["helpful", "wrong"]
    doc_id: str = Field("", max_length=500)
    chunk_id: int | None = Field(None, ge=0, le=2**53)
    comment: str = Field("", max_length=2000)
