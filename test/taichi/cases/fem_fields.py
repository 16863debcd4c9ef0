"""Explicit FEM of a neo-Hookean sheet (as Taichi's fem99 example) on fields only: vector, matrix
and scalar fields of several shapes, kernels without arguments that scatter forces with atomic
adds; only the read-back kernel takes an ndarray."""

from corpus import case, ti, vec

M = 6  # cells per side
NV, NF = (M + 1) ** 2, 2 * M * M
STEPS = 40
DT, MU, LAM = 5e-4, 10.0, 20.0

pos = ti.Vector.field(2, ti.f32, NV)
vel = ti.Vector.field(2, ti.f32, NV)
force = ti.Vector.field(2, ti.f32, NV)
tri = ti.Vector.field(3, ti.i32, NF)
b_inv = ti.Matrix.field(2, 2, ti.f32, NF)
area = ti.field(ti.f32, NF)


@ti.kernel
def fem_init():
    for c in range(M * M):
        i, j = c // M, c % M
        a, b, d, e = i * (M + 1) + j, (i + 1) * (M + 1) + j, i * (M + 1) + j + 1, (i + 1) * (M + 1) + j + 1
        tri[2 * c] = ti.Vector([a, b, e])
        tri[2 * c + 1] = ti.Vector([a, e, d])
    for v in range(NV):
        pos[v] = ti.Vector([v // (M + 1), v % (M + 1)], ti.f32) / M
        vel[v] = ti.Vector([0.0, 0.0])
    for f in range(NF):
        p0, p1, p2 = pos[tri[f][0]], pos[tri[f][1]], pos[tri[f][2]]
        ds = ti.Matrix.cols([p1 - p0, p2 - p0])
        b_inv[f] = ds.inverse()
        area[f] = ti.abs(ds.determinant()) / 2


@ti.kernel
def fem_shear():
    """A sheared, stretched start, so that the elastic forces are far from zero."""
    for v in pos:
        p = pos[v]
        pos[v] = ti.Vector([p[0] * 1.2 + p[1] * 0.1, p[1] * 0.9])


@ti.kernel
def fem_force():
    for v in force:
        force[v] = ti.Vector([0.0, -1.0])
    for f in range(NF):
        p0, p1, p2 = pos[tri[f][0]], pos[tri[f][1]], pos[tri[f][2]]
        F = ti.Matrix.cols([p1 - p0, p2 - p0]) @ b_inv[f]
        F_it = F.inverse().transpose()
        J = ti.max(F.determinant(), 0.01)
        P = MU * (F - F_it) + LAM * ti.log(J) * F_it
        H = -area[f] * P @ b_inv[f].transpose()
        f1, f2 = ti.Vector([H[0, 0], H[1, 0]]), ti.Vector([H[0, 1], H[1, 1]])
        force[tri[f][1]] += f1
        force[tri[f][2]] += f2
        force[tri[f][0]] += -f1 - f2


@ti.kernel
def fem_advance():
    for v in pos:
        if v % (M + 1) != 0:  # the column at y = 0 is pinned
            vel[v] = (vel[v] + DT * force[v] * NV) * 0.999
            pos[v] += DT * vel[v]


@ti.kernel
def fem_read(p: ti.types.ndarray(ti.math.vec2, ndim=1), v: ti.types.ndarray(ti.math.vec2, ndim=1)):
    for i in pos:
        p[i] = pos[i]
        v[i] = vel[i]


case(
    "explicit_fem_40_steps",
    (fem_init,),
    (fem_shear,),
    *[(k,) for _ in range(STEPS) for k in (fem_force, fem_advance)],
    (fem_read, p := vec(2, ti.f32, (NV,)), v := vec(2, ti.f32, (NV,))),
    out=[p, v],
    rtol=1e-4,
    atol=1e-4,
    why="forces are summed by f32 atomic adds in any order, through log, inverses and fusable products, 40 steps",
)
