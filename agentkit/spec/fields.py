"""The field-type language of specs: what a coding expert may write after ``type:``.

A field is written either in full (``code: {type: cpt, description: ...}``) or as a bare type
(``age: integer``). A list's ``items`` is either one field (``items: {type: modifier}``) or, for a
list of objects, the object's fields directly (``items: {code: {type: cpt}, units: integer}``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["CODE_TYPES", "FIELD_TYPES", "SCALAR_TYPES", "SIZED_TYPES", "TYPE_ALIASES", "FieldSpec"]

# type name -> one line for coding experts (also shown by `agentkit spec-schema` and the docs)
FIELD_TYPES: dict[str, str] = {
    "text": "free text, possibly many lines (a note, a rationale)",
    "string": "a short piece of text (a name, an identifier)",
    "integer": "a whole number",
    "number": "a number that may have decimals",
    "boolean": "true or false",
    "date": "a calendar date, written YYYY-MM-DD",
    "enum": "one of a fixed list of words given in 'values'",
    "list": "several values; 'items' says what each one is",
    "object": "a group of named fields given in 'fields'",
    "cpt": "a CPT code: 5 digits, or 4 digits + F (Category II), T (Category III), A, M or U",
    "hcpcs": "a HCPCS Level II code: a letter and 4 digits, e.g. G0121",
    "icd10cm": "an ICD-10-CM code, with or without the dot (stored as K80.20)",
    "modifier": "a two-character CPT or HCPCS modifier, e.g. RT, 50, 59, XS",
    "quote": "words copied exactly from an input text named by 'of'",
    "confidence": "a number from 0 (guess) to 1 (certain)",
}

# Common ways people misname a type; the loader suggests the right one.
TYPE_ALIASES: dict[str, str] = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "decimal": "number",
    "bool": "boolean",
    "array": "list",
    "dict": "object",
    "map": "object",
    "mapping": "object",
    "icd10": "icd10cm",
    "icd-10": "icd10cm",
    "icd-10-cm": "icd10cm",
    "icd10-cm": "icd10cm",
    "icd": "icd10cm",
    "hcpcs2": "hcpcs",
    "cpt4": "cpt",
    "cpt-4": "cpt",
    "datetime": "date",
    "choice": "enum",
    "evidence": "quote",
    "score": "confidence",
    "probability": "confidence",
}

SCALAR_TYPES = {"text", "string", "integer", "number", "boolean", "date", "enum"}
CODE_TYPES = {"cpt", "hcpcs", "icd10cm", "modifier"}
SIZED_TYPES = {"text", "string", "integer", "number", "list"}


class FieldSpec(BaseModel):
    """One field of an input or output contract, as written in the spec (after shorthand)."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(description="; ".join(f"{k}: {v}" for k, v in FIELD_TYPES.items()))
    description: str | None = Field(
        default=None, description="What the field means, in plain words"
    )
    optional: bool = Field(default=False, description="May be left out (null)")
    default: Any = Field(default=None, description="Value used when the field is left out")
    min: float | None = Field(
        default=None,
        description="Smallest value (numbers), fewest characters (text) or items (list)",
    )
    max: float | None = Field(
        default=None, description="Largest value (numbers), most characters (text) or items (list)"
    )
    values: list[str] | None = Field(default=None, description="The allowed words of an enum")
    items: FieldSpec | None = Field(default=None, description="What each element of a list is")
    fields: dict[str, FieldSpec] | None = Field(default=None, description="The fields of an object")
    of: str | None = Field(default=None, description="For quote: the input field it is copied from")

    @property
    def has_default(self) -> bool:
        return "default" in self.model_fields_set

    @property
    def is_optional(self) -> bool:
        return self.optional or self.has_default
