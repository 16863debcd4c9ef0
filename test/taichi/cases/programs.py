"""Whole programs in the style users write, on fields: a heat solver on ping-pong fields, a Jacobi
Poisson solver with a residual reduction, an n-body step with atomic accumulation, a ray marcher
into an image field, and a mass-spring cloth."""

from corpus import case, nd, ti, vec

H = 32
heat = ti.field(ti.f32, shape=(2, H, H))
phi = ti.field(ti.f32, shape=(H, H))
phi_next = ti.field(ti.f32, shape=(H, H))
rhs = ti.field(ti.f32, shape=(H, H))
residual = ti.field(ti.f32, shape=())
BODIES = 64
body_x = ti.Vector.field(2, ti.f32, shape=BODIES)
body_v = ti.Vector.field(2, ti.f32, shape=BODIES)
body_f = ti.Vector.field(2, ti.f32, shape=BODIES)
energy = ti.field(ti.f32, shape=())
W, IH = 48, 32
image = ti.Vector.field(3, ti.f32, shape=(W, IH))
C = 8
cloth_x = ti.Vector.field(3, ti.f32, shape=(C, C))
cloth_v = ti.Vector.field(3, ti.f32, shape=(C, C))


@ti.kernel
def heat_init():
    for i, j in ti.ndrange(H, H):
        heat[0, i, j] = 100.0 if (i - 16) ** 2 + (j - 16) ** 2 < 20 else 0.0


@ti.kernel
def heat_step(src: ti.i32):
    dst = 1 - src
    for i, j in ti.ndrange((1, H - 1), (1, H - 1)):
        lap = heat[src, i - 1, j] + heat[src, i + 1, j] + heat[src, i, j - 1] + heat[src, i, j + 1] - 4.0 * heat[src, i, j]
        heat[dst, i, j] = heat[src, i, j] + 0.2 * lap


@ti.kernel
def heat_read(out: ti.types.ndarray(ti.f32, ndim=2)):
    for i, j in out:
        out[i, j] = heat[0, i, j]


case(
    "heat_ping_pong_20_steps",
    (heat_init,),
    *[(heat_step, s % 2) for s in range(20)],
    (heat_read, o := nd(ti.f32, (H, H))),
    out=[o],
    rtol=1e-5,
    atol=1e-4,
    why="20 explicit steps of f32 sums: the GPU fuses the multiply-adds",
)


@ti.kernel
def poisson_init():
    for i, j in rhs:
        rhs[i, j] = ti.sin(i * 0.2) * ti.cos(j * 0.3)
        phi[i, j] = 0.0


@ti.kernel
def jacobi_sweep():
    for i, j in ti.ndrange((1, H - 1), (1, H - 1)):
        phi_next[i, j] = 0.25 * (phi[i - 1, j] + phi[i + 1, j] + phi[i, j - 1] + phi[i, j + 1] - rhs[i, j])
    for i, j in ti.ndrange((1, H - 1), (1, H - 1)):
        phi[i, j] = phi_next[i, j]


@ti.kernel
def poisson_residual():
    residual[None] = 0.0
    for i, j in ti.ndrange((1, H - 1), (1, H - 1)):
        r = phi[i - 1, j] + phi[i + 1, j] + phi[i, j - 1] + phi[i, j + 1] - 4.0 * phi[i, j] - rhs[i, j]
        ti.atomic_max(residual[None], ti.abs(r))


@ti.kernel
def poisson_read(out: ti.types.ndarray(ti.f32, ndim=2), res: ti.types.ndarray(ti.f32, ndim=0)):
    for i, j in phi:
        out[i, j] = phi[i, j]
    res[None] = residual[None]


case(
    "jacobi_poisson_30_sweeps_max_residual",
    (poisson_init,),
    *[(jacobi_sweep,)] * 30,
    (poisson_residual,),
    (poisson_read, o := nd(ti.f32, (H, H)), r := nd(ti.f32, ())),
    out=[o, r],
    rtol=1e-4,
    atol=1e-5,
    why="sin and cos a few ulp from libm, then 30 averaging sweeps",
)


@ti.kernel
def nbody_init():
    for i in body_x:
        a = i * 0.7
        body_x[i] = ti.Vector([ti.cos(a), ti.sin(a)]) * (0.3 + 0.01 * i)
        body_v[i] = ti.Vector([-ti.sin(a), ti.cos(a)]) * 0.1


