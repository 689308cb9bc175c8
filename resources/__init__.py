"""Data files shipped with the program: example designs (examples/*.json)."""
