"""Site search: records built from the data (pure) and the Pagefind index the adapters write."""
