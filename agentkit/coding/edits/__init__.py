"""Claim edits: NCCI PTP, MUE, add-on codes, modifiers, ICD-10-CM, age/sex, coverage."""
