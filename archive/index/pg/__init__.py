"""The PostgreSQL backend: an embedded generation published into a database (publish), read back
through the same store interface (read), over a primary and its read replicas (servers), with the
lexical side as tsvector + GIN ranked by FTS5's own BM25 (tsquery) and the dense side as pgvector
HNSW (schema). Needs the `postgres` extra: psycopg 3 and pgvector."""
