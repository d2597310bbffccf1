"""Test helpers that ship with agentkit (a fake LLM server for provider tests and benchmarks)."""
