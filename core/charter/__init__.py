"""The charter: its versions, the commission rule, acceptance, reminders."""
