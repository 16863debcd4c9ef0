"""Records the corpus's results on Taichi's serial CPU backend, for deterministic mode's comparison.

    python test/taichi/export_serial.py [--out DIR] [--only GROUP ...]

Runs every case whose oracle is the CPU backend (not refused) with
ti.init(arch=ti.cpu, cpu_max_num_threads=1, fast_math=False): one thread runs every loop in index
order, as taichi-wasm's deterministic mode does, and every float operation is rounded on its own
(with Taichi's default fast_math, LLVM fuses some a * b + c into one fma, a choice of its own that
no GPU run can follow; deterministic mode rounds each operation, as this run does). Writes <array>.serial.npy beside the expected values that
export.py wrote in DIR/taichi/<group>/<case>/ (run export.py first: the inputs are the same
seeded arrays). test/taichi/deterministic.test.ts compares them bit for bit; docs/deterministic.md
explains the differences.
"""

import argparse
import importlib
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402
import export  # noqa: E402


def export_group(ti, group, out_dir):
    ti.init(arch=ti.cpu, cpu_max_num_threads=1, fast_math=False, offline_cache=False, log_level=ti.WARN)
    _, cases, graphs, _ = export.load_group(ti, group)
    # Draws of ti.random() are compared by their statistics: their bits differ by generator.
    serial = [c for c in cases if c.oracle == "cpu" and not c.refused and not c.compare]
    compiled = {name: g.build() for name, g in graphs.items()} if serial else {}
    for c in serial:
        arrays, results = export.run_case(ti, group, c, compiled)
        d = out_dir / group / c.name
        if not d.is_dir():
            raise RuntimeError(f"{d}: no case folder; run export.py first")
        for a in arrays:
            if a in c.outputs:
                np.save(d / f"{a.name}.serial.npy", results[a.name][1])
    ti.reset()
    return len(serial)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--only", nargs="*", default=None, help="groups to run (default: every case file)")
    args = parser.parse_args()
    ti = importlib.import_module("taichi")
    corpus.ti = ti
    export.os.environ["TAICHI_EXPORTER"] = "taichi"
    out_dir = args.out / "taichi"
    groups = args.only or sorted(p.stem for p in (HERE / "cases").glob("*.py") if not p.stem.startswith("_"))
    total = 0
    for group in groups:
        n = export_group(ti, group, out_dir)
        print(f"serial cpu: {group}: {n} cases")
        total += n
    print(f"serial cpu: {total} cases in {len(groups)} groups -> {out_dir}")


if __name__ == "__main__":
    main()
