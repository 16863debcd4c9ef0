"""ti.math functions and their accuracy against the CPU's (libm-grade) results, NaN and infinity."""

from corpus import case, mat, nd, ti, uniform, vec

# WGSL leaves transcendental accuracy to the implementation (lavapipe's and SwiftShader's are
# within a few ulp; Vulkan's spec allows more for exp/log/pow on large arguments).
TRANSCENDENTAL = "transcendental functions: the GPU's are a few ulp from the CPU's libm"


@ti.kernel
def trig(x: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=2)):
    for i in x:
        v = x[i]
        out[i, 0] = ti.sin(v)
        out[i, 1] = ti.cos(v)
        out[i, 2] = ti.tan(v * 0.4)
        out[i, 3] = ti.atan2(v, 1.5 - v)
        out[i, 4] = ti.tanh(v)


case("trigonometry", (trig, nd(ti.f32, (256,), uniform(-3.5, 3.5)), out := nd(ti.f32, (256, 5))), out=[out], rtol=2e-5, atol=2e-6, why=TRANSCENDENTAL)


@ti.kernel
def inverse_trig(x: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=2)):
    for i in x:
        out[i, 0] = ti.asin(x[i])
        out[i, 1] = ti.acos(x[i])


case(
    "asin_acos",
    (inverse_trig, nd(ti.f32, (256,), uniform(-0.99, 0.99)), out := nd(ti.f32, (256, 2))),
    out=[out],
    atol=6e-4,
    why="Vulkan lets asin/acos be computed from atan2 and sqrt; lavapipe's are 4e-4 from libm (Taichi's own Vulkan backend on lavapipe is as far)",
)


@ti.kernel
def exp_log(x: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=2)):
    for i in x:
        v = x[i]
        out[i, 0] = ti.exp(v)
        out[i, 1] = ti.log(v)
        out[i, 2] = ti.sqrt(v)
        out[i, 3] = ti.rsqrt(v)
        out[i, 4] = v**1.7
        out[i, 5] = ti.pow(v, -0.5)
        out[i, 6] = ti.math.log2(v)
        out[i, 7] = ti.math.radians(v)


case("exp_log_sqrt_pow", (exp_log, nd(ti.f32, (256,), uniform(0.01, 20)), out := nd(ti.f32, (256, 8))), out=[out], rtol=3e-5, atol=1e-6, why=TRANSCENDENTAL)


@ti.kernel
def rounding(x: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=2)):
    for i in x:
        v = x[i]
        out[i, 0] = ti.floor(v)
        out[i, 1] = ti.ceil(v)
        out[i, 2] = ti.round(v)
        out[i, 3] = ti.math.fract(v)
        out[i, 4] = ti.abs(v)
        out[i, 5] = ti.math.sign(v)
        out[i, 6] = ti.math.clamp(v, -1.0, 2.0)
        out[i, 7] = ti.min(v, 0.5) + ti.max(v, -0.5)


def away_from_halves(rng, shape, dt):
    return (rng.integers(-400, 400, shape) / 16 + 1 / 64).astype(dt)


case("floor_ceil_round_fract_sign_clamp", (rounding, nd(ti.f32, (200,), away_from_halves), out := nd(ti.f32, (200, 8))), out=[out], why="exact operations on dyadic values away from ties")


@ti.kernel
def blend(a: ti.types.ndarray(ti.f32, ndim=1), b: ti.types.ndarray(ti.f32, ndim=1), t: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.f32, ndim=2)):
    for i in a:
        out[i, 0] = ti.math.mix(a[i], b[i], t[i])
        out[i, 1] = ti.math.smoothstep(-0.5, 0.5, a[i])
        out[i, 2] = ti.math.step(b[i], a[i])
        out[i, 3] = ti.math.mod(a[i], 0.3)


case("mix_smoothstep_step_mod", (blend, nd(ti.f32, (128,), uniform(-1, 1)), nd(ti.f32, (128,), uniform(-1, 1)), nd(ti.f32, (128,), uniform(0, 1)), out := nd(ti.f32, (128, 4))), out=[out], rtol=1e-5, atol=1e-6, why="polynomials the GPU may fuse; mod divides")


@ti.kernel
def vector_math(a: ti.types.ndarray(ti.math.vec3, ndim=1), b: ti.types.ndarray(ti.math.vec3, ndim=1), out: ti.types.ndarray(ti.math.vec3, ndim=1), s: ti.types.ndarray(ti.f32, ndim=2)):
    for i in a:
        out[i] = ti.math.cross(a[i], b[i]) + ti.math.normalize(a[i]) + ti.math.reflect(a[i], ti.math.normalize(b[i]))
        s[i, 0] = ti.math.dot(a[i], b[i])
        s[i, 1] = ti.math.length(a[i] - b[i])
        s[i, 2] = ti.math.distance(a[i], b[i])


case("vector_cross_dot_normalize_reflect", (vector_math, vec(3, ti.f32, (100,), uniform(-2, 2)), vec(3, ti.f32, (100,), uniform(-2, 2)), out := vec(3, ti.f32, (100,)), s := nd(ti.f32, (100, 3))), out=[out, s], rtol=1e-5, atol=2e-6, why="sums of products (fusable) and square roots")


@ti.kernel
def nan_inf(x: ti.types.ndarray(ti.f32, ndim=1), out: ti.types.ndarray(ti.i32, ndim=2)):
    for i in x:
        v = x[i]
        q = v / (v - v)  # NaN for finite v, and for 0 * inf
        out[i, 0] = ti.i32(ti.math.isnan(q))
        out[i, 1] = ti.i32(ti.math.isinf(1.0 / (v * 0.0)))
        out[i, 2] = ti.i32(q == q)
        out[i, 3] = ti.i32(ti.sqrt(-ti.abs(v) - 1.0) != ti.sqrt(-ti.abs(v) - 1.0))


# taichi-forge's CPU backend folds q == q to true under fast math where its Vulkan backend
# compares the NaN (false), as WebGPU does: forge's expected values are its Vulkan backend's.
case(
    "nan_and_infinity_tests",
    (nan_inf, nd(ti.f32, (64,), uniform(-5, 5)), out := nd(ti.i32, (64, 4))),
    out=[out],
    oracle="vulkan" if ti.__name__ == "taichi_forge" else "cpu",
)


@ti.kernel
def matrix_ops(m: ti.types.ndarray(ti.math.mat3, ndim=1), out: ti.types.ndarray(ti.math.mat3, ndim=1), d: ti.types.ndarray(ti.f32, ndim=1)):
    for i in m:
        a = m[i] + ti.Matrix.identity(ti.f32, 3) * 3.0
        out[i] = a.inverse() @ a
        d[i] = a.determinant() + a.trace()


case("mat3_inverse_determinant_trace", (matrix_ops, mat(3, 3, ti.f32, (64,), uniform(-1, 1)), out := mat(3, 3, ti.f32, (64,)), d := nd(ti.f32, (64,))), out=[out, d], rtol=1e-4, atol=1e-5, why="inverse by cofactors over the determinant: several fusable products per entry")
