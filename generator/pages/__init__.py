"""The public site's pages: pure functions from a :class:`~generator.dataset.Dataset` to Outputs.

Each module renders one kind of page through the autoescaped templates in
``templates/pages/``; :mod:`generator.pages.site` registers them all as one renderer.
"""
