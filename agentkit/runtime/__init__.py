"""The engine behind every typed call: one async path shared by calls, batch and server."""
