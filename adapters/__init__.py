"""Platform adapters: turn chat input into core calls and render core replies."""
