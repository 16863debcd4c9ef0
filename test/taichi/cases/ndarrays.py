"""ndarrays of rank 0 to 4 with scalar, vector and matrix elements; shapes read in the kernel."""

from corpus import case, ints, mat, nd, ti, uniform, vec

F32 = "f32 arithmetic the GPU may contract into fused multiply-adds"


@ti.kernel
def rank0_scalar(s: ti.types.ndarray(ti.f32, ndim=0), x: ti.types.ndarray(ti.f32, ndim=1)):
    for i in x:
        x[i] = x[i] * s[None]
    s[None] = s[None] * 2 + 1


case("rank0_f32", (rank0_scalar, s := nd(ti.f32, (), [1.5]), x := nd(ti.f32, (50,), uniform(-1, 1))), out=[s, x])


@ti.kernel
def rank0_vec(v: ti.types.ndarray(ti.math.vec3, ndim=0), out: ti.types.ndarray(ti.math.vec3, ndim=1)):
    for i in out:
        out[i] = v[None] * i
    v[None] = v[None].zyx


case("rank0_vec3", (rank0_vec, v := vec(3, ti.f32, (), [1.0, -2.0, 0.25]), out := vec(3, ti.f32, (16,))), out=[v, out], why="products of small integers and dyadic floats are exact")


@ti.kernel
def rank1_vec2(x: ti.types.ndarray(ti.math.vec2, ndim=1), out: ti.types.ndarray(ti.f32, ndim=1)):
    for i in x:
        out[i] = x[i].x * x[i].y + x[i].norm()
        x[i] = x[i].yx


case("rank1_vec2", (rank1_vec2, x := vec(2, ti.f32, (200,), uniform(-3, 3)), out := nd(ti.f32, (200,))), out=[x, out], rtol=2e-6, why="norm() is a square root (correctly rounded in both) after a fusable sum of squares")


@ti.kernel
def rank2_vec3(x: ti.types.ndarray(ti.math.vec3, ndim=2)):
    for i, j in x:
        x[i, j] = x[i, j].normalized() + ti.Vector([i, j, x.shape[1]])


case("rank2_vec3", (rank2_vec3, x := vec(3, ti.f32, (12, 17), uniform(0.5, 2))), out=[x], rtol=1e-6, atol=1e-6, why="normalized() divides by a square root; rounding of the sum of squares may differ by fusion")


@ti.kernel
def rank3_i32(x: ti.types.ndarray(ti.i32, ndim=3)):
    for i, j, k in x:
        x[i, j, k] = x[i, j, k] * 3 + i * 10000 + j * 100 + k + x.shape[0] * x.shape[2]


case("rank3_i32", (rank3_i32, x := nd(ti.i32, (5, 6, 7), ints(-50, 50))), out=[x])


@ti.kernel
def rank4_u32(x: ti.types.ndarray(ti.u32, ndim=4), out: ti.types.ndarray(ti.u32, ndim=4)):
    for i, j, k, l in x:
        out[i, j, k, l] = x[i, j, k, l] ^ ti.u32(((i * 7 + j) * 11 + k) * 13 + l)


case("rank4_u32", (rank4_u32, nd(ti.u32, (3, 4, 5, 6), ints(0, 2**32)), out := nd(ti.u32, (3, 4, 5, 6))), out=[out])


@ti.kernel
def rank4_f32_reverse(x: ti.types.ndarray(ti.f32, ndim=4), out: ti.types.ndarray(ti.f32, ndim=4)):
    for i, j, k, l in x:
        out[i, j, k, l] = x[x.shape[0] - 1 - i, j, x.shape[2] - 1 - k, l]


case("rank4_f32_index_math", (rank4_f32_reverse, nd(ti.f32, (2, 3, 4, 5), uniform(-1, 1)), out := nd(ti.f32, (2, 3, 4, 5))), out=[out], why="a copy: exact")


@ti.kernel
def rank2_mat2(a: ti.types.ndarray(ti.math.mat2, ndim=2), b: ti.types.ndarray(ti.math.mat2, ndim=2), c: ti.types.ndarray(ti.math.mat2, ndim=2)):
    for i, j in a:
        c[i, j] = a[i, j] @ b[i, j] + a[i, j].transpose()


case("rank2_mat2_matmul", (rank2_mat2, mat(2, 2, ti.f32, (8, 9), uniform(-2, 2)), mat(2, 2, ti.f32, (8, 9), uniform(-2, 2)), c := mat(2, 2, ti.f32, (8, 9))), out=[c], rtol=1e-5, atol=1e-6, why=F32)


@ti.kernel
def rank1_mat3(m: ti.types.ndarray(ti.math.mat3, ndim=1), v: ti.types.ndarray(ti.math.vec3, ndim=1), out: ti.types.ndarray(ti.math.vec3, ndim=1)):
    for i in m:
        out[i] = m[i].transpose() @ v[i] + m[i][1, 2] * v[i]


case("rank1_mat3_vec3", (rank1_mat3, mat(3, 3, ti.f32, (40,), uniform(-1, 1)), vec(3, ti.f32, (40,), uniform(-1, 1)), out := vec(3, ti.f32, (40,))), out=[out], rtol=1e-5, atol=1e-6, why=F32)


@ti.kernel
def rank3_vec4(x: ti.types.ndarray(ti.types.vector(4, ti.i32), ndim=3)):
    for i, j, k in x:
        x[i, j, k] = x[i, j, k].wzyx + ti.Vector([i, j, k, 1])


case("rank3_ivec4", (rank3_vec4, x := vec(4, ti.i32, (3, 4, 5), ints(-1000, 1000))), out=[x])


@ti.kernel
def rank2_mat2x3(m: ti.types.ndarray(ti.types.matrix(2, 3, ti.i32), ndim=2), out: ti.types.ndarray(ti.types.matrix(3, 2, ti.i32), ndim=2)):
    for i, j in m:
        out[i, j] = m[i, j].transpose() * (i - j)


case("rank2_imat2x3_transpose", (rank2_mat2x3, mat(2, 3, ti.i32, (4, 6), ints(-100, 100)), out := mat(3, 2, ti.i32, (4, 6))), out=[out])
