"""The Slack adapter (slack-bolt): slash commands, buttons, modals and App Home over core."""
