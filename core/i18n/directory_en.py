"""English messages of the directory, suggestions and stats."""

MESSAGES: dict[str, str] = {}
