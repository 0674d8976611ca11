#!/usr/bin/env python3
"""Runs one hostile-input case (tests/hostile/make_hostile.py) and asserts its outcome.

    python3 tests/hostile/run_hostile_case.py MONSITE CASE [--keep] [--only check|build]

In a fresh temporary folder T: the case writes T/work/data; an earlier site is
put into T/work/public; then `monsite check --data data` and `monsite build -q
--data data --out public` run in T/work, each under /usr/bin/time -v (when
present) to measure wall time and peak resident memory, with an address-space
limit of 8 GiB as a safety net for the machine running the test.

  status 2: both commands exit 2 and print the expected lines; T is unchanged
            (same names, sizes, times and bytes), so the earlier public/ too;
  status 0: both exit 0; outside T/work/public nothing changed; every file in
            public/ has a safe relative path (latin letters, digits, . - _; no
            . or .. segment; no link) and lies inside public/; no page carries
            markup from the data (no inline script but JSON, no on* attribute,
            no javascript: URL, none of the raw markup strings); every .json
            parses; texts round-trip through site.json, schools.csv (formula-like ones with a
            leading ') and
            monitoring.xlsx;
  always:   absent strings are in no output file and no message; `outside`
            paths do not exist; time and memory within the case's bounds;
            with no_network (and strace installed) the build opens no
            AF_INET/AF_INET6 socket.

Prints one line per command with the measured time and memory, then ok/FAIL.
"""

import csv
import hashlib
import html.parser
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_hostile  # noqa: E402

SAFE_PATH = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")
TIME = "/usr/bin/time"
ADDRESS_SPACE_LIMIT = 8 << 30

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


# --------------------------------------------------------------------------- snapshots


def snapshot(root, skip=None):
    """path -> (kind, size, mtime_ns, sha256) for everything under root, links not followed."""
    out = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        rel_folder = os.path.relpath(folder, root)
        if skip and (rel_folder == skip or rel_folder.startswith(skip + os.sep)):
            dirs[:] = []
            continue
        for name in dirs + files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if skip and (rel == skip or rel.startswith(skip + os.sep)):
                continue
            st = os.lstat(path)
            if os.path.islink(path):
                out[rel] = ("link", os.readlink(path))
            elif os.path.isdir(path):
                out[rel] = ("dir", st.st_mtime_ns)
            else:
                # Generated inputs can be large: hash what monsite could have written, size+time the rest.
                digest = ""
                if st.st_size < 64 << 20:
                    with open(path, "rb") as f:
                        digest = hashlib.sha256(f.read()).hexdigest()
                out[rel] = ("file", st.st_size, st.st_mtime_ns, digest)
    return out


def diff(before, after):
    lines = []
    for k in sorted(set(before) | set(after)):
        if before.get(k) != after.get(k):
            lines.append(f"  {k}: {before.get(k)} -> {after.get(k)}")
    return lines


# --------------------------------------------------------------------------- running monsite


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))


def sanitized(monsite):
    """True for an AddressSanitizer build (scripts/test.sh runs the suite in one
    too): it reserves terabytes of address space and runs several times slower,
    so there the address-space limit is not set and time and memory are
    reported, not asserted."""
    with open(monsite, "rb") as f:
        data = f.read()
    return b"__asan_init" in data or b"libasan.so" in data


def run(monsite, args, cwd, timeout, asan=False):
    """Returns (status, stdout, stderr, seconds, peak RSS in MiB or None)."""
    stats = os.path.join(cwd, "..", "time.txt")
    command = [monsite] + args
    use_time = os.access(TIME, os.X_OK)
    if use_time:
        command = [TIME, "-v", "-o", stats] + command
    env = dict(os.environ, MALLOC_ARENA_MAX="2", LC_ALL="C.UTF-8")
    start = time.monotonic()
    try:
        p = subprocess.run(command, cwd=cwd, capture_output=True, timeout=timeout,
                           preexec_fn=None if asan else limit_memory, env=env)
    except subprocess.TimeoutExpired:
        return None, b"", b"", time.monotonic() - start, None
    seconds = time.monotonic() - start
    rss = None
    if use_time and os.path.exists(stats):
        with open(stats, encoding="utf-8", errors="replace") as f:
            text = f.read()
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        if m:
            rss = int(m.group(1)) / 1024
        m = re.search(r"Exit status: (\d+)", text)
        status = int(m.group(1)) if m else p.returncode
        if "Command terminated by signal" in text:
            status = -int(re.search(r"signal (\d+)", text).group(1))
        os.remove(stats)
    else:
        status = p.returncode
    return status, p.stdout, p.stderr, seconds, rss


