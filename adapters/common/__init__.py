"""What every adapter needs, whatever its platform: capping text, actions and forms as text,
the incident reply to an unexpected failure, an `Invocation` from a payload's fields."""
