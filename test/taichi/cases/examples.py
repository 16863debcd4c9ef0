"""The project's own example programs (examples/*.py), run from given states and compared with
the exporter's CPU backend: the kernels and graphs that examples/modules/*.tcm hold."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "examples"))

import fill_matmul  # noqa: E402
import fractal  # noqa: E402
import implicit_fem as fem  # noqa: E402
import mpm88  # noqa: E402
import texture as tex  # noqa: E402

from corpus import case, graph, mat, nd, texture, ti, uniform, vec  # noqa: E402

case(
    "fractal",
    (fractal.fractal, 0.9, canvas := nd(ti.f32, (64, 32))),
    out=[canvas],
    atol=0.021,
    why="an escape-time count: one f32 rounding near the escape radius may change a pixel by one iteration (0.02)",
)


@graph("fill_matmul")
def build_fill_matmul():
    A, K = ti.graph.Arg, ti.graph.ArgKind
    a, b, c = (A(K.NDARRAY, n, ti.f32, ndim=2) for n in "abc")
    va, vb, k = (A(K.SCALAR, n, ti.f32) for n in ("va", "vb", "k"))
    offset = A(K.SCALAR, "offset", ti.i32)
    g = ti.graph.GraphBuilder()
    g.dispatch(fill_matmul.fill, a, va)
    g.dispatch(fill_matmul.fill, b, vb)
    g.dispatch(fill_matmul.matmul, a, b, c)
    g.dispatch(fill_matmul.scale, c, k, offset)
    return g.compile()


case(
    "fill_matmul_graph",
    (build_fill_matmul, {"a": nd(ti.f32, (7, 5)), "b": nd(ti.f32, (5, 9)), "c": (c := nd(ti.f32, (7, 9))), "va": 1.5, "vb": -0.25, "k": 2.0, "offset": 3}),
    out=[c],
    why="sums of dyadic products: exact",
)

PARTICLES = 1024


@graph("mpm88_update")
def build_mpm88():
    """mpm88's update graph with 5 substeps instead of 50 (the same dispatches; a shorter run)."""
    A, K = ti.graph.Arg, ti.graph.ArgKind
    x = A(K.NDARRAY, "x", ti.math.vec2, ndim=1)
    v = A(K.NDARRAY, "v", ti.math.vec2, ndim=1)
    C = A(K.NDARRAY, "C", ti.math.mat2, ndim=1)
    J = A(K.NDARRAY, "J", ti.f32, ndim=1)
    grid_v = A(K.NDARRAY, "grid_v", ti.math.vec2, ndim=2)
    grid_m = A(K.NDARRAY, "grid_m", ti.f32, ndim=2)
    pos = A(K.NDARRAY, "pos", ti.math.vec3, ndim=1)
    g = ti.graph.GraphBuilder()
    for _ in range(5):
        g.dispatch(mpm88.substep_reset_grid, grid_v, grid_m)
        g.dispatch(mpm88.substep_p2g, x, v, C, J, grid_v, grid_m)
        g.dispatch(mpm88.substep_update_grid_v, grid_v, grid_m)
        g.dispatch(mpm88.substep_g2p, x, v, C, J, grid_v, pos)
    return g.compile()


def mpm88_state(rng, shape, dt):
    return rng.uniform(0.2, 0.6, shape).astype(dt)


case(
    "mpm88_update_5_substeps",
    (
        build_mpm88,
        {
            "x": (x := vec(2, ti.f32, (PARTICLES,), mpm88_state)),
            "v": (v := vec(2, ti.f32, (PARTICLES,), uniform(-1, 1))),
            "C": mat(2, 2, ti.f32, (PARTICLES,)),
            "J": nd(ti.f32, (PARTICLES,), np.ones(PARTICLES)),
            "grid_v": vec(2, ti.f32, (mpm88.GRID, mpm88.GRID)),
            "grid_m": nd(ti.f32, (mpm88.GRID, mpm88.GRID)),
            "pos": (pos := vec(3, ti.f32, (PARTICLES,))),
        },
    ),
    out=[x, v, pos],
    rtol=1e-3,
    atol=1e-3,
    why="particle-to-grid scatters by f32 atomic adds in any order, 5 times over",
)


@graph("fem_init")
def build_fem_init():
    return fem.graphs()["init"]


@graph("fem_step")
def build_fem_step():
    return fem.graphs()["step"]


def fem_args(**given):
    v2 = lambda: vec(2, ti.f32, (fem.NODES,))  # noqa: E731
    args = {k: v2() for k in ("f", "b", "r", "p", "Ap", "u")}
    args.update({k: nd(ti.f32, ()) for k in ("rr", "rr_new", "pAp", "alpha", "beta")})
    args.update(given)
    return args


x = vec(2, ti.f32, (fem.NODES,))
v = vec(2, ti.f32, (fem.NODES,))
tri = vec(3, ti.i32, (fem.TRIANGLES,))
B = mat(2, 2, ti.f32, (fem.TRIANGLES,))
W = nd(ti.f32, (fem.TRIANGLES,))
step_args = fem_args(x=x, v=v, triangles=tri, B=B, W=W, dt=0.01)
case(
    "implicit_fem_cg_5_steps",
    (build_fem_init, {"x": x, "v": v, "triangles": tri, "B": B, "W": W}),
    *[(build_fem_step, step_args)] * 5,
    out=[x, v, tri, W],
    rtol=1e-4,
    atol=1e-5,
    why="forces and dot products are summed by f32 atomics in any order; 12 CG iterations a step",
)

TW, TH = tex.W, tex.H
image = texture(ti.Format.r32f, (TW, TH))
blurred = texture(ti.Format.r32f, (TW, TH))
case(
    "texture_paint_blur_read",
    (tex.paint, image),
    (tex.blur, image, blurred, 3),
    (tex.read, blurred, out := nd(ti.f32, (TW, TH))),
    out=[out],
    oracle="vulkan",
    atol=1e-5,
    why="sin and a 14-sample average; sampling at texel centres",
)
