"""The text pipeline of the offline coder: tokens, sections, sentences, assertion, attributes."""