@ti.kernel
def nbody_forces():
    for i in body_f:
        body_f[i] = ti.Vector([0.0, 0.0])
    energy[None] = 0.0
    for i, j in ti.ndrange(BODIES, BODIES):
        if i != j:
            d = body_x[j] - body_x[i]
            r2 = d.norm_sqr() + 1e-2
            f = d / (r2 * ti.sqrt(r2)) * 1e-3
            body_f[i] += f
            ti.atomic_add(body_f[j][0], 0.0)
            energy[None] -= 0.5e-3 / ti.sqrt(r2)


@ti.kernel
def nbody_advance():
    for i in body_x:
        body_v[i] += body_f[i] * 0.01
        body_x[i] += body_v[i] * 0.01


@ti.kernel
def nbody_read(x: ti.types.ndarray(ti.math.vec2, ndim=1), e: ti.types.ndarray(ti.f32, ndim=0)):
    for i in body_x:
        x[i] = body_x[i]
    e[None] = energy[None]


case(
    "nbody_atomic_forces_5_steps",
    (nbody_init,),
    *[s for _ in range(5) for s in ((nbody_forces,), (nbody_advance,))],
    (nbody_read, x := vec(2, ti.f32, (BODIES,)), e := nd(ti.f32, ())),
    out=[x, e],
    rtol=1e-4,
    atol=1e-5,
    why="f32 atomic sums of 4096 terms in any order",
)


@ti.func
def scene(p):
    sphere = (p - ti.Vector([0.0, 0.0, 3.0])).norm() - 1.0
    floor = p.y + 1.0
    return ti.min(sphere, floor)


@ti.func
def normal(p):
    e = 1e-3
    return ti.Vector([
        scene(p + ti.Vector([e, 0.0, 0.0])) - scene(p - ti.Vector([e, 0.0, 0.0])),
        scene(p + ti.Vector([0.0, e, 0.0])) - scene(p - ti.Vector([0.0, e, 0.0])),
        scene(p + ti.Vector([0.0, 0.0, e])) - scene(p - ti.Vector([0.0, 0.0, e])),
    ]).normalized()


@ti.kernel
def ray_march():
    for i, j in image:
        uv = ti.Vector([(i + 0.5) / W * 2.0 - 1.0, (j + 0.5) / IH * 2.0 - 1.0])
        d = ti.Vector([uv.x, uv.y * IH / W, 1.0]).normalized()
        t = 0.0
        hit = 0
        for _ in range(64):
            h = scene(d * t)
            if h < 1e-3:
                hit = 1
                break
            t += h
            if t > 20.0:
                break
        color = ti.Vector([0.1, 0.2, 0.3])
        if hit:
            n = normal(d * t)
            color = ti.Vector([1.0, 0.8, 0.6]) * ti.max(n.dot(ti.Vector([0.5, 0.7, -0.5]).normalized()), 0.0)
        image[i, j] = color


@ti.kernel
def image_read(out: ti.types.ndarray(ti.math.vec3, ndim=2)):
    for i, j in image:
        out[i, j] = image[i, j]


case(
    "ray_marched_sphere_image",
    (ray_march,),
    (image_read, o := vec(3, ti.f32, (W, IH))),
    out=[o],
    atol=2e-3,
    why="sphere tracing stops within 1e-3 of the surface; normals from central differences of 1e-3: shading a few 1e-4 apart",
)


@ti.kernel
def cloth_init():
    for i, j in cloth_x:
        cloth_x[i, j] = ti.Vector([i * 0.1, 0.0, j * 0.1])
        cloth_v[i, j] = ti.Vector([0.0, 0.0, 0.0])


@ti.kernel
def cloth_step():
    for i, j in cloth_x:
        if j == C - 1:
            continue
        force = ti.Vector([0.0, -9.8, 0.0])
        for di, dj in ti.static([(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)]):
            k, l = i + di, j + dj
            if 0 <= k < C and 0 <= l < C:
                rest = 0.1 * ti.sqrt(di * di + dj * dj)
                d = cloth_x[k, l] - cloth_x[i, j]
                force += 500.0 * (d.norm() - rest) * d.normalized()
        cloth_v[i, j] = (cloth_v[i, j] + force * 1e-3) * 0.999
    for i, j in cloth_x:
        cloth_x[i, j] += cloth_v[i, j] * 1e-3


@ti.kernel
def cloth_read(out: ti.types.ndarray(ti.math.vec3, ndim=2)):
    for i, j in cloth_x:
        out[i, j] = cloth_x[i, j]


case(
    "mass_spring_cloth_25_steps",
    (cloth_init,),
    *[(cloth_step,)] * 25,
    (cloth_read, o := vec(3, ti.f32, (C, C))),
    out=[o],
    rtol=1e-4,
    atol=1e-6,
    why="25 explicit steps of spring forces in f32 (sqrt, normalize, fused multiply-adds)",
)
