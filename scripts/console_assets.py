"""Refresh the console's compiled front-end assets from the npm registry (`make assets`).

Fetches ``govuk-frontend`` (the version govuk-frontend-jinja is verified against) and
``@ministryofjustice/frontend`` with ``npm pack``, copies their compiled CSS and JS into
``console/static/`` and records the versions in ``console/static/VERSIONS``. The GOV.UK
typeface (GDS Transport) and the crown/crest are reserved for GOV.UK itself: their
``@font-face`` rules and image references are removed from the CSS and neither is copied.
Needs Node's ``npm``; ``make run`` does not (the results are committed).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

GOVUK_FRONTEND = "6.3.0"  # govuk-frontend-jinja 4.1.0 is verified against govuk-frontend 6.3.0
MOJ_FRONTEND = "11.1.0"  # peer dependency govuk-frontend ^6.0.0

STATIC = Path(__file__).resolve().parent.parent / "console" / "static"

# (package, version, path inside the tarball, file name under static/<dir>/)
FILES = [
    ("govuk-frontend", GOVUK_FRONTEND, "package/dist/govuk/govuk-frontend.min.css", "govuk"),
    ("govuk-frontend", GOVUK_FRONTEND, "package/dist/govuk/govuk-frontend.min.js", "govuk"),
    ("@ministryofjustice/frontend", MOJ_FRONTEND, "package/moj/moj-frontend.min.css", "moj"),
    ("@ministryofjustice/frontend", MOJ_FRONTEND, "package/moj/moj-frontend.min.js", "moj"),
]

RESERVED = ("GDS Transport", "govuk-crest", "govuk-logotype-crown")


def strip_reserved(css: str) -> str:
    """The CSS without the GOV.UK typeface and crown: no @font-face for GDS Transport, the
    font stack starting at Arial, no crest images, no source-map comment."""
    css = re.sub(r"@font-face\{[^}]*GDS Transport[^}]*\}", "", css)
    css = re.sub(r'"?GDS Transport"?,\s*', "", css)
    css = re.sub(r"url\(/assets/images/(govuk-crest|govuk-logotype-crown)[^)]*\)", "none", css)
    return re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)


def strip_source_map(js: str) -> str:
    """The JS without its source-map comment (the maps are not shipped)."""
    return re.sub(r"//# sourceMappingURL=\S+\s*$", "", js)


def fetch(package: str, version: str, into: Path) -> Path:
    """``npm pack package@version`` into ``into``; the tarball's path."""
    result = subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--silent", "--pack-destination", str(into)],
        capture_output=True,
        text=True,
        check=True,
    )
    return into / result.stdout.strip().splitlines()[-1]


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        tarballs: dict[str, Path] = {}
        for package, version, member, directory in FILES:
            if package not in tarballs:
                tarballs[package] = fetch(package, version, Path(temp))
            with tarfile.open(tarballs[package]) as archive:
                extracted = archive.extractfile(member)
                assert extracted is not None, member
                text = extracted.read().decode("utf-8")
            text = strip_reserved(text) if member.endswith(".css") else strip_source_map(text)
            if any(word in text for word in RESERVED if member.endswith(".css")):
                print(f"{member}: reserved GOV.UK asset still referenced", file=sys.stderr)
                return 1
            target = STATIC / directory / Path(member).name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print(f"{package}@{version}: {target.relative_to(STATIC.parent.parent)}")
    (STATIC / "VERSIONS").write_text(
        "# Compiled assets under console/static/, refreshed by `make assets` "
        "(scripts/console_assets.py).\n"
        "# Typeface (GDS Transport) and crown removed: reserved for GOV.UK.\n"
        f"govuk-frontend {GOVUK_FRONTEND}\n"
        f"@ministryofjustice/frontend {MOJ_FRONTEND}\n",
        encoding="utf-8",
    )
    shutil.rmtree(Path(temp), ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
