"""Fixtures shared by the notification tests."""

from __future__ import annotations

from tests.notifications.smtp_servers import servers  # noqa: F401 - a fixture
