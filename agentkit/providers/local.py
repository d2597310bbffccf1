"""The ``local`` provider: agentkit's embedded offline coder as a route entry.

No API key, no network: it fills the output contract of the bundled specs ``cpt_coding``,
``icd10cm_coding`` and ``em_level`` with the deterministic coder in
``agentkit.coding.engine`` and refuses any other spec with :class:`UnsupportedSpec`. This
adapter knows nothing of coding; it only maps a request to the coder and back.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import TYPE_CHECKING, ClassVar

from agentkit.errors import UnsupportedSpec
from agentkit.providers.base import Provider, ProviderRequest, ProviderResponse

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig

__all__ = ["LocalProvider", "create"]


class LocalProvider(Provider):
    """Runs the offline coder in a worker thread (it is CPU-bound; the runtime is async)."""

    name: ClassVar[str] = "local"

    async def generate(self, request: ProviderRequest) -> ProviderResponse:
        from agentkit.coding.engine import ENGINE_VERSION
        from agentkit.coding.engine.coder import SUPPORTED_SPECS, fill

        if request.spec not in SUPPORTED_SPECS:
            raise UnsupportedSpec(
                f"spec {request.spec!r} is not supported by local; the offline coder fills "
                f"{', '.join(SUPPORTED_SPECS)}. Route this spec to an LLM provider.",
                provider=self.name,
                model=self.model,
            )
        started = time.perf_counter()
        output = await asyncio.to_thread(fill, request.spec, dict(request.inputs))
        return ProviderResponse(
            parsed=output,
            text=json.dumps(output, ensure_ascii=False),
            model=f"agentkit-local/{ENGINE_VERSION}",
            finish_reason="stop",
            input_tokens=0,
            output_tokens=0,
            latency_s=time.perf_counter() - started,
        )


def create(model: str, config: AgentkitConfig) -> LocalProvider:
    """Registry factory: ``local`` takes no model name and no configuration."""
    return LocalProvider(model)
