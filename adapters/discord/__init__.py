"""The Discord adapter: application commands, embeds, buttons and modals on discord.py.

It renders whatever core declares: the commands come from `core.commands.COMMANDS`, replies
from `core.shared.ui`, and every click or form lands in `Apport.handle`.
"""
