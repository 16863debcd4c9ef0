"""Vector and matrix arguments (`ti.types.vector`, `ti.types.matrix`, passed as tensors) of
kernels and of a graph (ArgKind.MATRIX), beside ndarrays and scalars of each 32-bit type."""

from corpus import case, graph, ints, nd, tensor, ti, uniform, vec

Arg = ti.graph.Arg
K = ti.graph.ArgKind
N = 24


@ti.kernel
def combine(a: ti.types.ndarray(ti.f32, ndim=1), s: ti.f32, v: ti.types.vector(3, ti.f32), m: ti.types.matrix(2, 2, ti.i32), w: ti.types.vector(2, ti.i32)):
    for i in a:
        a[i] = s * i + v[i % 3] + m[i % 2, (i // 2) % 2] * 0.25 + w[i % 2] * (m @ w)[(i + 1) % 2]


@ti.kernel
def transform(p: ti.types.ndarray(ti.math.vec3, ndim=1), r: ti.types.matrix(3, 3, ti.f32), t: ti.types.vector(3, ti.f32), k: ti.u32, mask: ti.types.vector(4, ti.u32)):
    for i in p:
        p[i] = r @ p[i] + t * ti.cast((ti.u32(i) * k) & mask[i % 4], ti.f32)


@ti.kernel
def shift(b: ti.types.ndarray(ti.math.vec3, ndim=1), v: ti.types.vector(3, ti.f32)):
    for i in b:
        b[i] = b[i] * v + v.norm()


V = tensor([0.5, -1.25, 3.0], ti.f32)
case(
    "vector_and_matrix_kernel_args",
    (combine, a := nd(ti.f32, (N,)), 1.5, V, tensor([[2, -3], [5, 7]], ti.i32), tensor([-4, 9], ti.i32)),
    out=[a],
    why="sums of small integers, halves and quarters in f32: exact",
)
case(
    "mat3_vec3_u32_vec4_args",
    (transform, p := vec(3, ti.f32, (40,), ints(-8, 8)), tensor([[0, -1, 0], [1, 0, 0], [0, 0, 2]], ti.f32), tensor([0.25, -0.5, 1.0], ti.f32), 2654435761, tensor([0xFF, 0xF0F0, 0x7, 0xFFFFFFFF], ti.u32)),
    out=[p],
    rtol=1e-6,
    why="a permutation matrix times small integers plus a scaled u32 (rounded to f32 the same way)",
)


@graph("vectors")
def build_vectors():
    a = Arg(K.NDARRAY, "a", ti.f32, ndim=1)
    b = Arg(K.NDARRAY, "b", ti.math.vec3, ndim=1)
    s = Arg(K.SCALAR, "s", ti.f32)
    v = Arg(K.MATRIX, "v", ti.types.vector(3, ti.f32))
    m = Arg(K.MATRIX, "m", ti.types.matrix(2, 2, ti.i32))
    w = Arg(K.MATRIX, "w", ti.types.vector(2, ti.i32))
    g = ti.graph.GraphBuilder()
    g.dispatch(combine, a, s, v, m, w)
    g.dispatch(shift, b, v)
    g.dispatch(shift, b, v)
    return g.compile()


case(
    "graph_with_vector_and_matrix_args",
    (build_vectors, {"a": (a := nd(ti.f32, (N,))), "b": (b := vec(3, ti.f32, (N,), uniform(-1, 1))), "s": -0.75, "v": V, "m": tensor([[1, 4], [-2, 3]], ti.i32), "w": tensor([6, -5], ti.i32)}),
    out=[a, b],
    rtol=1e-6,
    atol=1e-6,
    why="products with a vector's norm, a correctly rounded square root after a fusable sum of squares",
)
