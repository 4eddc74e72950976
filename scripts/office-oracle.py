#!/usr/bin/env python3
"""LibreOffice Writer word/character-count oracle for borang's `office` word count.

Reads a cases file (a JSON list of {"name": ..., "text": ...}), writes every text to its own
UTF-8 .txt file, converts them all to .odt in ONE headless soffice run, and reads Writer's own
document statistics from each odt's meta.xml (meta:word-count, meta:character-count,
meta:non-whitespace-character-count).

Modes:
  --write   regenerate the table (default tests/data/office-oracle.json)
  --check   compare LibreOffice's live figures with the committed table; exit 1 on any difference
  --print   print the figures as a table (no file written); handy for exploring

The table is generated, never hand-edited. Stdlib only.

Examples:
  python3 scripts/office-oracle.py --write
  python3 scripts/office-oracle.py --check
  python3 scripts/office-oracle.py --print --cases /tmp/my-cases.json
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")
DEFAULT_CASES = os.path.join(DATA, "office-cases.json")
DEFAULT_TABLE = os.path.join(DATA, "office-oracle.json")

META_NS = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
INFILTER = "Text (encoded):UTF8,,,"


def find_soffice(explicit):
    for cand in (explicit, os.environ.get("SOFFICE"), "soffice", "libreoffice"):
        if cand and shutil.which(cand):
            return shutil.which(cand)
    return None


def soffice_version(soffice):
    try:
        out = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=60)
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def load_cases(path):
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)
    if not isinstance(cases, list):
        sys.exit(f"{path}: expected a JSON list")
    seen = set()
    for i, c in enumerate(cases):
        if not isinstance(c, dict) or not isinstance(c.get("name"), str) or not isinstance(c.get("text"), str):
            sys.exit(f"{path}: case {i} needs string fields 'name' and 'text'")
        if c["name"] in seen:
            sys.exit(f"{path}: duplicate case name {c['name']!r}")
        seen.add(c["name"])
    return cases


def _read_stats(odt):
    with zipfile.ZipFile(odt) as z:
        meta = ET.fromstring(z.read("meta.xml"))
    stat = meta.find(f".//{{{META_NS}}}document-statistic")
    if stat is None:
        return None

    def get(attr):
        return int(stat.get(f"{{{META_NS}}}{attr}", "0"))

    return {
        "words": get("word-count"),
        "chars": get("character-count"),
        "charsNoSpaces": get("non-whitespace-character-count"),
    }


def run_soffice(soffice, cases, profile, strict=True):
    """Returns one dict {words, chars, charsNoSpaces} per case, converting all cases in as few
    soffice runs as possible. soffice converts files in order; if it stops (a file it cannot
    load, a crash), the first missing file is skipped and the rest converted in a new run.
    With strict=True any case without statistics is an error; otherwise it gets None."""
    work = tempfile.mkdtemp(prefix="office-oracle-")
    try:
        indir = os.path.join(work, "in")
        outdir = os.path.join(work, "out")
        os.makedirs(indir)
        os.makedirs(outdir)
        paths = []
        for i, case in enumerate(cases):
            p = os.path.join(indir, f"case{i:04d}.txt")
            # Exact bytes: no newline translation, no BOM.
            with open(p, "wb") as f:
                f.write(case["text"].encode("utf-8"))
            paths.append(p)
        results = [None] * len(cases)
        pending = list(range(len(cases)))
        log = []
        while pending:
            cmd = [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                f"--infilter={INFILTER}",
                "--convert-to",
                "odt",
                "--outdir",
                outdir,
            ] + [paths[i] for i in pending]
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
            log.append(proc.stdout + proc.stderr)
            still = []
            for i in pending:
                odt = os.path.join(outdir, f"case{i:04d}.odt")
                if os.path.exists(odt):
                    results[i] = _read_stats(odt)
                if results[i] is None:
                    still.append(i)
            if not still:
                break
            # Skip the first failure (the file soffice choked on) and retry the rest.
            pending = still[1:]
        missing = [cases[i]["name"] for i, r in enumerate(results) if r is None]
        if missing and strict:
            sys.stderr.write("".join(log)[-4000:])
            sys.exit(f"soffice produced no statistics for: {', '.join(missing)}")
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="regenerate the oracle table")
    mode.add_argument("--check", action="store_true", help="compare live LibreOffice figures with the table")
    mode.add_argument("--print", action="store_true", help="print LibreOffice figures only")
    ap.add_argument("--cases", default=DEFAULT_CASES)
    ap.add_argument("--table", default=DEFAULT_TABLE)
    ap.add_argument("--soffice", default=None, help="soffice binary (default: $SOFFICE or PATH)")
    ap.add_argument(
        "--profile",
        default="file:///tmp/lo-profile-oracle",
        help="LibreOffice user installation URL (a private profile)",
    )
    args = ap.parse_args()

    soffice = find_soffice(args.soffice)
    if soffice is None:
        sys.exit("soffice not found (install libreoffice-writer-nogui or pass --soffice)")

    cases = load_cases(args.cases)
    figures = run_soffice(soffice, cases, args.profile)
    rows = [dict(name=c["name"], text=c["text"], **f) for c, f in zip(cases, figures)]

    if args.print:
        w = max(len(r["name"]) for r in rows) if rows else 4
        print(f"{'name':<{w}}  words  chars  nospace  text")
        for r in rows:
            print(f"{r['name']:<{w}}  {r['words']:>5}  {r['chars']:>5}  {r['charsNoSpaces']:>7}  {r['text'][:60]!r}")
        return 0

    if args.write:
        with open(args.table, "w", encoding="utf-8", newline="\n") as f:
            json.dump(rows, f, ensure_ascii=True, indent=1)
            f.write("\n")
        print(f"wrote {len(rows)} cases to {os.path.relpath(args.table, ROOT)} ({soffice_version(soffice)})")
        return 0

    # --check
    try:
        with open(args.table, encoding="utf-8") as f:
            table = json.load(f)
    except FileNotFoundError:
        sys.exit(f"{args.table} missing; run with --write")
    by_name = {r["name"]: r for r in table}
    problems = []
    for r in rows:
        t = by_name.pop(r["name"], None)
        if t is None:
            problems.append(f"{r['name']}: not in the table (run --write)")
            continue
        if t.get("text") != r["text"]:
            problems.append(f"{r['name']}: text differs between cases and table (run --write)")
        for k in ("words", "chars", "charsNoSpaces"):
            if t.get(k) != r[k]:
                problems.append(f"{r['name']}: {k} table={t.get(k)} libreoffice={r[k]}")
    for name in by_name:
        problems.append(f"{name}: in the table but not in the cases file")
    if problems:
        print(f"office oracle: {len(problems)} difference(s) ({soffice_version(soffice)}):")
        for p in problems:
            print("  " + p)
        return 1
    print(f"office oracle: all {len(rows)} cases agree with LibreOffice ({soffice_version(soffice)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
