"""Exports every example into examples/modules/ (`npm run examples`). With an argument, the
Taichi to export with: `taichi` (default) or `forge` (taichi-forge 0.7, into examples/modules/forge/);
TAICHI_EXAMPLES_OUT moves the output."""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = ["fill_matmul", "fractal", "mpm88", "mpm3D", "implicit_fem", "texture"]

if __name__ == "__main__":
    env = dict(os.environ, TAICHI_EXPORTER=sys.argv[1] if len(sys.argv) > 1 else "taichi")
    for name in EXAMPLES:
        subprocess.run([sys.executable, os.path.join(HERE, f"{name}.py")], check=True, env=env)
