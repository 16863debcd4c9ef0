"""A 2-D MLS-MPM fluid of 8192 particles on a 128 x 128 grid, with ndarrays throughout.

Exports mpm88.cgraph.tcm: graphs `init(x, v, J)` and `update(x, v, C, J, grid_v, grid_m, pos)`
(50 substeps; pos is x as vec3 for drawing), and the substep kernels on their own."""

from _ti import archive, start, ti

GRID = 128
DX = 1 / GRID
DT = 1e-4
P_VOL = (DX * 0.5) ** 2
P_MASS = P_VOL * 1.0
E = 400.0
GRAVITY = 9.8
BOUND = 3
SUBSTEPS = 50

vec2 = ti.types.ndarray(ti.math.vec2, ndim=1)
mat2 = ti.types.ndarray(ti.math.mat2, ndim=1)
scalars = ti.types.ndarray(ti.f32, ndim=1)
grid2 = ti.types.ndarray(ti.math.vec2, ndim=2)
gridm = ti.types.ndarray(ti.f32, ndim=2)


@ti.kernel
def init_particles(x: vec2, v: vec2, J: scalars):
    for p in x:
        x[p] = ti.Vector([ti.random() * 0.4 + 0.2, ti.random() * 0.4 + 0.2])
        v[p] = ti.Vector([0.0, -1.0])
        J[p] = 1.0


@ti.kernel
def substep_reset_grid(grid_v: grid2, grid_m: gridm):
    for i, j in grid_m:
        grid_v[i, j] = ti.Vector([0.0, 0.0])
        grid_m[i, j] = 0.0


@ti.func
def quadratic_weights(fx):
    return [0.5 * (1.5 - fx) ** 2, 0.75 - (fx - 1) ** 2, 0.5 * (fx - 0.5) ** 2]


@ti.kernel
def substep_p2g(x: vec2, v: vec2, C: mat2, J: scalars, grid_v: grid2, grid_m: gridm):
    for p in x:
        base = ti.cast(x[p] / DX - 0.5, ti.i32)
        w = quadratic_weights(x[p] / DX - base)
        stress = -DT * 4 * E * P_VOL * (J[p] - 1) / DX**2
        affine = ti.Matrix([[stress, 0.0], [0.0, stress]]) + P_MASS * C[p]
        for i, j in ti.static(ti.ndrange(3, 3)):
            offset = ti.Vector([i, j])
            dpos = (offset - (x[p] / DX - base)) * DX
            weight = w[i][0] * w[j][1]
            ti.atomic_add(grid_v[base + offset], weight * (P_MASS * v[p] + affine @ dpos))
            ti.atomic_add(grid_m[base + offset], weight * P_MASS)


@ti.kernel
def substep_update_grid_v(grid_v: grid2, grid_m: gridm):
    for i, j in grid_m:
        if grid_m[i, j] > 0:
            g = grid_v[i, j] / grid_m[i, j]
            g.y -= DT * GRAVITY
            if i < BOUND and g.x < 0 or i > GRID - BOUND and g.x > 0:
                g.x = 0.0
            if j < BOUND and g.y < 0 or j > GRID - BOUND and g.y > 0:
                g.y = 0.0
            grid_v[i, j] = g


@ti.kernel
def substep_g2p(x: vec2, v: vec2, C: mat2, J: scalars, grid_v: grid2, pos: ti.types.ndarray(ti.math.vec3, ndim=1)):
    for p in x:
        base = ti.cast(x[p] / DX - 0.5, ti.i32)
        w = quadratic_weights(x[p] / DX - base)
        new_v = ti.Vector([0.0, 0.0])
        new_c = ti.Matrix([[0.0, 0.0], [0.0, 0.0]])
        for i, j in ti.static(ti.ndrange(3, 3)):
            offset = ti.Vector([i, j])
            dpos = (offset - (x[p] / DX - base)) * DX
            g = grid_v[base + offset]
            weight = w[i][0] * w[j][1]
            new_v += weight * g
            new_c += 4 * weight * g.outer_product(dpos) / DX**2
        v[p] = new_v
        x[p] += DT * new_v
        J[p] *= 1 + DT * new_c.trace()
        C[p] = new_c
        pos[p] = ti.Vector([x[p].x, x[p].y, 0.0])


def graphs():
    A = ti.graph.Arg
    K = ti.graph.ArgKind
    x = A(K.NDARRAY, "x", ti.math.vec2, ndim=1)
    v = A(K.NDARRAY, "v", ti.math.vec2, ndim=1)
    C = A(K.NDARRAY, "C", ti.math.mat2, ndim=1)
    J = A(K.NDARRAY, "J", ti.f32, ndim=1)
    grid_v = A(K.NDARRAY, "grid_v", ti.math.vec2, ndim=2)
    grid_m = A(K.NDARRAY, "grid_m", ti.f32, ndim=2)
    pos = A(K.NDARRAY, "pos", ti.math.vec3, ndim=1)
    init = ti.graph.GraphBuilder()
    init.dispatch(init_particles, x, v, J)
    update = ti.graph.GraphBuilder()
    for _ in range(SUBSTEPS):
        update.dispatch(substep_reset_grid, grid_v, grid_m)
        update.dispatch(substep_p2g, x, v, C, J, grid_v, grid_m)
        update.dispatch(substep_update_grid_v, grid_v, grid_m)
        update.dispatch(substep_g2p, x, v, C, J, grid_v, pos)
    return {"init": init.compile(), "update": update.compile()}


def main():
    start()
    m = ti.aot.Module(arch=ti.vulkan)
    for name, g in graphs().items():
        m.add_graph(name, g)
    archive(m, "mpm88.cgraph")


if __name__ == "__main__":
    main()
