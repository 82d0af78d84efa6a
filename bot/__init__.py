"""The composition root: settings, wiring, the `apport` command line, the scheduler."""
