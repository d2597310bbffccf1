"""A fake LLM server on loopback that speaks the OpenAI Chat Completions and Anthropic
Messages wire formats closely enough for the official SDKs, with scripted faults.

It exists so that providers, retries, fallback and re-ask are tested against the real SDKs
and a real socket, never the network: 429 with ``retry-after``, 500, 529, connection resets,
slow replies, non-JSON, schema-violating JSON, truncation, refusals, 401. Like the real APIs it
rejects wire-invalid conversations with a 400 (a ``tool_use`` without its ``tool_result``, a
``tool`` message answering no call, a non-strict schema under ``strict: true``), so a test
that passes proves the conversation would be accepted.

    with FakeLLMServer(answer={"codes": ["47562"]}) as server:
        server.script("gpt-test", Fail(429, headers={"retry-after": "2"}), Answer())
        client = openai.AsyncOpenAI(base_url=server.openai_base_url, api_key=server.api_key)

Run it standalone (the provider benchmark does) with
``python -m agentkit.testing.fake_llm_server --answer answer.json``; it prints its URL.
Standard library only; binds 127.0.0.1 on a free port.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

__all__ = [
    "Answer",
    "ContentFilter",
    "Fail",
    "FakeLLMServer",
    "Recorded",
    "Refuse",
    "Reset",
    "Step",
    "anthropic_wire_problems",
    "openai_wire_problems",
    "strict_schema_problems",
]

Wire = Literal["openai", "anthropic"]


# --------------------------------------------------------------------------- script steps


@dataclass(frozen=True)
class Answer:
    """A normal answer: ``payload`` as the JSON object (None: the server's default answer),
    or ``text`` verbatim (non-JSON). ``finish="length"`` cuts the answer off like max_tokens."""

    payload: Any = None
    text: str | None = None
    finish: Literal["stop", "length"] = "stop"
    delay: float = 0.0


@dataclass(frozen=True)
class Fail:
    """An HTTP error in the wire's own error format."""

    status: int
    message: str = ""
    error_type: str | None = None
    code: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Refuse:
    message: str = "I can't help with that request."
    delay: float = 0.0


@dataclass(frozen=True)
class ContentFilter:
    delay: float = 0.0


@dataclass(frozen=True)
class Reset:
    """Drop the connection without a response (TCP reset)."""

    delay: float = 0.0


Step = Answer | Fail | Refuse | ContentFilter | Reset


@dataclass
class Recorded:
    """One request the server received, and what it did with it."""

    wire: Wire
    path: str
    headers: dict[str, str]
    body: Any
    status: int
    step: str
    peer: str = ""

    @property
    def model(self) -> str:
        return str(self.body.get("model", "")) if isinstance(self.body, dict) else ""


_OPENAI_TYPES = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    403: "permission_denied",
    404: "invalid_request_error",
    429: "rate_limit_exceeded",
    500: "server_error",
}
_ANTHROPIC_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    529: "overloaded_error",
}


# --------------------------------------------------------------------------- the server


