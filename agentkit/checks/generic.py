"""Checks that apply to any spec, whatever its domain."""

from __future__ import annotations

from collections.abc import Iterator

from agentkit.checks.quotes import normalize_for_quote, quote_in_source
from agentkit.checks.registry import CheckContext, CheckOptions, register_check
from agentkit.result import Finding

__all__: list[str] = []


@register_check(
    "quotes_in_source",
    reask=True,
    always=True,
    description="Every quote field occurs in the input text it says it is copied from",
)
def quotes_in_source(ctx: CheckContext, options: CheckOptions) -> Iterator[Finding]:
    """Evidence or it did not happen: a quote missing from its source is an error."""
    for tv in ctx.values_of_type("quote"):
        source_name = tv.field.of or ""
        key = f"quote-source:{source_name}"
        if key not in ctx.cache:
            text = ctx.input_text(source_name)
            ctx.cache[key] = normalize_for_quote(text) if text is not None else None
        source = ctx.cache[key]
        quote = str(tv.value)
        if not quote.strip():
            yield Finding(
                check="quotes_in_source",
                severity="error",
                path=tv.path,
                message=f"{tv.path} is empty: quote the {source_name} as evidence",
            )
            continue
        if source is None or not quote_in_source(quote, source):
            shown = quote if len(quote) <= 80 else quote[:77] + "..."
            yield Finding(
                check="quotes_in_source",
                severity="error",
                path=tv.path,
                message=f'{tv.path}: the quote "{shown}" does not occur in the {source_name}; '
                "copy the words exactly as written",
            )


@register_check(
    "no_duplicate_codes",
    description="The same code (with the same modifiers) is not listed twice",
)
def no_duplicate_codes(ctx: CheckContext, options: CheckOptions) -> Iterator[Finding]:
    seen: dict[tuple[str, tuple[str, ...]], str] = {}
    for tv in ctx.values_of_type("cpt", "hcpcs", "icd10cm"):
        mods = tuple(getattr(tv.parent, "modifiers", None) or ())
        key = (str(tv.value), mods)
        if key in seen:
            yield Finding(
                check="no_duplicate_codes",
                severity="warning",
                path=tv.path,
                codes=(str(tv.value),),
                message=f"{tv.value} is listed twice ({seen[key]} and {tv.path}); report it once "
                "with units if it was done more than once",
            )
        else:
            seen[key] = tv.path
