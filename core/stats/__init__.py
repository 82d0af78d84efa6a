"""Stats: the figures, the activity light, the monthly digest, exports."""
