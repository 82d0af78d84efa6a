"""The tables slack_sdk's SQLAlchemy installation and OAuth state stores use, on Apport's own
database and created by its migrations (the stores' own `create_tables` is never called).

They are built by slack_sdk itself, so their columns are what its stores read and write; they
carry no network (an installation is the workspace's, kept by its team id).
"""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import MetaData

INSTALLATIONS = SQLAlchemyInstallationStore.default_installations_table_name
BOTS = SQLAlchemyInstallationStore.default_bots_table_name
STATES = SQLAlchemyOAuthStateStore.default_table_name


def slack_metadata() -> MetaData:
    """A metadata holding the three tables, as slack_sdk declares them."""
    metadata = MetaData()
    SQLAlchemyInstallationStore.build_installations_table(metadata, INSTALLATIONS)
    SQLAlchemyInstallationStore.build_bots_table(metadata, BOTS)
    SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, STATES)
    return metadata
