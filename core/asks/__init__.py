"""Weekly asks, thanks and reciprocity."""
