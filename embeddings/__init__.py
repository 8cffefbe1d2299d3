"""Embedding model and FAISS paragraph index."""
