"""wenji (文集): clean text, metadata and keyword summaries for Chinese official news and speeches."""

__version__ = "0.1.0"  # the one place the version is written; pyproject.toml reads it from here
