"""Recruitment: candidates, crossed interviews, the secret vote."""
