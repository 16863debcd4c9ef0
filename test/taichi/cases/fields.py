"""Fields (ti.field, ti.Vector.field, ti.Matrix.field) in the root buffer, of several shapes,
written and read by kernels that take no arguments at all; read back through a kernel that
copies each field into an ndarray."""

from corpus import case, mat, nd, ti, vec

grid = ti.field(ti.f32, shape=(16, 16))
smooth = ti.field(ti.f32, shape=(16, 16))
counter = ti.field(ti.i32, shape=())
vel = ti.Vector.field(2, ti.f32, shape=64)
frames = ti.Matrix.field(2, 2, ti.f32, shape=(4, 5))
cells = ti.field(ti.i32, shape=(8, 8))
next_cells = ti.field(ti.i32, shape=(8, 8))


@ti.kernel
def init_grid():
    for i, j in grid:
        grid[i, j] = i * 0.5 - j * 0.25


@ti.kernel
def diffuse():
    for i, j in ti.ndrange((1, 15), (1, 15)):
        smooth[i, j] = (grid[i - 1, j] + grid[i + 1, j] + grid[i, j - 1] + grid[i, j + 1]) * 0.25
    for i, j in ti.ndrange((1, 15), (1, 15)):
        grid[i, j] = smooth[i, j]


@ti.kernel
def read_grid(out: ti.types.ndarray(ti.f32, ndim=2)):
    for i, j in grid:
        out[i, j] = grid[i, j]


case(
    "scalar_field_no_argument_kernels",
    (init_grid,),
    (read_grid, before := nd(ti.f32, (16, 16))),
    (diffuse,),
    (read_grid, after := nd(ti.f32, (16, 16))),
    out=[before, after],
    why="sums of quarters and halves: exact",
)


@ti.kernel
def count_up():
    for i in range(100):
        ti.atomic_add(counter[None], i)


@ti.kernel
def read_counter(out: ti.types.ndarray(ti.i32, ndim=0)):
    out[None] = counter[None]


case("zero_dim_field_counter", (count_up,), (count_up,), (read_counter, c := nd(ti.i32, ())), out=[c])


@ti.kernel
def init_vel():
    for i in vel:
        vel[i] = ti.Vector([ti.sin(i * 0.1), i * 0.5])


@ti.kernel
def rotate_vel():
    for i in vel:
        v = vel[i]
        vel[i] = ti.Vector([-v.y, v.x]) * 2.0


@ti.kernel
def read_vel(out: ti.types.ndarray(ti.math.vec2, ndim=1)):
    for i in vel:
        out[i] = vel[i]


case("vector_field", (init_vel,), (rotate_vel,), (read_vel, v := vec(2, ti.f32, (64,))), out=[v], rtol=1e-5, atol=1e-6, why="sin is a few ulp from libm")


@ti.kernel
def init_frames():
    for i, j in frames:
        frames[i, j] = ti.Matrix([[i, j], [i * j, 1.0]])
    for i, j in frames:
        frames[i, j] = frames[i, j] @ frames[i, j].transpose()


@ti.kernel
def read_frames(out: ti.types.ndarray(ti.math.mat2, ndim=2)):
    for i, j in frames:
        out[i, j] = frames[i, j]


case("matrix_field", (init_frames,), (read_frames, f := mat(2, 2, ti.f32, (4, 5))), out=[f], why="products of small integers: exact")


@ti.kernel
def seed_life():
    for i, j in cells:
        cells[i, j] = 1 if (i * 3 + j * 5) % 7 < 3 else 0


@ti.kernel
def life_step():
    for i, j in cells:
        n = 0
        for di, dj in ti.static(ti.ndrange((-1, 2), (-1, 2))):
            if di != 0 or dj != 0:
                n += cells[(i + di) % 8, (j + dj) % 8]
        alive = cells[i, j]
        next_cells[i, j] = 1 if (n == 3 or (alive == 1 and n == 2)) else 0
    for i, j in cells:
        cells[i, j] = next_cells[i, j]


@ti.kernel
def read_cells(out: ti.types.ndarray(ti.i32, ndim=2)):
    for i, j in cells:
        out[i, j] = cells[i, j]


case("game_of_life_fields", (seed_life,), (life_step,), (life_step,), (life_step,), (read_cells, c := nd(ti.i32, (8, 8))), out=[c])
