# Fields-only programs whose stepping kernels take no arguments (issue 21, item 0): Conway's game
# of life on a torus, and explicit FEM steps of a neo-Hookean sheet (as Taichi's fem99 example).
# Only the load and read-back kernels take an ndarray.
import numpy as np
import taichi as ti

from common import export, oracle, save

N = 32  # life grid
LIFE_STEPS = 12
M = 6  # FEM cells per side
NV, NF = (M + 1) ** 2, 2 * M * M
FEM_STEPS = 40
DT, MU, LAM = 5e-4, 10.0, 20.0


def life():
    state = ti.field(ti.i32, (N, N))
    nxt = ti.field(ti.i32, (N, N))

    @ti.kernel
    def life_load(src: ti.types.ndarray(dtype=ti.i32, ndim=2)):
        for i, j in state:
            state[i, j] = src[i, j]

    @ti.kernel
    def life_step():
        for i, j in state:
            n = 0
            for di, dj in ti.static(ti.ndrange((-1, 2), (-1, 2))):
                if di != 0 or dj != 0:
                    n += state[(i + di + N) % N, (j + dj + N) % N]
            alive = state[i, j]
            nxt[i, j] = 1 if (n == 3 or (alive == 1 and n == 2)) else 0

    @ti.kernel
    def life_swap():
        for i, j in state:
            state[i, j] = nxt[i, j]

    @ti.kernel
    def life_read(dst: ti.types.ndarray(dtype=ti.i32, ndim=2)):
        for i, j in state:
            dst[i, j] = state[i, j]

    return life_load, life_step, life_swap, life_read


def fem():
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
    def fem_load(src: ti.types.ndarray(dtype=ti.math.vec2, ndim=1)):
        for v in pos:
            pos[v] = src[v]

    @ti.kernel
    def fem_read(dst: ti.types.ndarray(dtype=ti.math.vec2, ndim=1)):
        for v in pos:
            dst[v] = pos[v]

    return fem_init, fem_force, fem_advance, fem_load, fem_read


def define():
    kernels = life() + fem()
    return lambda m: [m.add_kernel(k) for k in kernels]


def expected():
    rng = np.random.default_rng(21)
    board = (rng.random((N, N)) < 0.35).astype(np.int32)
    oracle()
    (load, step, swap, read), (fem_init, fem_force, fem_advance, fem_load, fem_read) = life(), fem()
    load(board)
    for _ in range(LIFE_STEPS):
        step()
        swap()
    out = np.zeros((N, N), np.int32)
    read(out)
    fem_init()
    rest = np.zeros((NV, 2), np.float32)
    fem_read(rest)
    # A sheared, stretched start, so the elastic forces are far from zero.
    start = (rest * np.float32([1.2, 0.9]) + rest[:, ::-1] * np.float32([0.1, 0.0])).astype(np.float32)
    fem_load(start)
    for _ in range(FEM_STEPS):
        fem_force()
        fem_advance()
    pos = np.zeros((NV, 2), np.float32)
    fem_read(pos)
    save("fields", {"life": {"steps": LIFE_STEPS, "board": board, "result": out},
                    "fem": {"steps": FEM_STEPS, "start": start, "result": pos}})


export("fields", define)
expected()
