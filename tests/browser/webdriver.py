"""A very small WebDriver client for headless Chromium through chromedriver (stdlib only).

chromedriver speaks the W3C WebDriver protocol (JSON over HTTP on localhost), and
forwards Chrome DevTools commands (`goog/cdp/execute`), which is all the browser
tests need: set a phone or desktop viewport, load a file, run a script, take a
full-page screenshot. No selenium dependency.
"""

from __future__ import annotations

import base64
import contextlib
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

CHROME_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
]


def find_chromium() -> tuple[str, str] | None:
    """(browser, chromedriver) paths, or None when either is missing."""
    browser = next(
        (p for name in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(name))),
        None,
    )
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


class Browser:
    """One headless Chromium session; close() ends the browser and the driver."""

    def __init__(self, browser: str, driver: str) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self._profile = tempfile.TemporaryDirectory(prefix="cnsnt-chromium-")
        self._driver = subprocess.Popen(
            [driver, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                self._call("GET", "/status")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or self._driver.poll() is not None:
                    self._driver.kill()
                    raise RuntimeError("chromedriver did not start") from None
                time.sleep(0.1)
        options = {"binary": browser, "args": [*CHROME_ARGS, f"--user-data-dir={self._profile.name}"]}
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        try:
            self._session = self._call("POST", "/session", caps)["sessionId"]
        except Exception:
            self._driver.kill()
            raise

    def _call(self, method: str, path: str, body: object | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self._base + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=90) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"WebDriver {method} {path}: {exc.read().decode(errors='replace')}") from None

    def cdp(self, command: str, params: dict[str, Any] | None = None) -> Any:
        """Run a Chrome DevTools Protocol command."""
        return self._call(
            "POST", f"/session/{self._session}/goog/cdp/execute", {"cmd": command, "params": params or {}}
        )

    def viewport(self, width: int, height: int, *, mobile: bool) -> None:
        """Emulate a screen: CSS pixels, touch and the mobile viewport meta tag on phones."""
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        self.cdp("Emulation.setTouchEmulationEnabled", {"enabled": mobile})

    def open(self, path: Path) -> None:
        """Load a local file and wait for it."""
        self._call("POST", f"/session/{self._session}/url", {"url": path.resolve().as_uri()})

    def run(self, script: str) -> Any:
        """Run JavaScript in the page (WebDriver scripts are not subject to the page's CSP)."""
        return self._call("POST", f"/session/{self._session}/execute/sync", {"script": script, "args": []})

    def screenshot(self, path: Path) -> None:
        """A PNG of the whole page, not just the viewport."""
        metrics = self.cdp("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.cdp(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
            },
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        """End the session, the browser and the driver."""
        with contextlib.suppress(Exception):  # best effort on teardown
            self._call("DELETE", f"/session/{self._session}")
        self._driver.terminate()
        try:
            self._driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._driver.kill()
        self._profile.cleanup()
