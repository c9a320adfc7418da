"""The public site's pages: pure functions from the frozen dataset to page Outputs.

Each module renders one kind of page through the autoescaped templates in
``render/templates/pages/``; :mod:`generator.pages.site` joins them into one renderer.
"""
