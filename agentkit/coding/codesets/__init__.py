"""Code sets: CPT, HCPCS Level II, ICD-10-CM, modifiers, fee-schedule indicators."""
