"""agentkit: spec-driven LLM agents for medical coding.

import agentkit
cpt = agentkit.load("cpt_coding", route=["local"])
result = cpt(note="PROCEDURE: Laparoscopic cholecystectomy ...")
result.output.procedures[0].code   # "47562"
"""

from agentkit.checks.registry import CheckContext, CheckOptions, register_check
from agentkit.errors import (
    AgentkitError,
    BudgetExceeded,
    CheckFailed,
    ConfigError,
    DataFileError,
    EvalError,
    InputError,
    OutputInvalid,
    PromptError,
    ProviderError,
    RegressionDetected,
    ReviewError,
    RouteExhausted,
    SpecError,
    SpecIssue,
    TraceError,
)
from agentkit.providers.base import Message, Provider, ProviderRequest, ProviderResponse
from agentkit.providers.registry import register_provider
from agentkit.result import Attempt, Finding, Result, Review, Status, Usage
from agentkit.spec.compiled import CompiledSpec
from agentkit.spec.compiler import compile_spec
from agentkit.spec.resolve import load

__version__ = "0.1.0"

__all__ = [
    "AgentkitError",
    "Attempt",
    "BudgetExceeded",
    "CheckContext",
    "CheckFailed",
    "CheckOptions",
    "CompiledSpec",
    "ConfigError",
    "DataFileError",
    "EvalError",
    "Finding",
    "InputError",
    "Message",
    "OutputInvalid",
    "PromptError",
    "Provider",
    "ProviderError",
    "ProviderRequest",
    "ProviderResponse",
    "RegressionDetected",
    "Result",
    "Review",
    "ReviewError",
    "RouteExhausted",
    "SpecError",
    "SpecIssue",
    "Status",
    "TraceError",
    "Usage",
    "__version__",
    "compile_spec",
    "load",
    "register_check",
    "register_provider",
]
