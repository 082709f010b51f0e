"""No two modules of the project import each other, directly or through others (issue 9).

import-linter's ``acyclic_siblings`` contract (pyproject) checks siblings at every depth but not a package
against its own modules (``web.staff`` <-> ``web.staff.routes``); this test checks the whole module graph,
function-local imports included, so a cycle cannot hide inside a function either.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import grimp

PROJECT = ("cli", "web", "worker", "sar", "deadlines", "redaction")


def import_cycles(graph: grimp.ImportGraph, roots: tuple[str, ...]) -> list[list[str]]:
    """Every strongly connected set of more than one project module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def inside(module: str) -> bool:
        return module.split(".")[0] in roots

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if not inside(imported):
                continue
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph.modules):
        if inside(module) and module not in index:
            visit(module)
    return sorted(cycles)


def test_the_project_has_no_import_cycle():
    graph = grimp.build_graph(*PROJECT, exclude_type_checking_imports=True)
    assert import_cycles(graph, PROJECT) == []


def test_a_cycle_through_a_third_module_or_a_package_is_found():
    graph = grimp.ImportGraph()
    for module in ("pkg", "pkg.a", "pkg.b", "pkg.c", "pkg.d", "other"):
        graph.add_module(module)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    graph.add_import(importer="pkg.c", imported="pkg.a")  # a -> b -> c -> a
    graph.add_import(importer="pkg", imported="pkg.d")
    graph.add_import(importer="pkg.d", imported="pkg")  # a package and its own module
    graph.add_import(importer="pkg.d", imported="other")  # one way only: no cycle
    assert import_cycles(graph, ("pkg", "other")) == [["pkg", "pkg.d"], ["pkg.a", "pkg.b", "pkg.c"]]


def _pyproject_layers(name: str) -> list[str]:
    config = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["name"] == name)
    return contract["layers"]


def upward_imports(graph: grimp.ImportGraph, container: str, layers: list[str]) -> list[tuple[str, str]]:
    """Direct imports from a module of a lower layer (``a | b``: one layer) into a higher one, sorted."""
    rank = {f"{container}.{name.strip()}": i for i, layer in enumerate(layers) for name in layer.split("|")}

    def layer_of(module: str) -> int | None:
        parts = module.split(".")
        return rank.get(".".join(parts[:2])) if len(parts) >= 2 else None

    found = []
    for module in sorted(graph.modules):
        low = layer_of(module)
        if low is None:
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            high = layer_of(imported)
            if high is not None and high < low:
                found.append((module, imported))
    return sorted(found)


def test_sar_capabilities_import_only_downwards():
    """reports | retention | disclosure | ops → intake → bundle → release | accounts → confidentiality →
    messaging | searching → workflow → core → models (issue 9).

    The same order as import-linter's "sar capability order" layers contract, read from pyproject; this
    also sees function-local imports. Every capability package of sar has its place in the order.
    """
    layers = _pyproject_layers("sar capability order")
    assert layers[-1] == "models"
    placed = {name.strip() for layer in layers for name in layer.split("|")}
    packages = {p.name for p in (Path(__file__).parents[1] / "sar").iterdir() if (p / "__init__.py").exists()}
    assert packages == placed, f"not in the capability order: {sorted(packages - placed)}"
    graph = grimp.build_graph("sar", exclude_type_checking_imports=True)
    assert upward_imports(graph, "sar", layers) == []


def test_an_upward_import_is_found():
    graph = grimp.ImportGraph()
    for module in ("pkg", "pkg.top", "pkg.top.a", "pkg.mid", "pkg.side", "pkg.low.b"):
        graph.add_module(module)
    graph.add_import(importer="pkg.top.a", imported="pkg.low.b")  # downwards: fine
    graph.add_import(importer="pkg.low.b", imported="pkg.mid")  # upwards
    graph.add_import(importer="pkg.side", imported="pkg.top")  # a package outside the layers: not checked
    assert upward_imports(graph, "pkg", ["top", "mid | other", "low"]) == [("pkg.low.b", "pkg.mid")]
