"""The member directory: profiles and who fits a need."""
