"""One listener per file, each with an explicit `register(app, runner)`."""
