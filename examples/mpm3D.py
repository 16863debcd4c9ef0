"""A 3-D MLS-MPM fluid on a 64^3 grid (grid size compiled in), gravity given at run time.

Exports mpm3D.cgraph.tcm: graphs `init(x, v, J)` and `update(x, v, C, J, grid_v, grid_m, g_x,
g_y, g_z)` (50 substeps), and the substep kernels on their own."""

from _ti import archive, start, ti

GRID = 64
DX = 1 / GRID
DT = 8e-5
P_RHO = 1.0
P_VOL = (DX * 0.5) ** 3
P_MASS = P_VOL * P_RHO
E = 400.0
BOUND = 3
SUBSTEPS = 50

vec3 = ti.types.ndarray(ti.math.vec3, ndim=1)
mat3 = ti.types.ndarray(ti.math.mat3, ndim=1)
scalars = ti.types.ndarray(ti.f32, ndim=1)
grid3 = ti.types.ndarray(ti.math.vec3, ndim=3)
gridm = ti.types.ndarray(ti.f32, ndim=3)


@ti.kernel
def init_particles(x: vec3, v: vec3, J: scalars):
    for p in x:
        x[p] = ti.Vector([ti.random() * 0.4 + 0.3, ti.random() * 0.4 + 0.45, ti.random() * 0.4 + 0.3])
        v[p] = ti.Vector([0.0, 0.0, 0.0])
        J[p] = 1.0


@ti.kernel
def substep_reset_grid(grid_v: grid3, grid_m: gridm):
    for I in ti.grouped(grid_m):
        grid_v[I] = ti.Vector([0.0, 0.0, 0.0])
        grid_m[I] = 0.0


@ti.func
def quadratic_weights(fx):
    return [0.5 * (1.5 - fx) ** 2, 0.75 - (fx - 1) ** 2, 0.5 * (fx - 0.5) ** 2]


@ti.kernel
def substep_p2g(x: vec3, v: vec3, C: mat3, J: scalars, grid_v: grid3, grid_m: gridm):
    for p in x:
        Xp = x[p] / DX
        base = ti.cast(Xp - 0.5, ti.i32)
        fx = Xp - base
        w = quadratic_weights(fx)
        stress = -DT * 4 * E * P_VOL * (J[p] - 1) / DX**2
        affine = ti.Matrix.identity(ti.f32, 3) * stress + P_MASS * C[p]
        for i, j, k in ti.static(ti.ndrange(3, 3, 3)):
            offset = ti.Vector([i, j, k])
            dpos = (offset - fx) * DX
            weight = w[i][0] * w[j][1] * w[k][2]
            ti.atomic_add(grid_v[base + offset], weight * (P_MASS * v[p] + affine @ dpos))
            ti.atomic_add(grid_m[base + offset], weight * P_MASS)


@ti.kernel
def substep_update_grid_v(grid_v: grid3, grid_m: gridm, gx: ti.f32, gy: ti.f32, gz: ti.f32):
    for I in ti.grouped(grid_m):
        if grid_m[I] > 0:
            g = grid_v[I] / grid_m[I] + DT * ti.Vector([gx, gy, gz])
            for d in ti.static(range(3)):
                if I[d] < BOUND and g[d] < 0 or I[d] > GRID - BOUND and g[d] > 0:
                    g[d] = 0.0
            grid_v[I] = g


@ti.kernel
def substep_g2p(x: vec3, v: vec3, C: mat3, J: scalars, grid_v: grid3):
    for p in x:
        Xp = x[p] / DX
        base = ti.cast(Xp - 0.5, ti.i32)
        fx = Xp - base
        w = quadratic_weights(fx)
        new_v = ti.Vector([0.0, 0.0, 0.0])
        new_c = ti.Matrix.zero(ti.f32, 3, 3)
        for i, j, k in ti.static(ti.ndrange(3, 3, 3)):
            offset = ti.Vector([i, j, k])
            dpos = (offset - fx) * DX
            g = grid_v[base + offset]
            weight = w[i][0] * w[j][1] * w[k][2]
            new_v += weight * g
            new_c += 4 * weight * g.outer_product(dpos) / DX**2
        v[p] = new_v
        x[p] += DT * new_v
        J[p] *= 1 + DT * new_c.trace()
        C[p] = new_c


def graphs():
    A = ti.graph.Arg
    K = ti.graph.ArgKind
    x = A(K.NDARRAY, "x", ti.math.vec3, ndim=1)
    v = A(K.NDARRAY, "v", ti.math.vec3, ndim=1)
    C = A(K.NDARRAY, "C", ti.math.mat3, ndim=1)
    J = A(K.NDARRAY, "J", ti.f32, ndim=1)
    grid_v = A(K.NDARRAY, "grid_v", ti.math.vec3, ndim=3)
    grid_m = A(K.NDARRAY, "grid_m", ti.f32, ndim=3)
    gx, gy, gz = (A(K.SCALAR, name, ti.f32) for name in ("g_x", "g_y", "g_z"))
    init = ti.graph.GraphBuilder()
    init.dispatch(init_particles, x, v, J)
    update = ti.graph.GraphBuilder()
    for _ in range(SUBSTEPS):
        update.dispatch(substep_reset_grid, grid_v, grid_m)
        update.dispatch(substep_p2g, x, v, C, J, grid_v, grid_m)
        update.dispatch(substep_update_grid_v, grid_v, grid_m, gx, gy, gz)
        update.dispatch(substep_g2p, x, v, C, J, grid_v)
    return {"init": init.compile(), "update": update.compile()}


def main():
    start()
    m = ti.aot.Module(arch=ti.vulkan)
    for name, g in graphs().items():
        m.add_graph(name, g)
    archive(m, "mpm3D.cgraph")


if __name__ == "__main__":
    main()