# --------------------------------------------------------------------------- output checks


class PageScan(html.parser.HTMLParser):
    """Collects what a page would execute or load."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.script = None  # attributes of the open <script>
        self.script_text = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler attribute {name}={value[:60]!r}")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and \
                    re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "vbscript:", "data:text")):
                self.problems.append(f"<{tag}> has a script URL {name}={value[:60]!r}")
        if tag in ("iframe", "object", "embed", "base", "form", "img", "svg", "math", "style", "link") and \
                any("monsite" in (v or "") for _, v in attrs):
            self.problems.append(f"<{tag}> built from data: {attrs!r:.100}")
        if tag == "script":
            self.script = dict(attrs)
            self.script_text = []

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            text = "".join(self.script_text)
            kind = self.script.get("type", "")
            if "src" in self.script:
                if text.strip():
                    self.problems.append("a <script src> with content")
            elif kind == "application/json":
                try:
                    json.loads(text)
                except ValueError as e:
                    self.problems.append(f"inline JSON script does not parse: {e}")
                if "<" in text:
                    self.problems.append("inline JSON script holds a raw '<'")
            elif "monsite-xss" in text or "alert(" in text:
                self.problems.append(f"inline script from data: {text[:80]!r}")
            self.script = None

    def handle_data(self, data):
        if self.script is not None:
            self.script_text.append(data)
        else:
            self.text.append(data)


def output_files(public):
    for folder, _, files in os.walk(public):
        for name in files:
            yield os.path.join(folder, name)


def file_texts(path):
    """The bytes to search in a file: itself, and every member of a zip (xlsx)."""
    with open(path, "rb") as f:
        data = f.read()
    yield data
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in z.namelist():
                yield z.read(name)


def xlsx_strings(path):
    """Every text of an xlsx: shared strings and inline strings, unescaped by an XML parser."""
    import xml.etree.ElementTree as ET
    texts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xml") and not name.endswith(".rels"):
                continue
            root = ET.fromstring(z.read(name))  # well-formed, or this raises
            for el in root.iter():
                if el.tag.endswith("}t") and el.text is not None:
                    texts.append(el.text)
    return texts


def json_strings(value, out):
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            out.add(k)
            json_strings(v, out)
    elif isinstance(value, list):
        for v in value:
            json_strings(v, out)
    return out


def check_outputs(root, work, public, exp, before_outside):
    after_outside = snapshot(root, skip=os.path.join("work", "public"))
    # The folder holding public/ changes its time when public/ is swapped in; nothing else may change.
    before_outside, after_outside = dict(before_outside), dict(after_outside)
    before_outside.pop("work", None)
    after_outside.pop("work", None)
    changes = diff(before_outside, after_outside)
    if changes:
        fail("files outside public/ changed:\n" + "\n".join(changes[:20]))

    real_public = os.path.realpath(public)
    count = 0
    folded = {}
    for folder, dirs, files in os.walk(public, followlinks=False):
        for name in dirs + files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, public).replace(os.sep, "/")
            if os.path.islink(path):
                fail(f"published a link: {rel}")
            if not SAFE_PATH.match(rel) or any(p in (".", "..") for p in rel.split("/")):
                fail(f"unsafe published path: {rel!r}")
            if not os.path.realpath(path).startswith(real_public + os.sep):
                fail(f"published outside public/: {rel!r}")
            # Copied to a case-insensitive disk, two names must stay two files.
            if rel.lower() in folded:
                fail(f"published paths differ only in case: {rel!r} and {folded[rel.lower()]!r}")
            folded[rel.lower()] = rel
            device = rel.split("/")[-1].split(".")[0].lower()
            if device in ("con", "prn", "aux", "nul") or re.fullmatch(r"(com|lpt)[0-9]", device):
                fail(f"published a Windows device name: {rel!r}")
            if name in files:
                count += 1
    if count == 0:
        fail("nothing was published")

    for path in output_files(public):
        rel = os.path.relpath(path, public)
        if path.endswith(".html"):
            with open(path, encoding="utf-8", errors="strict") as f:
                text = f.read()
            scan = PageScan()
            scan.feed(text)
            scan.close()
            for p in scan.problems:
                fail(f"{rel}: {p}")
            if exp.get("markup"):
                for raw in make_hostile.RAW_MARKUP:
                    if raw in text:
                        fail(f"{rel}: raw markup from the data: {raw!r}")
            if "\0" in text:
                fail(f"{rel}: a NUL character in a page")
        elif path.endswith(".json"):
            with open(path, encoding="utf-8") as f:
                try:
                    json.load(f)
                except ValueError as e:
                    fail(f"{rel}: not valid JSON: {e}")
        elif path.endswith(".xml") or path.endswith(".xlsx"):
            try:
                if path.endswith(".xlsx"):
                    xlsx_strings(path)
                else:
                    import xml.etree.ElementTree as ET
                    ET.parse(path)
            except Exception as e:  # noqa: BLE001
                fail(f"{rel}: not well-formed: {e}")
        elif path.endswith(".csv"):
            # A school's CSV for people (data/schools/) is ";"-separated on a Russian site.
            delimiter = ";" if rel.startswith("data/schools/") else ","
            with open(path, encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f, delimiter=delimiter))
            widths = {len(r) for r in rows}
            if len(widths) > 1:
                fail(f"{rel}: rows of different widths {sorted(widths)}")

    if exp.get("roundtrip"):
        with open(os.path.join(public, "data", "site.json"), encoding="utf-8") as f:
            in_json = json_strings(json.load(f), set())
        with open(os.path.join(public, "data", "schools.csv"), encoding="utf-8-sig", newline="") as f:
            in_csv = {v for row in csv.reader(f) for v in row}
        in_xlsx = set(xlsx_strings(os.path.join(public, "data", "monitoring.xlsx")))
        for text in exp["roundtrip"]:
            # In CSV a text that a spreadsheet would run as a formula gets a leading ' (data contract §7).
            inert = "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
            for where, values, expected in (("site.json", in_json, text), ("schools.csv", in_csv, inert),
                                            ("monitoring.xlsx", in_xlsx, text)):
                if expected not in values:
                    fail(f"{where}: the text {expected[:60]!r} does not come back as expected")

    if exp.get("distinct_school_pages"):
        pages = [d for d in os.listdir(os.path.join(public, "schools")) if os.path.isdir(os.path.join(public, "schools", d))]
        if len(pages) != exp["distinct_school_pages"]:
            fail(f"schools/: {len(pages)} school pages, expected {exp['distinct_school_pages']}: {sorted(pages)}")


def check_absent(public, exp, messages):
    """`absent`: in no output file and no message; `absent_outputs`: in no output file."""
    for a in exp.get("absent", []):
        if a.encode("utf-8") in messages:
            fail(f"messages hold {a!r}")
    absent = [s.encode("utf-8") for s in exp.get("absent", []) + exp.get("absent_outputs", [])]
    if not absent:
        return
    if not os.path.isdir(public):
        return
    for path in output_files(public):
        for data in file_texts(path):
            for a in absent:
                if a in data:
                    fail(f"{os.path.relpath(path, public)} holds {a.decode()!r}")


def check_no_network(monsite, work, root):
    """Where strace is installed: the build opens no network socket (external
    entities, external relationships and URLs in the data are never fetched)."""
    trace = os.path.join(root, "strace.txt")
    out = os.path.join(root, "strace-public")
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", trace, monsite, "build", "-q",
                    "--data", "data", "--out", out], cwd=work, capture_output=True, timeout=300)
    with open(trace, encoding="utf-8", errors="replace") as f:
        calls = [line for line in f if "AF_INET" in line or "AF_INET6" in line or "AF_NETLINK" in line]
    if calls:
        fail("network sockets opened:\n" + "".join(calls[:5]))
    else:
        print("  no network socket opened (strace)")
    shutil.rmtree(out, ignore_errors=True)
    os.remove(trace)


# --------------------------------------------------------------------------- main


def main():
    args = sys.argv[1:]
    keep = "--keep" in args
    args = [a for a in args if a != "--keep"]
    only = None
    if "--only" in args:
        i = args.index("--only")
        only = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    monsite, name = os.path.abspath(args[0]), args[1]
    if name not in make_hostile.CASES:
        sys.exit(f"unknown case {name}")

    asan = sanitized(monsite)
    root = tempfile.mkdtemp(prefix=f"monsite-hostile-{name}-")
    work = os.path.join(root, "work")
    public = os.path.join(work, "public")
    try:
        t0 = time.monotonic()
        exp = make_hostile.generate(name, work)
        os.rename(os.path.join(work, "expect.json"), os.path.join(root, "expect.json"))
        print(f"{name}: generated in {time.monotonic() - t0:.1f} s")
        os.makedirs(os.path.join(public, "data"))
        with open(os.path.join(public, "index.html"), "w") as f:
            f.write("an earlier build\n")
        with open(os.path.join(public, "data", "indicators.csv"), "w") as f:
            f.write("year,scope\n")
        outside_existed = {p: os.path.lexists(p) for p in exp.get("outside", [])}

        statuses = exp["status"] if isinstance(exp["status"], list) else [exp["status"]]
        seconds = exp.get("seconds", 30)
        rss_mib = exp.get("rss_mib", 1024)
        before = snapshot(root)
        before_outside = snapshot(root, skip=os.path.join("work", "public"))
        messages = b""
        results = {}
        for command in ("check", "build"):
            if only and command != only:
                continue
            args = ["check", "--data", "data"] if command == "check" else ["build", "-q", "--data", "data", "--out", "public"]
            limit = max(4 * seconds, 60) * (10 if asan else 1)
            status, out, err, took, rss = run(monsite, args, work, timeout=limit, asan=asan)
            messages += out + err
            results[command] = status
            rss_text = f"{rss:.0f} MiB" if rss is not None else "? MiB"
            print(f"  {command}: exit {status}, {took:.2f} s, peak RSS {rss_text}" + (" (sanitized build)" if asan else ""))
            if status is None:
                fail(f"{command}: did not finish in {limit} s")
                continue
            if status not in statuses:
                fail(f"{command}: exit status {status}, expected {' or '.join(map(str, statuses))}")
            if took > seconds and not asan:
                fail(f"{command}: took {took:.1f} s, more than {seconds} s")
            if rss is not None and rss > rss_mib and not asan:
                fail(f"{command}: peak RSS {rss:.0f} MiB, more than {rss_mib} MiB")
            text = err.decode("utf-8", errors="replace")
            # Errors in both commands; warnings only where printed (build -q prints errors only).
            if status == 2 or (status == 0 and command == "check"):
                for line in exp.get("stderr", []):
                    if line not in text:
                        fail(f"{command}: missing in the messages: {line}")
            if status == 2 and "Найдено ошибок" not in text:
                fail(f"{command}: no error summary")
            if status == 2 and command == "build":
                after = snapshot(root)
                changes = diff(before, after)
                if changes:
                    fail("a failed build changed files:\n" + "\n".join(changes[:20]))
            if status == 0 and command == "build":
                check_outputs(root, work, public, exp, before_outside)
            if status == 0 and command == "check":
                changes = diff(before, snapshot(root))
                if changes:
                    fail("check wrote files:\n" + "\n".join(changes[:20]))

        check_absent(public if results.get("build") == 0 else "", exp, messages)
        if exp.get("no_network") and shutil.which("strace") and not failures:
            check_no_network(monsite, work, root)
        for path, existed in outside_existed.items():
            if os.path.lexists(path) and not existed:
                fail(f"a file appeared outside the output folder: {path}")
        if failures:
            tail = messages.decode("utf-8", errors="replace").splitlines()
            print("--- messages (last 30 lines) ---")
            for line in tail[-30:]:
                print(line[:300])
            sys.exit(1)
        print(f"ok {name}")
    finally:
        if keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
