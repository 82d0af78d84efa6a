"""The console adapter: the whole bot in a terminal or a pipe, for newcomers and tests."""
