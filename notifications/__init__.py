"""How people are told: the outbox, e-mail and webhook channels, templates (issue 3)."""
