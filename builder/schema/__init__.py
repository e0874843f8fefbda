"""The JSON Schemas as the one source: reading them, their columns, derived types, row validation."""
