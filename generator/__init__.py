"""A plain library that turns staff-edited YAML into a public site.

Data flows: ``yamlstrict`` (strict parse with positions) → ``models`` + ``validate``
(pydantic, one source for validation and JSON Schema) → ``rules`` + ``dataset``
(cross-checked, frozen) → renderers (pages, feeds, metrics, open data) →
``outputs`` → the MkDocs adapter (``mkdocs_plugin``) or the CLI (``cli``).
"""
