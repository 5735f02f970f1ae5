"""Building the engine's parts from settings: transports, delivery settings, sessions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from dondoc.settings import Settings
from notifications.delivery import DeliverySettings, WebhookPoster
from notifications.holders import this_process
from notifications.links import LinkSigner
from notifications.mailcatcher import MailCatcher
from notifications.smtp import SmtpSettings, SmtpTransport
from notifications.webhook import WebhookTransport


def worker_name() -> str:
    """Who holds a claim: host and process, so a person can tell deliverers apart and the
    next run can give back at once the claims of one that died."""
    return this_process()


def delivery_settings(settings: Settings) -> DeliverySettings:
    # The embedded mail catcher takes one connection; a relay as many as its URL says.
    smtp = settings.smtp
    return DeliverySettings(
        sender=settings.mail_from,
        base_url=settings.base_url,
        signer=LinkSigner(settings.signing_key()),
        worker=worker_name(),
        connections=smtp.connections if smtp else 1,
    )


def email_transport_factory(settings: Settings):  # noqa: ANN201 - a factory of context managers
    """The configured SMTP server; without one, the embedded mail catcher."""
    smtp = settings.smtp
    if smtp is not None:
        return lambda: SmtpTransport(smtp)
    return lambda: _catcher_transport(settings)


@contextmanager
def _catcher_transport(settings: Settings) -> Iterator[SmtpTransport]:
    """Deliver over real SMTP to a catcher started for this batch (embedded mode, `tick`)."""
    with MailCatcher(settings.mail_dir) as catcher:
        smtp = SmtpSettings.from_url(catcher.url)
        with SmtpTransport(smtp) as transport:
            yield transport


def webhook_setup(
    settings: Settings,
) -> tuple[tuple[str, ...], Callable[[], AbstractContextManager[WebhookPoster]] | None]:
    hooks = settings.webhooks
    if not hooks.urls:
        return (), None
    return hooks.urls, lambda: WebhookTransport(hooks)
