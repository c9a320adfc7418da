"""What staff print, paste and share to bring residents in: posters with QR codes,
newsletter snippets, and the feed of what changed."""