class FakeLLMServer:
    """Serve both wires on ``127.0.0.1:<free port>`` from a daemon thread."""

    def __init__(
        self,
        *,
        answer: Any | Callable[[Wire, dict[str, Any]], Any] = None,
        api_key: str = "test-key",
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.answer = answer if answer is not None else {}
        self.api_key = api_key
        self.requests: list[Recorded] = []
        self.no_json_schema: set[str] = set()
        self._scripts: dict[str, collections.deque[Step]] = {}
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._stopping = threading.Event()
        self._httpd = _Server((host, port), _Handler)
        self._httpd.fake = self
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def openai_base_url(self) -> str:
        return f"{self.url}/v1"

    @property
    def anthropic_base_url(self) -> str:
        return self.url

    def start(self) -> FakeLLMServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="fake-llm", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ scripting

    def script(self, model: str, *steps: Step) -> None:
        """Queue what the next requests for ``model`` get ("*": any model without its own
        script). When the queue is empty the server answers normally."""
        with self._lock:
            self._scripts.setdefault(model, collections.deque()).extend(steps)

    def pending(self, model: str = "*") -> int:
        with self._lock:
            return len(self._scripts.get(model, ()))

    def requests_for(self, model: str) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if r.model == model]

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()
            self._scripts.clear()

    def _next_step(self, model: str) -> Step:
        with self._lock:
            for key in (model, "*"):
                queue = self._scripts.get(key)
                if queue:
                    return queue.popleft()
        return Answer()

    def _record(self, item: Recorded) -> None:
        with self._lock:
            self.requests.append(item)

    # ------------------------------------------------------------------ one request

    def handle(self, h: _Handler, wire: Wire, raw: bytes) -> None:
        headers = {k.lower(): v for k, v in h.headers.items()}
        path = h.path.split("?", 1)[0]
        try:
            body: Any = json.loads(raw or b"null")
        except ValueError:
            body = None
        rid = f"req_fake_{next(self._ids):06d}"
        peer = "{}:{}".format(*h.client_address[:2])

        def reject(status: int, message: str, step: str, error_type: str | None = None) -> None:
            self._record(Recorded(wire, path, headers, body, status, step, peer))
            self._send_error(h, wire, status, message, error_type, None, {}, rid)

        if not self._authorised(wire, headers):
            reject(
                401,
                "invalid x-api-key" if wire == "anthropic" else "Incorrect API key provided.",
                "auth",
            )
            return
        if not isinstance(body, dict):
            reject(400, "request body is not a JSON object", "invalid")
            return
        problems = (
            openai_wire_problems(body)
            if wire == "openai"
            else anthropic_wire_problems(body, headers)
        )
        if problems:
            reject(400, "; ".join(problems), "invalid")
            return
        fmt = body.get("response_format") if wire == "openai" else None
        if (
            isinstance(fmt, dict)
            and fmt.get("type") == "json_schema"
            and body["model"] in self.no_json_schema
        ):
            reject(
                400, "response_format type 'json_schema' is not supported by this server", "invalid"
            )
            return
        step = self._next_step(str(body["model"]))
        if step.delay and self._stopping.wait(step.delay):
            return
        if isinstance(step, Reset):
            self._record(Recorded(wire, path, headers, body, 0, "reset", peer))
            _reset(h)
            return
        if isinstance(step, Fail):
            self._record(
                Recorded(wire, path, headers, body, step.status, f"fail {step.status}", peer)
            )
            self._send_error(
                h,
                wire,
                step.status,
                step.message or f"scripted {step.status}",
                step.error_type,
                step.code,
                step.headers,
                rid,
            )
            return
        self._record(Recorded(wire, path, headers, body, 200, type(step).__name__.lower(), peer))
        reply = (
            self._openai_reply(body, step)
            if wire == "openai"
            else self._anthropic_reply(body, step)
        )
        rid_header = "x-request-id" if wire == "openai" else "request-id"
        _send(h, 200, reply, {rid_header: rid})

    def _authorised(self, wire: Wire, headers: dict[str, str]) -> bool:
        if wire == "openai":
            return headers.get("authorization") == f"Bearer {self.api_key}"
        # Anthropic SDKs send the key as x-api-key (older) or a bearer token (2.x).
        return self.api_key in (headers.get("x-api-key"), headers.get("authorization", "")[7:])

    def _payload(self, wire: Wire, body: dict[str, Any], step: Answer) -> Any:
        if step.payload is not None:
            return step.payload
        return self.answer(wire, body) if callable(self.answer) else self.answer

    def _openai_reply(self, body: dict[str, Any], step: Step) -> dict[str, Any]:
        content: str | None
        refusal = None
        finish = "stop"
        if isinstance(step, Refuse):
            content, refusal = None, step.message
        elif isinstance(step, ContentFilter):
            content, finish = "", "content_filter"
        else:
            assert isinstance(step, Answer)
            content = (
                step.text
                if step.text is not None
                else json.dumps(self._payload("openai", body, step))
            )
            if step.finish == "length":
                content, finish = content[: max(1, len(content) // 2)], "length"
        prompt = sum(len(json.dumps(m.get("content"))) for m in body["messages"])
        completion = len(content or refusal or "")
        return {
            "id": f"chatcmpl-{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": refusal},
                    "finish_reason": finish,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": prompt // 4 + 1,
                "completion_tokens": completion // 4 + 1,
                "total_tokens": prompt // 4 + completion // 4 + 2,
            },
        }

    def _anthropic_reply(self, body: dict[str, Any], step: Step) -> dict[str, Any]:
        content: list[dict[str, Any]]
        choice = body.get("tool_choice") or {}
        tool = choice.get("name") if choice.get("type") == "tool" else None
        if isinstance(step, Refuse | ContentFilter):
            text = step.message if isinstance(step, Refuse) else "blocked"
            content, stop = [{"type": "text", "text": text}], "refusal"
        else:
            assert isinstance(step, Answer)
            payload = self._payload("anthropic", body, step)
            if step.text is not None or tool is None:
                text = step.text if step.text is not None else json.dumps(payload)
                content, stop = [{"type": "text", "text": text}], "end_turn"
            else:
                content = [
                    {
                        "type": "tool_use",
                        "id": f"toolu_fake_{next(self._ids):06d}",
                        "name": tool,
                        "input": payload,
                    }
                ]
                stop = "tool_use"
            if step.finish == "length":
                stop = "max_tokens"
                if content[0]["type"] == "tool_use":
                    content[0]["input"] = {}
                else:
                    content[0]["text"] = content[0]["text"][: max(1, len(content[0]["text"]) // 2)]
        prompt = len(json.dumps(body.get("messages"))) + len(json.dumps(body.get("system", "")))
        completion = len(json.dumps(content))
        return {
            "id": f"msg_fake_{next(self._ids):06d}",
            "type": "message",
            "role": "assistant",
            "model": body["model"],
            "content": content,
            "stop_reason": stop,
            "stop_sequence": None,
            "usage": {"input_tokens": prompt // 4 + 1, "output_tokens": completion // 4 + 1},
        }

    def _send_error(
        self,
        h: _Handler,
        wire: Wire,
        status: int,
        message: str,
        error_type: str | None,
        code: str | None,
        headers: Mapping[str, str],
        rid: str,
    ) -> None:
        if wire == "openai":
            kind = error_type or _OPENAI_TYPES.get(status, "server_error")
            payload: dict[str, Any] = {
                "error": {"message": message, "type": kind, "param": None, "code": code}
            }
            extra = {"x-request-id": rid, **headers}
        else:
            kind = error_type or _ANTHROPIC_TYPES.get(status, "api_error")
            error: dict[str, Any] = {"type": kind, "message": message}
            if code:
                error["details"] = {"error_code": code}
            payload = {"type": "error", "error": error}
            extra = {"request-id": rid, **headers}
        _send(h, status, payload, extra)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 256  # 64+ clients connect at once in the throughput benchmark
    fake: FakeLLMServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (timeouts, resets) is part of the script, not a server error."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests and benchmarks read the recorded requests instead."""

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle + delayed ACK add ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        path = self.path.split("?", 1)[0]
        if path.endswith("/chat/completions"):
            self.server.fake.handle(self, "openai", raw)
        elif path.endswith("/messages"):
            self.server.fake.handle(self, "anthropic", raw)
        else:
            _send(self, 404, {"error": {"message": f"no route {path}", "type": "not_found"}}, {})


def _send(h: BaseHTTPRequestHandler, status: int, payload: Any, headers: Mapping[str, str]) -> None:
    data = json.dumps(payload).encode("utf-8")
    h.send_response(status)
    h.send_header("content-type", "application/json")
    h.send_header("content-length", str(len(data)))
    for name, value in headers.items():
        h.send_header(name, value)
    h.end_headers()
    h.wfile.write(data)


def _reset(h: _Handler) -> None:
    h.close_connection = True
    try:
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
    except OSError:
        pass


# --------------------------------------------------------------------------- wire validation


def openai_wire_problems(body: dict[str, Any]) -> list[str]:
    """What the Chat Completions API would reject in this request (400), as messages."""
    problems: list[str] = []
    if not isinstance(body.get("model"), str) or not body["model"]:
        problems.append("'model' is required")
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return [*problems, "'messages' must be a non-empty array"]
    pending: list[str] = []
    for i, m in enumerate(messages):
        role = m.get("role") if isinstance(m, dict) else None
        if role not in ("system", "developer", "user", "assistant", "tool"):
            problems.append(f"messages[{i}]: invalid role {role!r}")
            continue
        if pending and role != "tool":
            problems.append(
                "An assistant message with 'tool_calls' must be followed by tool messages "
                f"responding to each 'tool_call_id'. The following tool_call_ids did not have "
                f"response messages: {', '.join(pending)}"
            )
            pending = []
        if role == "tool":
            call_id = m.get("tool_call_id")
            if call_id not in pending:
                problems.append(
                    f"messages[{i}]: messages with role 'tool' must be a response to a "
                    "preceding message with 'tool_calls'"
                )
            else:
                pending.remove(call_id)
            continue
        if role == "assistant" and m.get("tool_calls"):
            for call in m["tool_calls"]:
                fn = call.get("function") or {}
                if (
                    not call.get("id")
                    or call.get("type") != "function"
                    or not isinstance(fn.get("arguments"), str)
                ):
                    problems.append(
                        f"messages[{i}].tool_calls: each call needs id, type 'function' "
                        "and string arguments"
                    )
                pending.append(str(call.get("id")))
            continue
        content = m.get("content")
        if not isinstance(content, str | list):
            problems.append(f"messages[{i}]: 'content' must be a string or an array of parts")
    if pending:
        problems.append(f"tool_call_ids without a tool message: {', '.join(pending)}")
    fmt = body.get("response_format")
    if fmt is not None:
        kind = fmt.get("type") if isinstance(fmt, dict) else None
        if kind == "json_schema":
            spec = fmt.get("json_schema") or {}
            if not spec.get("name") or not isinstance(spec.get("schema"), dict):
                problems.append("response_format.json_schema needs 'name' and 'schema'")
            elif spec.get("strict"):
                problems += [
                    f"Invalid schema for response_format '{spec['name']}': {p}"
                    for p in strict_schema_problems(spec["schema"])
                ]
        elif kind == "json_object":
            if "json" not in json.dumps(messages).lower():
                problems.append(
                    "'messages' must contain the word 'json' in some form, to use "
                    "'response_format' of type 'json_object'."
                )
        elif kind != "text":
            problems.append(f"response_format.type {kind!r} is not supported")
    for key in ("max_tokens", "max_completion_tokens"):
        if key in body and (not isinstance(body[key], int) or body[key] < 1):
            problems.append(f"'{key}' must be a positive integer")
    temperature = body.get("temperature")
    if temperature is not None and not (
        isinstance(temperature, int | float) and 0 <= temperature <= 2
    ):
        problems.append("'temperature' must be between 0 and 2")
    return problems


def anthropic_wire_problems(body: dict[str, Any], headers: Mapping[str, str]) -> list[str]:
    """What the Messages API would reject in this request (400), as messages."""
    problems: list[str] = []
    if not headers.get("anthropic-version"):
        problems.append("anthropic-version header is required")
    if not isinstance(body.get("model"), str) or not body["model"]:
        problems.append("model: Field required")
    if not isinstance(body.get("max_tokens"), int) or body["max_tokens"] < 1:
        problems.append("max_tokens: Field required (a positive integer)")
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return [*problems, "messages: at least one message is required"]
    if not isinstance(messages[0], dict) or messages[0].get("role") != "user":
        problems.append('messages: first message must use the "user" role')
    open_uses: list[str] = []
    for i, m in enumerate(messages):
        role = m.get("role") if isinstance(m, dict) else None
        if role not in ("user", "assistant"):
            problems.append(f"messages.{i}.role: Input should be 'user' or 'assistant'")
            continue
        blocks = _blocks(m.get("content"))
        if blocks is None:
            problems.append(f"messages.{i}.content: must be a string or a list of content blocks")
            continue
        results = [b for b in blocks if b.get("type") == "tool_result"]
        if open_uses:
            answered = {b.get("tool_use_id") for b in results}
            missing = [u for u in open_uses if u not in answered]
            if role != "user" or missing:
                problems.append(
                    f"messages.{i}: `tool_use` ids were found without `tool_result` blocks "
                    f"immediately after: {', '.join(missing or open_uses)}. Each `tool_use` block "
                    "must have a corresponding `tool_result` block in the next message."
                )
        if results:
            if role != "user":
                problems.append(
                    f"messages.{i}: `tool_result` blocks are only allowed in user messages"
                )
            unexpected = [
                b.get("tool_use_id") for b in results if b.get("tool_use_id") not in open_uses
            ]
            if unexpected:
                problems.append(
                    f"messages.{i}.content: unexpected `tool_use_id` found in `tool_result` "
                    "blocks: "
                    f"{', '.join(map(str, unexpected))}. Each `tool_result` block must have a "
                    "corresponding `tool_use` block in the previous message."
                )
            first_other = next(
                (k for k, b in enumerate(blocks) if b.get("type") != "tool_result"), None
            )
            if first_other is not None and any(
                b.get("type") == "tool_result" for b in blocks[first_other:]
            ):
                problems.append(
                    f"messages.{i}.content: tool_result blocks must come before any other content"
                )
        open_uses = []
        for k, b in enumerate(blocks):
            kind = b.get("type")
            if kind == "text" and not str(b.get("text", "")).strip():
                problems.append(f"messages.{i}.content.{k}: text content blocks must be non-empty")
            if kind == "tool_use":
                if role != "assistant":
                    problems.append(
                        f"messages.{i}.content.{k}: tool_use is only allowed in assistant messages"
                    )
                if not isinstance(b.get("input"), dict) or not b.get("id"):
                    problems.append(
                        f"messages.{i}.content.{k}: tool_use needs an id and an object input"
                    )
                open_uses.append(str(b.get("id")))
    if open_uses:
        problems.append(
            "the last message has `tool_use` blocks; the conversation must end with a user turn"
        )
    tools = body.get("tools") or []
    names = set()
    for t, tool in enumerate(tools):
        schema = tool.get("input_schema") if isinstance(tool, dict) else None
        if not isinstance(schema, dict) or schema.get("type") != "object":
            problems.append(f"tools.{t}.input_schema: type must be 'object'")
        names.add(tool.get("name") if isinstance(tool, dict) else None)
    choice = body.get("tool_choice")
    if (
        isinstance(choice, dict)
        and choice.get("type") == "tool"
        and choice.get("name") not in names
    ):
        problems.append(f"tool_choice: tool {choice.get('name')!r} is not in tools")
    if isinstance(body.get("system"), str) and not body["system"].strip():
        problems.append("system: must be non-empty when given")
    return problems


def strict_schema_problems(schema: Any, where: str = "()") -> list[str]:
    """OpenAI strict mode: every object lists all its properties as required and forbids others."""
    problems: list[str] = []
    if isinstance(schema, list):
        for i, item in enumerate(schema):
            problems += strict_schema_problems(item, f"{where}, {i}")
        return problems
    if not isinstance(schema, dict):
        return problems
    if schema.get("type") == "object" or "properties" in schema:
        props = schema.get("properties") or {}
        if schema.get("additionalProperties") is not False:
            problems.append(
                f"In context={where}, 'additionalProperties' is required to be supplied "
                "and to be false."
            )
        missing = [k for k in props if k not in (schema.get("required") or [])]
        if missing:
            problems.append(
                f"In context={where}, 'required' is required to be supplied and to be an "
                f"array including every key in properties. Missing '{missing[0]}'."
            )
        for name, sub in props.items():
            problems += strict_schema_problems(sub, f"{where}, 'properties', '{name}'")
    for key in ("items", "anyOf", "allOf", "$defs", "definitions"):
        if key in schema:
            sub = schema[key]
            values = (
                sub.values() if isinstance(sub, dict) and key in ("$defs", "definitions") else [sub]
            )
            for value in values:
                problems += strict_schema_problems(value, f"{where}, '{key}'")
    return problems


def _blocks(content: Any) -> list[dict[str, Any]] | None:
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    if isinstance(content, list) and all(isinstance(b, dict) for b in content):
        return content
    return None


# --------------------------------------------------------------------------- standalone


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Serve the fake OpenAI + Anthropic wires on loopback."
    )
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--api-key", default="test-key")
    parser.add_argument("--answer", help="JSON file with the object every answer carries")
    args = parser.parse_args(argv)
    answer: Any = {}
    if args.answer:
        with open(args.answer, encoding="utf-8") as fh:
            answer = json.load(fh)
    server = FakeLLMServer(answer=answer, api_key=args.api_key, port=args.port)
    print(server.url, flush=True)
    try:
        server._httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._httpd.server_close()


if __name__ == "__main__":
    main(sys.argv[1:])
