"""Local data and many tasks: vectors indexed at run time (a bubble sort of a local vec8), an 8x8
local matrix product, integer vectors and matrices through ti.math and `@`, a 0-D vector field,
an i32 matrix field, a serialized ndrange, ti.grouped over ti.ndrange, a kernel of 24 top-level
loops (24 tasks), and a graph of field-only and ndarray kernels."""

from corpus import case, graph, ints, nd, ti, uniform, vec

Arg = ti.graph.Arg
K = ti.graph.ArgKind

center = ti.Vector.field(3, ti.f32, shape=())
cells = ti.Matrix.field(2, 2, ti.i32, shape=(6, 4))
stages = ti.field(ti.f32, shape=24)
# Cases of one module share its fields, and the corpus runs them in name order: each case has its own.
weights = ti.field(ti.f32, shape=24)


@ti.kernel
def sort_rows(a: ti.types.ndarray(ti.f32, ndim=2), out: ti.types.ndarray(ti.f32, ndim=2)):
    for r in range(a.shape[0]):
        v = ti.Vector([a[r, k] for k in range(8)])
        for i in range(8):
            for j in range(7 - i):
                if v[j] > v[j + 1]:
                    t = v[j]
                    v[j] = v[j + 1]
                    v[j + 1] = t
        for k in range(8):
            out[r, k] = v[k]


case("local_vector_bubble_sort", (sort_rows, nd(ti.f32, (40, 8), uniform(-10, 10)), o := nd(ti.f32, (40, 8))), out=[o], why="a permutation: exact")


@ti.kernel
def local_matrices(a: ti.types.ndarray(ti.f32, ndim=3), out: ti.types.ndarray(ti.f32, ndim=3), iv: ti.types.ndarray(ti.math.ivec3, ndim=1), iout: ti.types.ndarray(ti.math.ivec3, ndim=2)):
    for n in range(a.shape[0]):
        m = ti.Matrix.zero(ti.f32, 8, 8)
        for i, j in ti.static(ti.ndrange(8, 8)):
            m[i, j] = a[n, i, j]
        p = m @ m.transpose()
        for i, j in ti.static(ti.ndrange(8, 8)):
            out[n, i, j] = p[i, j]
    for n in iv:
        x = iv[n]
        y = ti.Vector([x.z, x.x, x.y])
        im = ti.Matrix([[1, -2, 3], [0, 4, -1], [2, 2, 2]], ti.i32)
        iout[n, 0] = im @ x
        iout[n, 1] = ti.math.cross(x, y)
        iout[n, 2] = ti.max(x, y) * ti.math.clamp(x, -3, 3) + ti.abs(x) % 5
        iout[n, 3] = ti.Vector([x.dot(y), x.sum(), x.max(), x.min()])[:3] if ti.static(False) else ti.Vector([x.dot(y), x.sum(), x.max() - x.min()])


case(
    "local_8x8_matrix_and_integer_vectors",
    (local_matrices, nd(ti.f32, (6, 8, 8), ints(-4, 4)), o := nd(ti.f32, (6, 8, 8)), vec(3, ti.i32, (32,), ints(-50, 50)), io := vec(3, ti.i32, (32, 4))),
    out=[o, io],
    why="products of small integers: exact",
)


@ti.kernel
def fields_0d_and_int_matrix(out: ti.types.ndarray(ti.math.vec3, ndim=0), m: ti.types.ndarray(ti.i32, ndim=3)):
    center[None] = ti.Vector([1.5, -2.0, 0.25])
    for i, j in cells:
        cells[i, j] = ti.Matrix([[i, j], [i * j, i - j]]) @ ti.Matrix([[1, 2], [3, 4]])
    for i, j in cells:
        center[None] += ti.Vector([cells[i, j].trace(), cells[i, j].determinant(), 0.0]) * 0.0625
    out[None] = center[None]
    for i, j in cells:
        for k in ti.static(range(4)):
            m[i, j, k] = cells[i, j][k // 2, k % 2]


case(
    "zero_dim_vector_field_and_i32_matrix_field",
    (fields_0d_and_int_matrix, c := vec(3, ti.f32, ()), m := nd(ti.i32, (6, 4, 4))),
    out=[c, m],
    why="sums of small integers times 1/16: exact in any order",
)


@ti.kernel
def serial_ndrange_and_grouped(a: ti.types.ndarray(ti.i32, ndim=2), b: ti.types.ndarray(ti.i32, ndim=2)):
    ti.loop_config(serialize=True)
    for i, j in ti.ndrange((1, 8), 6):
        a[i, j] += a[i - 1, j] + j
    for I in ti.grouped(ti.ndrange((2, 7), (1, 5))):
        b[I] = I.x * 10 + I.y + a[I]


case("serialized_ndrange_and_grouped_ndrange", (serial_ndrange_and_grouped, a := nd(ti.i32, (8, 6), ints(-5, 5)), b := nd(ti.i32, (8, 6))), out=[a, b])


@ti.kernel
def many_tasks(x: ti.types.ndarray(ti.f32, ndim=0)):
    for s in ti.static(range(24)):
        for i in range(4):
            stages[s] += x[None] * (i + 1) + s
        x[None] += 0.5


@ti.kernel
def read_stages(out: ti.types.ndarray(ti.f32, ndim=1)):
    for i in stages:
        out[i] = stages[i]


case("kernel_of_24_tasks", (many_tasks, x := nd(ti.f32, (), [1.0])), (read_stages, o := nd(ti.f32, (24,))), out=[x, o], why="sums of halves: exact in any order")


@ti.kernel
def bump_weights():
    for i in weights:
        weights[i] = weights[i] * 0.5 + i


@ti.kernel
def weights_into(a: ti.types.ndarray(ti.f32, ndim=1), k: ti.f32):
    for i in a:
        a[i] += weights[i] * k


@graph("fields_and_ndarrays")
def build_fields_and_ndarrays():
    a = Arg(K.NDARRAY, "a", ti.f32, ndim=1)
    b = Arg(K.NDARRAY, "b", ti.f32, ndim=1)
    k = Arg(K.SCALAR, "k", ti.f32)
    g = ti.graph.GraphBuilder()
    g.dispatch(bump_weights)
    g.dispatch(weights_into, a, k)
    g.dispatch(bump_weights)
    g.dispatch(weights_into, b, k)
    g.dispatch(weights_into, a, k)
    return g.compile()


case(
    "graph_of_field_only_and_ndarray_kernels",
    (build_fields_and_ndarrays, {"a": (a := nd(ti.f32, (24,), ints(-3, 3))), "b": (b := nd(ti.f32, (24,))), "k": 0.25}),
    (build_fields_and_ndarrays, {"a": a, "b": b, "k": -1.0}),
    out=[a, b],
    why="halves and quarters of small integers: exact",
)
