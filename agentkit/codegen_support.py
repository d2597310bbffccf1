"""What generated modules import: one stable surface, so generated code never reaches into
agentkit's private modules and formats the same under any import-sorting configuration."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from agentkit.errors import SpecError, SpecIssue
from agentkit.result import Result
from agentkit.types import Confidence, Cpt, Hcpcs, Icd10cm, Modifier, Quote

__all__ = [
    "BaseModel",
    "Confidence",
    "ConfigDict",
    "Cpt",
    "Field",
    "GeneratedSpec",
    "Hcpcs",
    "Icd10cm",
    "Modifier",
    "Quote",
    "Result",
]

OutT = TypeVar("OutT", bound=BaseModel)


@dataclass(frozen=True)
class GeneratedSpec:
    """The spec a generated module was made from, and the contract it was made against."""

    name: str
    version: str
    path: Path
    contract: str

    def _compiled(self, route: Sequence[str] | None) -> Any:
        from agentkit.spec.codegen import contract_hash
        from agentkit.spec.resolve import load

        spec = load(self.path if self.path.exists() else self.name)
        if contract_hash(spec) != self.contract:
            raise SpecError(
                [
                    SpecIssue(
                        str(self.path),
                        None,
                        None,
                        f"the generated module for '{self.name}' no longer matches the spec",
                        fix="re-run `agentkit codegen` for this spec",
                    )
                ]
            )
        return spec.with_route(list(route)) if route else spec

    @staticmethod
    def _typed(result: Result[Any], output_cls: type[OutT]) -> Result[OutT]:
        output = (
            None if result.output is None else output_cls.model_validate(result.output.model_dump())
        )
        data = {
            name: getattr(result, name) for name in type(result).model_fields if name != "output"
        }
        return Result[output_cls](output=output, **data)  # type: ignore[valid-type]

    def call(
        self, output_cls: type[OutT], inputs: dict[str, Any], *, route: Sequence[str] | None = None
    ) -> Result[OutT]:
        spec = self._compiled(route)
        return self._typed(spec(_plain(inputs)), output_cls)

    async def acall(
        self, output_cls: type[OutT], inputs: dict[str, Any], *, route: Sequence[str] | None = None
    ) -> Result[OutT]:
        spec = self._compiled(route)
        return self._typed(await spec.acall(_plain(inputs)), output_cls)


def _plain(inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (v.model_dump() if isinstance(v, BaseModel) else v)
        for k, v in inputs.items()
        if v is not None
    }
