"""Install truth (issue 17): what the package imports is what ``pip install .`` brings, with any pip.

``pip install -e .`` with the stock pip of Python 3.11 once gave a trafilatura
whose import failed: trafilatura imports ``lxml.html.clean``, which lxml 5.2
moved into the ``lxml_html_clean`` distribution, required by lxml only under
an extra.  A newer pip (the Makefile's upgrade) happened to hide it.  The
check here does not depend on which pip ran: every distribution that importing
all of claimgraph's modules loads must follow from ``[project].dependencies``
through requirements that are not behind an extra nobody asked for.  (The CI
also installs once with the stock pip: ``make install-check``.)
"""

from __future__ import annotations

import importlib.metadata as metadata
import json
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
# A fresh interpreter imports every module of the package and lists the top-level modules then loaded.
PROBE = """
import json, pkgutil, importlib, sys
import claimgraph
for info in pkgutil.walk_packages(claimgraph.__path__, "claimgraph."):
    importlib.import_module(info.name)
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def _applies(requirement: Requirement, extras: set[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**default_environment(), "extra": e}) for e in extras or {""})


def installed_closure(requirements: list[Requirement]) -> set[str]:
    """The distributions ``requirements`` bring, following each one's own requirements that apply."""
    seen: set[str] = set()
    todo = [(r, set(r.extras)) for r in requirements if _applies(r, set())]
    while todo:
        requirement, extras = todo.pop()
        name = canonicalize_name(requirement.name)
        key = name + "[" + ",".join(sorted(extras)) + "]"
        if key in seen:
            continue
        seen.add(key)
        for line in metadata.requires(requirement.name) or []:
            child = Requirement(line)
            if _applies(child, extras):
                todo.append((child, set(child.extras)))
    return {key.split("[")[0] for key in seen}


def declared() -> list[Requirement]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project["dependencies"]]


def test_every_distribution_the_package_loads_is_brought_by_its_declared_dependencies() -> None:
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300, check=True)
    loaded = json.loads(run.stdout.strip().splitlines()[-1])
    providers = metadata.packages_distributions()
    used = {canonicalize_name(d) for module in loaded for d in providers.get(module, [])}
    brought = installed_closure(declared())
    assert "lxml-html-clean" in used  # trafilatura's lxml.html.clean: the distribution the finding was about
    assert used - {"claimgraph"} <= brought, sorted(used - brought - {"claimgraph"})


def test_a_requirement_behind_an_extra_is_not_counted_as_brought() -> None:
    # lxml lists lxml_html_clean only under its html-clean extra: without a direct requirement it is not installed
    assert "lxml-html-clean" not in installed_closure([Requirement("lxml")])
    assert "lxml-html-clean" in installed_closure([Requirement("lxml[html-clean]")])
