"""No two modules of the project import each other, directly or through others (issue 9).

import-linter's ``acyclic_siblings`` contract (pyproject) checks siblings at every depth but not a package
against its own modules (``web.staff`` <-> ``web.staff.routes``); this test checks the whole module graph,
function-local imports included, so a cycle cannot hide inside a function either.
"""

from __future__ import annotations

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
