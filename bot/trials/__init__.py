"""The trial database: parse, import, store, search and present ClinicalTrials.gov records."""
