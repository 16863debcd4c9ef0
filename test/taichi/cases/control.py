"""Control flow and loops: ti.func nesting, ti.static unrolling, while/break/continue, nested
range-fors, ndrange (constant, with offsets, bounded by arguments), struct-fors over ndarrays,
serial loops."""

from corpus import case, ints, nd, ti, uniform


@ti.func
def square(x):
    return x * x


@ti.func
def poly(x):
    return square(x) + 3 * x - square(square(x) - 1)


@ti.func
def clamp_poly(x, lo: ti.template()):
    y = poly(x)
    if y < lo:
        y = lo
    return y


@ti.kernel
def nested_funcs(x: ti.types.ndarray(ti.i32, ndim=1)):
    for i in x:
        x[i] = clamp_poly(x[i], -1000)


case("func_nesting", (nested_funcs, x := nd(ti.i32, (100,), ints(-9, 9))), out=[x])


@ti.kernel
def static_unroll(x: ti.types.ndarray(ti.f32, ndim=2), out: ti.types.ndarray(ti.f32, ndim=1)):
    for i in out:
        acc = 0.0
        for j in ti.static(range(4)):
            acc += x[i, j] * (j + 1)
        for k in ti.static([2, 0]):
            acc -= x[i, k]
        out[i] = acc


case("static_unroll", (static_unroll, nd(ti.f32, (64, 4), ints(-8, 8)), out := nd(ti.f32, (64,))), out=[out], why="sums of small integers in f32: exact")


@ti.kernel
def collatz(x: ti.types.ndarray(ti.i32, ndim=1), steps: ti.types.ndarray(ti.i32, ndim=1)):
    for i in x:
        n = x[i]
        s = 0
        while n != 1:
            if s >= 500:
                break
            s += 1
            if n % 2 == 0:
                n //= 2
                continue
            n = 3 * n + 1
        steps[i] = s


case("while_break_continue", (collatz, nd(ti.i32, (200,), ints(1, 10000)), s := nd(ti.i32, (200,))), out=[s])


@ti.kernel
def nested_range(a: ti.types.ndarray(ti.f32, ndim=2), b: ti.types.ndarray(ti.f32, ndim=2), c: ti.types.ndarray(ti.f32, ndim=2)):
    for i in range(c.shape[0]):
        for j in range(c.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            c[i, j] = s


case("nested_range_for_matmul", (nested_range, nd(ti.f32, (13, 21), uniform(-1, 1)), nd(ti.f32, (21, 9), uniform(-1, 1)), c := nd(ti.f32, (13, 9))), out=[c], rtol=1e-5, atol=1e-5, why="a 21-term dot product: the GPU may fuse multiply-adds")


@ti.kernel
def ndrange_const(out: ti.types.ndarray(ti.i32, ndim=2)):
    for i, j in ti.ndrange(10, 7):
        out[i, j] = i * 100 + j


case("ndrange_constant", (ndrange_const, out := nd(ti.i32, (10, 7))), out=[out])


@ti.kernel
def ndrange_offsets(out: ti.types.ndarray(ti.i32, ndim=2)):
    for i, j in ti.ndrange((2, 12), (-3, 5)):
        out[i, j + 3] = i * j + 1


case("ndrange_with_offsets", (ndrange_offsets, out := nd(ti.i32, (12, 8))), out=[out])


@ti.kernel
def ndrange_args(out: ti.types.ndarray(ti.i32, ndim=2), w: ti.i32, h: ti.i32):
    for i, j in ti.ndrange(w, h):
        out[i, j] = i - j * w


case("ndrange_bounded_by_args", (ndrange_args, out := nd(ti.i32, (9, 11)), 7, 10), out=[out])


@ti.kernel
def range_args(out: ti.types.ndarray(ti.i32, ndim=1), begin: ti.i32, end: ti.i32):
    for i in range(begin, end):
        out[i] = i * i


case("range_bounded_by_args", (range_args, out := nd(ti.i32, (100,)), 13, 87), out=[out])


@ti.kernel
def struct_for_2d(x: ti.types.ndarray(ti.f32, ndim=2)):
    for I in ti.grouped(x):
        x[I] = x[I] * 2 + I[0] - I[1]


case("struct_for_grouped_ndarray", (struct_for_2d, x := nd(ti.f32, (23, 31), ints(-50, 50))), out=[x])


@ti.kernel
def serial_prefix_sum(x: ti.types.ndarray(ti.i32, ndim=1)):
    ti.loop_config(serialize=True)
    for i in range(1, x.shape[0]):
        x[i] += x[i - 1]


case("serialized_prefix_sum", (serial_prefix_sum, x := nd(ti.i32, (1000,), ints(-100, 100))), out=[x])


@ti.kernel
def top_level_serial(x: ti.types.ndarray(ti.i32, ndim=1), out: ti.types.ndarray(ti.i32, ndim=0)):
    best = -(2**31)
    for i in range(x.shape[0]):
        if x[i] > best:
            best = x[i]
    out[None] = best


case("serial_outer_block_max", (top_level_serial, nd(ti.i32, (333,), ints(-100000, 100000)), m := nd(ti.i32, ())), out=[m])


@ti.kernel
def two_loops(x: ti.types.ndarray(ti.f32, ndim=1), y: ti.types.ndarray(ti.f32, ndim=1)):
    for i in x:
        x[i] = x[i] + 1
    for i in y:
        y[i] = x[i] * x[(i + 1) % x.shape[0]]


case("two_offloaded_loops_in_order", (two_loops, x := nd(ti.f32, (128,), ints(-10, 10)), y := nd(ti.f32, (128,))), out=[x, y])
