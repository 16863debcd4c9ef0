"""The project's mpm3D example (examples/mpm3D.py) vs the exporter's CPU backend: its four
substep kernels on a 64^3 grid (compiled in), and its update graph (50 substeps, 200 dispatches),
on 512 particles. The grid is not compared (4 MiB of expected data a case): the particles'
state after g2p is what the grid's momenta made."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "examples"))

import mpm3D as mpm  # noqa: E402

from corpus import case, graph, mat, nd, ti, uniform, vec  # noqa: E402

PARTICLES = 512
SUBSTEPS = 2
G = mpm.GRID

x = vec(3, ti.f32, (PARTICLES,), uniform(0.3, 0.7))
v = vec(3, ti.f32, (PARTICLES,), uniform(-1, 1))
C = mat(3, 3, ti.f32, (PARTICLES,))
J = nd(ti.f32, (PARTICLES,), [1.0] * PARTICLES)
grid_v = vec(3, ti.f32, (G, G, G))
grid_m = nd(ti.f32, (G, G, G))
substep = [
    (mpm.substep_reset_grid, grid_v, grid_m),
    (mpm.substep_p2g, x, v, C, J, grid_v, grid_m),
    (mpm.substep_update_grid_v, grid_v, grid_m, 0.0, -9.8, 0.0),
    (mpm.substep_g2p, x, v, C, J, grid_v),
]
case(
    "mpm3d_substeps",
    *substep * SUBSTEPS,
    out=[x, v, C, J],
    rtol=1e-4,
    atol=1e-4,
    why="grid momenta are sums of f32 atomic adds in any order",
)


@graph("update")
def build_update():
    return mpm.graphs()["update"]


def state():
    return {
        "x": vec(3, ti.f32, (PARTICLES,), uniform(0.3, 0.7)),
        "v": vec(3, ti.f32, (PARTICLES,), uniform(-1, 1)),
        "C": mat(3, 3, ti.f32, (PARTICLES,)),
        "J": nd(ti.f32, (PARTICLES,), [1.0] * PARTICLES),
        "grid_v": vec(3, ti.f32, (G, G, G)),
        "grid_m": nd(ti.f32, (G, G, G)),
    }


s = state()
case(
    "mpm3d_update_graph_50_substeps",
    (build_update, {**s, "g_x": 0.0, "g_y": -9.8, "g_z": 0.0}),
    out=[s["x"], s["v"], s["C"], s["J"]],
    rtol=1e-3,
    atol=1e-3,
    why="grid momenta are sums of f32 atomic adds in any order, 50 substeps over (J and C amplify them most)",
)
