"""ti.random(): Taichi draws from per-invocation xorshift states that it seeds from the invocation
and a counter it updates without an atomic, so no two backends (nor two runs) give the same bits.
The cases compare statistics of the draws (mean, variance, range, share of distinct values)
with those of the exporter's CPU backend, each within a stated tolerance."""

from corpus import case, nd, ti

N = 4096


@ti.kernel
def draw_f32(x: ti.types.ndarray(ti.f32, ndim=1)):
    for i in x:
        x[i] = ti.random(ti.f32)


@ti.kernel
def draw_i32_u32(a: ti.types.ndarray(ti.i32, ndim=1), b: ti.types.ndarray(ti.u32, ndim=1)):
    for i in a:
        a[i] = ti.random(ti.i32) % 1000
        b[i] = ti.random(ti.u32) >> ti.u32(8)


@ti.kernel
def monte_carlo_pi(hits: ti.types.ndarray(ti.i32, ndim=0), n: ti.i32):
    for _ in range(n):
        u = ti.random()
        v = ti.random()
        if u * u + v * v < 1.0:
            hits[None] += 1


# Standard errors for N draws: uniform [0, 1) mean 0.0045, variance 0.0012; the tolerances are
# about seven of them, and the range and distinct share are what any uniform generator gives.
case(
    "uniform_f32",
    (draw_f32, x := nd(ti.f32, (N,))),
    out=[x],
    compare={"mean": 0.03, "variance": 0.008, "min": 0.01, "max": 0.01, "distinct": 0.99},
    why="statistics of 4096 uniform draws: means within seven standard errors",
)
case(
    "i32_mod_1000_and_u32_high_bits",
    (draw_i32_u32, a := nd(ti.i32, (N,)), b := nd(ti.u32, (N,))),
    out=[a, b],
    compare={"mean": 0.03, "variance": 0.03, "min": 0.01, "max": 0.01, "distinct": 0.2},
    why="statistics of 4096 integer draws relative to their range: i32 % 1000 spans 0..999 (Python semantics), u32 >> 8 spans 2^24",
)
case(
    "monte_carlo_pi_hits",
    (monte_carlo_pi, h := nd(ti.i32, ()), 20000),
    out=[h],
    compare={"mean": 0.02},
    why="hits of 20000 points in the quarter disc: pi/4 of them, within seven standard errors (0.003 of n)",
)
