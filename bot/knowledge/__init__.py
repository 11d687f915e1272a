"""Facts about treatments, tests and kinds of treatment (from ../shared/reference/knowledge-facts.md),
and two of them side by side. Pure Python: no Rasa imports."""
