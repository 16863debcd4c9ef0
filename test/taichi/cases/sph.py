"""A particle program with a uniform-grid neighbour search, as SPH and DEM codes write it: atomic
counters give each particle a slot in its cell's list (atomic return values used as field
indices), then densities and pressure forces sum over the 3x3 neighbouring cells."""

from corpus import case, nd, ti, vec

P = 256
G = 8
SLOTS = 32
H = 1.0 / G

pos = ti.Vector.field(2, ti.f32, shape=P)
vel = ti.Vector.field(2, ti.f32, shape=P)
density = ti.field(ti.f32, shape=P)
cell_count = ti.field(ti.i32, shape=(G, G))
cell_list = ti.field(ti.i32, shape=(G, G, SLOTS))
overflow = ti.field(ti.i32, shape=())


@ti.func
def cell_of(p):
    return ti.math.clamp(ti.cast(p / H, ti.i32), 0, G - 1)


@ti.func
def kernel_w(r):
    q = r / H
    w = 0.0
    if q < 1.0:
        w = (1.0 - q) ** 3
    return w


@ti.kernel
def sph_init():
    for i in pos:
        a = i * 2.399963
        r = 0.45 * ti.sqrt((i + 0.5) / P)
        pos[i] = ti.Vector([0.5 + r * ti.cos(a), 0.5 + r * ti.sin(a)])
        vel[i] = ti.Vector([0.0, 0.0])


@ti.kernel
def sph_step():
    for I in ti.grouped(cell_count):
        cell_count[I] = 0
    for i in pos:
        c = cell_of(pos[i])
        slot = ti.atomic_add(cell_count[c], 1)
        if slot < SLOTS:
            cell_list[c, slot] = i
        else:
            ti.atomic_add(overflow[None], 1)
    for i in pos:
        c = cell_of(pos[i])
        rho = 0.0
        for dx, dy in ti.static(ti.ndrange((-1, 2), (-1, 2))):
            n = c + ti.Vector([dx, dy])
            if 0 <= n.x < G and 0 <= n.y < G:
                for k in range(ti.min(cell_count[n], SLOTS)):
                    j = cell_list[n, k]
                    rho += kernel_w((pos[i] - pos[j]).norm())
        density[i] = rho
    for i in pos:
        c = cell_of(pos[i])
        f = ti.Vector([0.0, -0.5])
        for dx, dy in ti.static(ti.ndrange((-1, 2), (-1, 2))):
            n = c + ti.Vector([dx, dy])
            if 0 <= n.x < G and 0 <= n.y < G:
                for k in range(ti.min(cell_count[n], SLOTS)):
                    j = cell_list[n, k]
                    d = pos[i] - pos[j]
                    r = d.norm()
                    if j != i and r < H:
                        f += d / (r + 1e-4) * (density[i] + density[j] - 2.0) * 0.05
        vel[i] = vel[i] * 0.98 + f * 1e-3
    for i in pos:
        pos[i] = ti.math.clamp(pos[i] + vel[i] * 1e-2, 0.0, 0.999)


@ti.kernel
def sph_read(x: ti.types.ndarray(ti.math.vec2, ndim=1), rho: ti.types.ndarray(ti.f32, ndim=1), counts: ti.types.ndarray(ti.i32, ndim=2), lost: ti.types.ndarray(ti.i32, ndim=0)):
    for i in pos:
        x[i] = pos[i]
        rho[i] = density[i]
    for I in ti.grouped(cell_count):
        counts[I] = cell_count[I]
    lost[None] = overflow[None]


case(
    "grid_neighbour_search_4_steps",
    (sph_init,),
    *[(sph_step,)] * 4,
    (sph_read, x := vec(2, ti.f32, (P,)), rho := nd(ti.f32, (P,)), counts := nd(ti.i32, (G, G)), lost := nd(ti.i32, ())),
    out=[x, rho, counts, lost],
    rtol=1e-4,
    atol=1e-5,
    why="each cell's list fills in atomic order, so densities sum their terms in another order; sin, cos and sqrt a few ulp from libm",
)
