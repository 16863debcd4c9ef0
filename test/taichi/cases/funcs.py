"""Control flow users write: deep ti.func chains (typed and untyped; Taichi refuses a return inside a non-static if), nested loops and branches,
a serialized loop inside a parallel one's body, ti.static loops over vector components,
ti.grouped struct-fors over ndarrays, and while loops whose trip count depends on data."""

from corpus import case, ints, nd, ti, uniform, vec


@ti.func
def clamp_sign(x):
    r = 0.0
    if x > 1.0:
        r = 1.0
    elif x < -1.0:
        r = -1.0
    else:
        r = x
    return r


@ti.func
def classify(x: ti.f32) -> ti.i32:
    # Taichi refuses a return inside a non-static if: one return, at the end.
    c = 2
    if x < -0.5:
        c = -2
    elif x < 0.0:
        c = -1
    elif x < 0.5:
        c = 1
    return c


@ti.func
def level3(x):
    return clamp_sign(x * 3.0) + classify(x) * 0.125


@ti.func
def level2(x):
    s = 0.0
    for k in range(3):
        s += level3(x - k * 0.25)
    return s


@ti.func
def level1(x):
    v = level2(x)
    if v > 0.0:
        v = level2(-x) * 0.5
    return v


@ti.kernel
def deep_funcs(x: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=1), cls: ti.types.ndarray(ti.i32, ndim=1)):
    for i in x:
        out[i] = level1(x[i])
        cls[i] = classify(x[i])


case(
    "deep_func_chain",
    (deep_funcs, nd(ti.f32, (256,), uniform(-1.5, 1.5)), o := nd(ti.f32, (256,)), c := nd(ti.i32, (256,))),
    out=[o, c],
    rtol=1e-6,
    atol=1e-6,
    why="sums of a few f32 products",
)


@ti.kernel
def collatz(n: ti.types.ndarray(ti.i32, ndim=1), steps: ti.types.ndarray(ti.i32, ndim=1), peak: ti.types.ndarray(ti.i32, ndim=1)):
    for i in n:
        v = n[i]
        count = 0
        top = v
        while v != 1 and count < 500:
            if v % 2 == 0:
                v //= 2
            else:
                v = 3 * v + 1
            top = ti.max(top, v)
            count += 1
        steps[i] = count
        peak[i] = top


case("data_dependent_while", (collatz, nd(ti.i32, (300,), ints(1, 10000)), s := nd(ti.i32, (300,)), p := nd(ti.i32, (300,))), out=[s, p])


@ti.kernel
def nested_branches(a: ti.types.ndarray(ti.i32, ndim=2), out: ti.types.ndarray(ti.i32, ndim=2)):
    for i, j in a:
        acc = 0
        for k in range(4):
            for l in range(k + 1):
                v = a[i, j] + k * 3 - l
                if v % 3 == 0:
                    if l % 2 == 0:
                        acc += v
                    else:
                        acc -= v
                    continue
                elif v % 5 == 0:
                    acc ^= v
                    if acc > 1000:
                        break
                else:
                    acc += 1
        out[i, j] = acc


case("nested_loops_branches_break_continue", (nested_branches, nd(ti.i32, (16, 12), ints(-500, 500)), o := nd(ti.i32, (16, 12))), out=[o])


@ti.kernel
def static_over_components(v: ti.types.ndarray(ti.math.vec4, ndim=1), out: ti.types.ndarray(ti.math.vec4, ndim=1), total: ti.types.ndarray(ti.f32, ndim=0)):
    for i in v:
        x = v[i]
        y = ti.Vector.zero(ti.f32, 4)
        for c in ti.static(range(4)):
            y[c] = x[c] * (c + 1) + x[(c + 1) % 4]
        for c in ti.static(range(1, 4)):
            y[c] += y[c - 1]
        out[i] = y
        total[None] += y.sum()


case(
    "static_range_over_vector_components",
    (static_over_components, vec(4, ti.f32, (32,), ints(-10, 10)), o := vec(4, ti.f32, (32,)), t := nd(ti.f32, ())),
    out=[o, t],
    why="small integers: exact, in any order",
)


@ti.kernel
def grouped_ndarray(a: ti.types.ndarray(ti.f32, ndim=3), out: ti.types.ndarray(ti.i32, ndim=3)):
    for I in ti.grouped(a):
        out[I] = I[0] * 100 + I[1] * 10 + I[2] + ti.cast(a[I], ti.i32)


case("grouped_struct_for_rank3_ndarray", (grouped_ndarray, nd(ti.f32, (5, 3, 7), ints(-9, 9)), o := nd(ti.i32, (5, 3, 7))), out=[o])


@ti.kernel
def serial_rows(a: ti.types.ndarray(ti.f32, ndim=2), rows: ti.i32, cols: ti.i32):
    for i in range(rows):
        for j in range(1, cols):
            a[i, j] += a[i, j - 1]
    ti.loop_config(serialize=True)
    for i in range(1, rows):
        for j in range(cols):
            a[i, j] += a[i - 1, j]


case(
    "serial_loop_after_parallel_rows",
    (serial_rows, a := nd(ti.f32, (12, 9), ints(-5, 5)), 12, 9),
    out=[a],
    why="sums of small integers: exact",
)
