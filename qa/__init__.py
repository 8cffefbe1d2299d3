"""Retrieval, citation look-up and quoted answers over the paragraph index, and the CLI."""
