"""The report of `make mutants`: per statutory-rule module, the mutants run, killed, survived and equivalent.

Reads the results mutmut left in mutants/ and the list of equivalent mutants in docs/mutants-equivalent.md, whose
rows name the function, the line and what the mutant made of it (the changed text, not mutmut's mutant number,
which moves whenever the function changes). A survivor that matches a row is equivalent; every other survivor is
printed with its diff: a test is missing. Rows that no longer match a survivor are printed too, to be removed.

    .venv/bin/python bench/mutants.py [MODULE]      # e.g. core.deadlines; all modules without it

Exit status 1 when a module keeps a survivor that is not listed as equivalent.
"""

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from mutmut.mutation.data import SourceFileMutationData
from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

EQUIVALENT_LIST = Path("docs/mutants-equivalent.md")
MUTANT_NAME = re.compile(r"^(?P<module>.+)\.x(?:_|ǁ(?P<cls>[^ǁ]+)ǁ)(?P<function>.+?)__mutmut_\d+$")


def function_of(mutant_name: str) -> tuple[str, str]:
    """The module and the function (Class.method for a method) a mutant was made in."""
    match = MUTANT_NAME.match(mutant_name)
    if not match:
        return mutant_name.rpartition(".")[0], mutant_name
    function = match["function"] if not match["cls"] else f"{match['cls']}.{match['function']}"
    return match["module"], function


def changed_lines(diff: str) -> tuple[str, str]:
    """The line(s) a mutant changed, before and after, each stripped and joined by a space."""
    lines = diff.splitlines()[2:]  # after the ---/+++ header
    before = " ".join(line[1:].strip() for line in lines if line.startswith("-"))
    after = " ".join(line[1:].strip() for line in lines if line.startswith("+"))
    return before, after


def table_cells(row: str) -> list[str]:
    """The cells of a Markdown table row, `\\|` kept as a literal bar, each unwrapped from its backticks."""
    cells = re.split(r"(?<!\\)\|", row.strip().strip("|"))
    return [cell.strip().replace("\\|", "|").strip("`").strip() for cell in cells]


def read_equivalents() -> dict[tuple[str, str, str], str]:
    """(module.function, line, mutated line) -> the reason, from the tables of docs/mutants-equivalent.md."""
    equivalents = {}
    for row in EQUIVALENT_LIST.read_text(encoding="utf-8").splitlines():
        if not row.startswith("| `"):
            continue
        function, before, after, reason = table_cells(row)[:4]
        equivalents[(function, before, after)] = reason
    return equivalents


def main(module_prefix: str = "") -> int:
    equivalents = read_equivalents()
    matched: set[tuple[str, str, str]] = set()
    counts: dict[str, Counter] = defaultdict(Counter)
    real_survivors: list[tuple[str, str]] = []
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for mutant_name, exit_code in sorted(data.exit_code_by_key.items()):
            module, function = function_of(mutant_name)
            if module_prefix and not (module == module_prefix or module.startswith(module_prefix + ".")):
                continue
            status = status_by_exit_code[exit_code]
            tally = counts[module]
            tally["mutants"] += 1
            if status != "survived":
                tally[status] += 1
                continue
            before, after = changed_lines(get_diff_for_mutant(mutant_name, path=path))
            key = (f"{module}.{function}", before, after)
            if key in equivalents:
                matched.add(key)
                tally["equivalent"] += 1
            else:
                tally["survived"] += 1
                real_survivors.append((mutant_name, get_diff_for_mutant(mutant_name, path=path)))

    columns = ["mutants", "killed", "survived", "equivalent", "no tests", "timeout", "not checked"]
    print(f"\n| module | {' | '.join(columns)} | killed of non-equivalent |")
    print(f"|---|{'---:|' * (len(columns) + 1)}")
    for module, tally in sorted(counts.items()):
        others = tally["mutants"] - tally["equivalent"]
        score = f"{100 * tally['killed'] / others:.0f} %" if others else "—"
        print(f"| `{module}` | {' | '.join(str(tally[column]) for column in columns)} | {score} |")
    other_statuses = {status for tally in counts.values() for status in tally} - {*columns}
    if other_statuses:
        print(f"\nOther results: {', '.join(sorted(other_statuses))} (see `mutmut browse`).")

    for mutant_name, diff in real_survivors:
        print(f"\nSURVIVED {mutant_name}\n{diff}")
    run_modules = tuple(f"{module}." for module in counts)
    stale = [key for key in equivalents if key not in matched and key[0].startswith(run_modules)]
    for function, before, after in stale:
        print(f"\nNo longer a surviving mutant, remove from {EQUIVALENT_LIST}: {function}: {before} -> {after}")
    return 1 if real_survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
