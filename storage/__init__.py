"""SQLAlchemy implementation of core's storage ports, with Alembic migrations."""
