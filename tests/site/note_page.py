"""Open the built note in chromium as a reader would, recording errors and every request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

# Material draws Mermaid into a *closed* shadow root, which no test could look into. Forcing
# every shadow root open changes nothing the reader sees. Errors are also counted on `window`
# so a wait can stop as soon as the page reports one instead of running into its timeout.
PAGE_INIT_SCRIPT = """
(() => {
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attachShadow.call(this, { ...init, mode: "open" });
  };
  window.__pageErrors = [];
  window.addEventListener("error", (event) => window.__pageErrors.push(String(event.message)));
  window.addEventListener("unhandledrejection", (event) =>
    window.__pageErrors.push(String(event.reason)),
  );
})();
"""


@dataclass
class NotePage:
    """A page showing the note, with what it logged and requested since it was opened."""

    base_url: str
    context: BrowserContext
    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Every request to anything but the test server (data: URLs never leave the page)."""
        own = urlsplit(self.base_url).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme != "data" and urlsplit(url).netloc != own
        ]

    def close(self) -> None:
        self.context.close()


def open_note(
    browser: Browser,
    base_url: str,
    path: str = "",
    color_scheme: Literal["light", "dark"] = "light",
) -> NotePage:
    """Open the site's home page (the note), or the page at ``path``, in a fresh browser context
    whose reader prefers ``color_scheme`` (the site's palette follows it)."""
    # Same size, scheme and motion every run, so screenshots only change when the page does.
    context = browser.new_context(
        viewport={"width": 1280, "height": 800},
        device_scale_factor=1,
        color_scheme=color_scheme,
        reduced_motion="reduce",
        locale="en-US",
        service_workers="block",
    )
    context.add_init_script(PAGE_INIT_SCRIPT)
    note = NotePage(base_url=base_url, context=context, page=context.new_page())

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            note.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_request(request: Request) -> None:
        note.requests.append(request.url)

    note.page.on("console", on_console)
    note.page.on("pageerror", lambda error: note.page_errors.append(str(error)))
    note.page.on("request", on_request)
    note.page.goto(base_url + path)
    return note
