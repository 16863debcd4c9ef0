"""Field layouts beyond `shape=`: nested dense SNodes (ti.root.dense(...).dense(...)), a field
placed beside another in one SNode, ti.Struct.field, fields with offsets, u32 and i32 fields
beside f32 ones, struct-fors with ti.grouped, and atomics
on vector-field components. (Fields of a second SNode tree, ti.FieldsBuilder: Taichi 1.7 records
the size of one tree only; test/runtime/forge.test.ts tests both exporters' modules.)"""

from corpus import case, nd, ti, vec

blocked = ti.field(ti.f32)
ti.root.dense(ti.ij, (4, 2)).dense(ti.ij, (4, 8)).place(blocked)
pos = ti.Vector.field(3, ti.f32)
mass = ti.field(ti.f32)
ti.root.dense(ti.i, 24).place(pos, mass)
particles = ti.Struct.field({"x": ti.math.vec2, "id": ti.i32, "w": ti.f32}, shape=20)
shifted = ti.field(ti.i32, shape=(12, 6), offset=(-4, 3))
hashes = ti.field(ti.u32, shape=40)
bins = ti.Vector.field(4, ti.i32, shape=5)
second = ti.field(ti.f32)
ti.root.dense(ti.i, 32).place(second)


@ti.kernel
def fill_layouts():
    for i, j in blocked:
        blocked[i, j] = i * 100 + j
    for i in pos:
        pos[i] = ti.Vector([i, -i, i * 0.5])
        mass[i] = 1.0 + i
    for i in particles:
        particles[i].x = ti.Vector([i * 0.25, 1.0 - i])
        particles[i].id = i * 7 - 3
        particles[i].w = particles[i].x.dot(particles[i].x)
    for I in ti.grouped(shifted):
        shifted[I] = I[0] * 10 + I[1]
    for i in hashes:
        hashes[i] = ti.u32(i) * ti.u32(2654435761)
    for i in second:
        second[i] = i * i * 0.5


@ti.kernel
def scatter_bins():
    for i in hashes:
        b = ti.cast(hashes[i] >> 29, ti.i32) % 5
        ti.atomic_add(bins[b][0], 1)
        ti.atomic_max(bins[b][1], i)
        bins[b][2] += i
        ti.atomic_or(bins[b][3], 1 << (i % 31))


@ti.kernel
def read_layouts(
    ob: ti.types.ndarray(ti.f32, ndim=2),
    op: ti.types.ndarray(ti.math.vec4, ndim=1),
    opart: ti.types.ndarray(ti.f32, ndim=2),
    osh: ti.types.ndarray(ti.i32, ndim=2),
    oh: ti.types.ndarray(ti.u32, ndim=1),
    obins: ti.types.ndarray(ti.math.ivec4, ndim=1),
    osec: ti.types.ndarray(ti.f32, ndim=1),
):
    for I in ti.grouped(blocked):
        ob[I] = blocked[I] + second[I[1]]
    for i in pos:
        op[i] = ti.Vector([pos[i].x, pos[i].y, pos[i].z, mass[i]])
    for i in particles:
        opart[i, 0] = particles[i].x[0]
        opart[i, 1] = particles[i].x[1]
        opart[i, 2] = particles[i].id
        opart[i, 3] = particles[i].w
    for i, j in shifted:
        osh[i + 4, j - 3] = shifted[i, j]
    for i in hashes:
        oh[i] = hashes[i]
    for i in bins:
        obins[i] = bins[i]
    for i in second:
        osec[i] = second[i]


case(
    "nested_dense_struct_offset_fields",
    (fill_layouts,),
    (scatter_bins,),
    (read_layouts, ob := nd(ti.f32, (16, 16)), op := vec(4, ti.f32, (24,)), opart := nd(ti.f32, (20, 4)), osh := nd(ti.i32, (12, 6)), oh := nd(ti.u32, (40,)), obins := vec(4, ti.i32, (5,)), osec := nd(ti.f32, (32,))),
    out=[ob, op, opart, osh, oh, obins, osec],
    why="small integers, halves and quarters: exact",
)
