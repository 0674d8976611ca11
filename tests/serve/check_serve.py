#!/usr/bin/env python3
"""`monsite serve` as a user meets it, bounded in time (ctest serve.preview).

A copy of the example site (data/ and content/) in a temporary folder; the
preview starts on a free loopback port and must:
  - serve the home page with the reload script, the script itself, a 404;
  - pick up a changed content page and a changed data file (ОО.csv) without a
    restart, and send "reload" to an open event stream;
  - show a data error (file, line and column) on every page instead of a stale
    page, and recover when the file is fixed;
  - write no public/ anywhere in the site folder;
  - stop on SIGINT with status 0.
Usage: check_serve.py <monsite> <source dir>
"""

import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

DEADLINE = 60  # seconds for each wait (the ASan build is slow)


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def wait_for(what, check):
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    fail("waited %d s for %s" % (DEADLINE, what))


class EventStream(threading.Thread):
    """Reads /__monsite/events?since=N and remembers each event name."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url
        self.events = []

    def run(self):
        try:
            with urllib.request.urlopen(self.url, timeout=DEADLINE * 3) as r:
                for raw in r:
                    line = raw.decode("utf-8").strip()
                    if line.startswith("event:"):
                        self.events.append(line.split(":", 1)[1].strip())
        except Exception as e:  # the stream ends when the server says reload
            self.events.append("closed: %s" % e)


def main():
    monsite, source = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
    work = pathlib.Path(tempfile.mkdtemp(prefix="monsite-serve-"))
    server = None
    try:
        site = work / "site"
        site.mkdir()
        shutil.copytree(source / "data", site / "data")
        shutil.copytree(source / "content", site / "content")
        server = subprocess.Popen([monsite, "serve", "--port", "0", "--data", "data"], cwd=site,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = []
        url = None
        end = time.monotonic() + DEADLINE * 2
        while url is None and time.monotonic() < end:
            line = server.stdout.readline()
            if not line:
                fail("serve ended before it gave its address: %s\n%s" % ("".join(lines), server.stderr.read()))
            lines.append(line)
            m = re.search(r"предпросмотр: (http://127\.0\.0\.1:\d+/)", line)
            if m:
                url = m.group(1)
        if url is None:
            fail("no address line from serve: %r" % lines)
        threading.Thread(target=lambda: [lines.append(l) for l in server.stdout], daemon=True).start()
        print("ok serve listens on the loopback address " + url)

        status, home = get(url)
        if status != 200 or "/__monsite/reload.js" not in home:
            fail("home page: status %s, reload script %s" % (status, "/__monsite/reload.js" in home))
        generation = re.search(r'data-generation="(\d+)"', home).group(1)
        status, script = get(url + "__monsite/reload.js")
        if status != 200 or "EventSource" not in script:
            fail("the reload script is not served")
        status, _ = get(url + "no-such-page/")
        if status != 404:
            fail("a missing page gave %s, not 404" % status)
        print("ok home page with the reload script (build %s), the script, 404" % generation)

        # A changed content page, and the open page is told to reload.
        stream = EventStream(url + "__monsite/events?since=" + generation)
        stream.start()
        time.sleep(0.5)
        about = site / "content" / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\n\nПроверка предпросмотра: слово Жираф-42.\n",
                         encoding="utf-8")
        wait_for("the changed about page", lambda: "Жираф-42" in get(url + "about/")[1])
        wait_for("a reload event", lambda: "reload" in stream.events)
        print("ok a changed content page is served without a restart; the open page got «reload»")

        # A changed data file: a school's name in the 2025 register.
        register = site / "data" / "2025" / "ОО.csv"
        original = register.read_bytes()
        text = original.decode("cp1251")
        if ";МАОУ «Гимназия № 1»;" not in text:
            fail("the example's ОО.csv has changed: no «;МАОУ «Гимназия № 1»;»")
        register.write_bytes(text.replace(";МАОУ «Гимназия № 1»;", ";МАОУ «Гимназия № 1 Проверочная»;", 1)
                             .encode("cp1251"))
        wait_for("the renamed school", lambda: "Гимназия № 1 Проверочная" in get(url + "schools/")[1])
        print("ok a changed data file is picked up (the school list shows the new name)")

        # An error in the data: every page shows it, with file, line and column.
        broken = text.replace(";город;1\xa0138", ";город;много", 1)
        if broken == text:
            fail("the example's ОО.csv has changed: no pupils count «1 138»")
        register.write_bytes(broken.encode("cp1251"))

        def error_page():
            status, body = get(url + "schools/")
            return (status, body) if status == 500 else None

        status, body = wait_for("the error page", error_page)
        if "ОО.csv" not in body or "строка 2" not in body or "много" not in body:
            fail("the error page does not name the file, the line and the value:\n" + body[:2000])
        if "/__monsite/reload.js" not in body:
            fail("the error page has no reload script")
        if "Гимназия № 1 Проверочная" in get(url)[1]:
            fail("the home page still shows the stale site")
        print("ok a data error is shown in the browser, with file, line and column, on every page")

        register.write_bytes(original)
        wait_for("recovery", lambda: get(url + "schools/")[0] == 200 and
                 "Проверочная" not in get(url + "schools/")[1])
        print("ok fixed data: the site is back")

        written = [str(p) for p in site.rglob("*") if p.name == "public"]
        if written:
            fail("serve wrote " + ", ".join(written))
        print("ok nothing written into the site folder (no public/)")

        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            fail("serve did not stop within %d s of Ctrl+C" % DEADLINE)
        if code != 0:
            fail("serve stopped with status %s: %s" % (code, server.stderr.read()))
        time.sleep(0.2)
        if not any("остановлен" in l for l in lines):
            fail("no closing line: %r" % lines[-3:])
        print("ok Ctrl+C stops serve cleanly (status 0)")
    finally:
        if server and server.poll() is None:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
