#!/usr/bin/env python3
"""CI gate run by scripts/test.sh when CI=true: fails if any test was skipped (CTest "notrun": exit
77, a QSKIP turned into 77 by tests/support/run-test.sh, or a test registered by
spectray_missing_test because a tool is missing), or if a tests/**/tst_*.cpp has no CTest test of
that name (left unregistered, e.g. behind an if() on a missing tool).

With --all-must-run it also fails when a registered test is in none of the reports (left out of
every CTest run, e.g. by a label filter that no run covers).

usage: check-test-report.py --build BUILD_DIR [--all-must-run] --junit FILE.xml [FILE.xml ...]
"""
import argparse
import json
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET


def skipped_tests(junit_files):
    """(name, reason) of every test case CTest did not run to a pass or fail."""
    out = []
    for path in junit_files:
        for case in ET.parse(path).getroot().iter("testcase"):
            if case.get("status") in ("notrun", "disabled"):
                skip = case.find("skipped")
                text = (case.findtext("system-out") or "").strip().splitlines()
                why = [line for line in text if "SKIP" in line] or [skip.get("message", "") if skip is not None else ""]
                out.append((case.get("name"), why[0][:200]))
    return out


def reported_tests(junit_files):
    return {case.get("name") for path in junit_files for case in ET.parse(path).getroot().iter("testcase")}


def registered_tests(build_dir):
    shown = subprocess.run(["ctest", "--test-dir", build_dir, "--show-only=json-v1"],
                           check=True, capture_output=True, text=True).stdout
    return {t["name"] for t in json.loads(shown)["tests"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--junit", nargs="+", required=True)
    parser.add_argument("--all-must-run", action="store_true")
    args = parser.parse_args()
    ok = True

    skipped = skipped_tests(args.junit)
    for name, why in skipped:
        print(f"CI: test {name} was skipped: {why}")
    if skipped:
        print(f"CI: {len(skipped)} test(s) skipped; in CI every tool is installed (scripts/install-deps.sh --test),"
              " so a skip is a failure")
        ok = False

    root = pathlib.Path(__file__).resolve().parent.parent
    names = registered_tests(args.build)
    sources = sorted(p.stem for p in (root / "tests").rglob("tst_*.cpp"))
    missing = [s for s in sources if s not in names]
    for s in missing:
        print(f"CI: tests/**/{s}.cpp is not registered with CTest as a test named {s}")
    if missing:
        ok = False

    if args.all_must_run:
        not_run = sorted(names - reported_tests(args.junit))
        for name in not_run:
            print(f"CI: test {name} is registered but no CTest run in this job ran it")
        if not_run:
            ok = False

    print(f"CI: {len(names)} tests registered, {len(sources)} tst_*.cpp sources, {len(skipped)} skipped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
