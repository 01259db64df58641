"""Refresh the web UI's vendored JavaScript under ``src/claimgraph/web/static/vendor``.

Usage (from the repository root; needs ``npm`` and its configured registry)::

    python scripts/vendor_static.py            # fetch the pinned versions, rewrite MANIFEST.json
    python scripts/vendor_static.py --check    # only verify the files against MANIFEST.json

The server never fetches anything: the pages load these files from the
package itself, so the workbench runs offline and no CDN sees what an
analyst looks at.  Each asset is taken from its npm package with
``npm pack`` (the registry is whatever npm is configured with), one built
file is copied out of the tarball next to the package's licence, and
``MANIFEST.json`` records the package, version, file and SHA-256 of each.
A test checks the files against the manifest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "src" / "claimgraph" / "web" / "static" / "vendor"

# (npm package, version, file inside the package, name it is saved under, licence file inside the package)
ASSETS = [
    ("htmx.org", "2.0.11", "dist/htmx.min.js", "htmx.min.js", "LICENSE"),
    ("cytoscape", "3.35.0", "dist/cytoscape.min.js", "cytoscape.min.js", "LICENSE"),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(package: str, version: str, member: str, name: str, licence: str, workdir: Path) -> dict[str, str]:
    """``npm pack`` one package version and copy its built file and licence into VENDOR."""
    out = subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--silent", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = workdir / out.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        for inner, target in ((member, name), (licence, f"{name}.LICENSE.txt")):
            data = tar.extractfile(f"package/{inner}")
            if data is None:
                raise SystemExit(f"{package}@{version} has no {inner}")
            (VENDOR / target).write_bytes(data.read())
    return {
        "package": package,
        "version": version,
        "file": name,
        "licence": f"{name}.LICENSE.txt",
        "sha256": sha256(VENDOR / name),
    }


def check() -> int:
    """Exit status 1 when a vendored file is missing or differs from its manifest entry."""
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))
    bad = [
        a["file"]
        for a in manifest["assets"]
        if not (VENDOR / a["file"]).is_file() or sha256(VENDOR / a["file"]) != a["sha256"]
    ]
    for name in bad:
        print(f"vendor_static: {name} does not match MANIFEST.json", file=sys.stderr)
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify the files against MANIFEST.json only")
    args = parser.parse_args()
    if args.check:
        return check()
    VENDOR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        entries = [fetch(*asset, Path(tmp)) for asset in ASSETS]
    manifest = {"note": "written by scripts/vendor_static.py; do not edit by hand", "assets": entries}
    (VENDOR / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    for e in entries:
        print(f"{e['package']}@{e['version']}: {e['file']} {e['sha256']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
