"""Data sets: built-in generated tasks and file formats, all described by a DataSpec."""
