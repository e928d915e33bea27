"""Fetching a council's meetings and papers from its ModernGov web service into a corpus directory."""
