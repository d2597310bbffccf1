"""Importers for the CMS (and AMA) file layouts; each saves a prepared index."""
