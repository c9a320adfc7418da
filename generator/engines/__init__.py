"""What any static-site engine needs to publish the same site, written without one.

``python -m generator build --out DIR`` writes the pages, feeds, downloads and search index;
:mod:`generator.engines.manifest` adds the navigation in the plugin's order, each page's
title and description, the sitemap's entries and the site's own assets, so a second engine
(``python -m generator zensical``, :mod:`generator.cli.zensical`) gives the same site
without the MkDocs plugin.
"""
