"""The platform-neutral pieces every feature uses: UI vocabulary, ports, text."""
