"""Open data: the downloadable tables, their CSV and JSON files, and the Frictionless descriptor."""
