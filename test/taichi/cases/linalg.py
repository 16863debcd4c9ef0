"""Small linear algebra on vector and matrix ndarrays: transpose, inverse and determinant of 2x2
and 3x3, outer products, `@`, ti.math's vector functions, ti.select on vectors, and the
decompositions MPM programs use (ti.sym_eig, ti.svd, ti.polar_decompose)."""

from corpus import case, mat, ti, uniform, vec

N = 64


def well_conditioned(n):
    """Matrices near the identity: their inverses stay within a few units."""

    def draw(rng, shape, dt):
        m = rng.uniform(-0.4, 0.4, shape)
        m[..., range(n), range(n)] += 1.5
        return m.astype(dt)

    return draw


@ti.kernel
def small_matrix_ops(
    a2: ti.types.ndarray(ti.math.mat2, ndim=1),
    a3: ti.types.ndarray(ti.math.mat3, ndim=1),
    inv2: ti.types.ndarray(ti.math.mat2, ndim=1),
    inv3: ti.types.ndarray(ti.math.mat3, ndim=1),
    dets: ti.types.ndarray(ti.math.vec2, ndim=1),
    prod: ti.types.ndarray(ti.math.mat3, ndim=1),
):
    for i in a2:
        inv2[i] = a2[i].inverse()
        inv3[i] = a3[i].inverse()
        dets[i] = ti.Vector([a2[i].determinant(), a3[i].determinant()])
        u = a3[i] @ ti.Vector([1.0, -2.0, 0.5])
        prod[i] = a3[i].transpose() @ a3[i] + u.outer_product(a3[i][0, :]) + ti.math.eye(3) * a3[i].trace()


case(
    "inverse_determinant_outer_product",
    (small_matrix_ops, mat(2, 2, ti.f32, (N,), well_conditioned(2)), mat(3, 3, ti.f32, (N,), well_conditioned(3)), i2 := mat(2, 2, ti.f32, (N,)), i3 := mat(3, 3, ti.f32, (N,)), d := vec(2, ti.f32, (N,)), p := mat(3, 3, ti.f32, (N,))),
    out=[i2, i3, d, p],
    rtol=1e-5,
    atol=1e-5,
    why="a division by the determinant and sums of products in f32: the GPU fuses multiply-adds the CPU rounds",
)


@ti.kernel
def vector_math(a: ti.types.ndarray(ti.math.vec3, ndim=1), b: ti.types.ndarray(ti.math.vec3, ndim=1), out: ti.types.ndarray(ti.math.vec3, ndim=2), s: ti.types.ndarray(ti.math.vec4, ndim=1)):
    for i in a:
        x, y = a[i], b[i]
        out[i, 0] = ti.math.normalize(x)
        out[i, 1] = ti.math.cross(x, y)
        out[i, 2] = ti.math.clamp(x * 2.0, -0.5, 0.75)
        out[i, 3] = ti.math.mix(x, y, 0.25)
        out[i, 4] = ti.math.smoothstep(-0.5, 0.5, x)
        out[i, 5] = ti.select(x > y, x, y)
        out[i, 6] = ti.math.reflect(x, ti.math.normalize(y))
        out[i, 7] = ti.max(x, y) - ti.min(x, 0.1) + ti.abs(y)
        s[i] = ti.Vector([ti.math.dot(x, y), ti.math.length(x), ti.math.distance(x, y), x.norm_sqr()])


case(
    "vector_functions_and_select",
    (vector_math, vec(3, ti.f32, (N,), uniform(-1, 1)), vec(3, ti.f32, (N,), uniform(-1, 1)), o := vec(3, ti.f32, (N, 8)), s := vec(4, ti.f32, (N,))),
    out=[o, s],
    rtol=1e-5,
    atol=2e-6,
    why="sqrt and reciprocal sqrt are within an ulp or two; fused multiply-adds",
)


@ti.kernel
def decompositions(
    sym: ti.types.ndarray(ti.math.mat2, ndim=1),
    f3: ti.types.ndarray(ti.math.mat3, ndim=1),
    f2: ti.types.ndarray(ti.math.mat2, ndim=1),
    eig: ti.types.ndarray(ti.math.vec2, ndim=1),
    recon: ti.types.ndarray(ti.math.mat3, ndim=2),
    sig: ti.types.ndarray(ti.math.vec3, ndim=1),
    polar: ti.types.ndarray(ti.math.mat2, ndim=2),
):
    for i in sym:
        a = sym[i] + sym[i].transpose()
        w, v = ti.sym_eig(a)
        eig[i] = w
        polar[i, 2] = v @ ti.Matrix([[w[0], 0.0], [0.0, w[1]]]) @ v.transpose()
        U, S, V = ti.svd(f3[i])
        sig[i] = ti.Vector([S[0, 0], S[1, 1], S[2, 2]])
        recon[i, 0] = U @ S @ V.transpose()
        recon[i, 1] = U.transpose() @ U
        R, P = ti.polar_decompose(f2[i])
        polar[i, 0] = R @ P
        polar[i, 1] = R.transpose() @ R


case(
    "sym_eig_svd_polar_decompose",
    (decompositions, mat(2, 2, ti.f32, (N,), uniform(-1, 1)), mat(3, 3, ti.f32, (N,), well_conditioned(3)), mat(2, 2, ti.f32, (N,), well_conditioned(2)), e := vec(2, ti.f32, (N,)), r := mat(3, 3, ti.f32, (N, 2)), s := vec(3, ti.f32, (N,)), p := mat(2, 2, ti.f32, (N, 3))),
    out=[e, r, s, p],
    rtol=2e-4,
    atol=2e-4,
    why="iterative SVD (Jacobi sweeps with rsqrt) and eigen solves in f32: reconstructions agree to a few 1e-5; singular values sorted the same way",
)
