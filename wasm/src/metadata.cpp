// metadata.json / graphs.json through nlohmann/json, built without exceptions: parse errors
// come back as a discarded value, and every access below checks the type first, so a broken
// or hostile file is reported, never trapped on.
#include "metadata.h"

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include "error.h"
#include "metadata_forge.h"
#include "metadata_reader.h"

namespace tiw {
namespace {

constexpr int64_t kMaxU32 = 0xffffffffll;
constexpr uint32_t kMaxArgs = 64;

// The words of an ndarray's or texture's args struct, {shape: {dim_N, stride_bytes_N,
// affine_mode}, data_ptr}, by name: every word the shader may read gets a value at launch, so a
// member this runtime cannot fill is refused rather than left zero (a loop bounded by it would
// run no iteration).
bool arg_words(Reader &r, const json &type, ArgInfo &arg, const std::string &at) {
  // A texture typed as a plain word has nothing for the shader to read.
  if (arg.kind != ArgKind::Ndarray && type.is_object() && type.value("type_kind", -1) != 3) return true;
  const json *c = r.member(type, "content", at);
  const json *members = c ? r.array(*c, "elements_", at + ".content") : nullptr;
  if (!members) return false;
  uint32_t base = arg.offset;
  // A 0-D ndarray still has a dim_0, left 0 as Taichi's own runtime leaves it.
  uint32_t axes = arg.kind == ArgKind::Ndarray ? std::max<uint32_t>(arg.field_dim, 1) : 3;
  for (size_t m = 0; m < members->size(); ++m) {
    const json &member = (*members)[m];
    std::string mpath = at + ".content.elements_[" + std::to_string(m) + "]";
    std::string name;
    int64_t offset = 0;
    if (!r.string(member, "name", mpath, name) || !r.integer(member, "offset", mpath, 0, 1 << 16, offset)) return false;
    if (name == "data_ptr") {
      arg.words.push_back({base + static_cast<uint32_t>(offset), ArgWord::DataPtr, 0});
      continue;
    }
    if (name != "shape") return r.refuse_at(mpath + ".name", "member '" + name + "' of argument '" + arg.name + "' is not one this runtime fills"), false;
    if (arg.kind == ArgKind::Ndarray) arg.offset = base + static_cast<uint32_t>(offset);
    const json *st = r.member(member, "type", mpath);
    const json *sc = st ? r.member(*st, "content", mpath + ".type") : nullptr;
    const json *words = sc ? r.array(*sc, "elements_", mpath + ".type.content") : nullptr;
    if (!words) return false;
    // A shape struct listed without its members holds the dims in order, as Taichi lays them out.
    for (uint32_t d = 0; words->empty() && arg.kind == ArgKind::Ndarray && d < arg.field_dim; ++d) {
      arg.words.push_back({arg.offset + 4 * d, ArgWord::Dim, d});
    }
    for (size_t w = 0; w < words->size(); ++w) {
      std::string wpath = mpath + ".type.content.elements_[" + std::to_string(w) + "]";
      std::string word;
      int64_t word_offset = 0;
      if (!r.string((*words)[w], "name", wpath, word) || !r.integer((*words)[w], "offset", wpath, 0, 1 << 16, word_offset)) return false;
      ArgWordSlot slot{base + static_cast<uint32_t>(offset + word_offset), ArgWord::Dim, 0};
      const char *digits = nullptr;
      if (word.rfind("dim_", 0) == 0) {
        digits = word.c_str() + 4;
      } else if (word.rfind("stride_bytes_", 0) == 0) {
        slot.role = ArgWord::StrideBytes;
        digits = word.c_str() + 13;
      } else if (word == "affine_mode") {
        slot.role = ArgWord::AffineMode;
      } else {
        return r.refuse_at(wpath + ".name", "shape word '" + word + "' of argument '" + arg.name + "' is not one this runtime fills"), false;
      }
      if (digits) {
        if (std::strlen(digits) != 1 || digits[0] < '0' || static_cast<uint32_t>(digits[0] - '0') >= axes) {
          return r.fail_at(wpath + ".name", "'" + word + "' names no axis of argument '" + arg.name + "'"), false;
        }
        slot.axis = static_cast<uint32_t>(digits[0] - '0');
      }
      arg.words.push_back(slot);
    }
  }
  return true;
}

constexpr int64_t kPrimitiveTypeKind = 0;
constexpr int64_t kStructTypeKind = 3;

// Taichi 1.7 writes a vector or matrix argument as ptype 0 (scalar) with dtype 13 and its
// elements as a struct of primitives in args_type_ ("v_0", "v_1" for a vector, "m_0_0" ... for
// a matrix). It is a tensor: the dtype, stride and shape come from that struct.
bool tensor_from_struct(Reader &r, const json &type, ArgInfo &arg, const std::string &path) {
  const json *c = r.member(type, "content", path);
  const json *members = c ? r.array(*c, "elements_", path + ".content") : nullptr;
  if (!members) return false;
  if (members->empty() || members->size() > 64) return r.fail_at(path, "a tensor argument needs 1 to 64 elements"), false;
  std::vector<uint32_t> shape;
  for (size_t e = 0; e < members->size(); ++e) {
    std::string at = path + ".content.elements_[" + std::to_string(e) + "]";
    const json &m = (*members)[e];
    int64_t offset = 0, kind = 0, dtype = 0;
    const json *t = r.member(m, "type", at);
    if (!t || !r.integer(m, "offset", at, 0, 1 << 12, offset) || !r.integer(*t, "type_kind", at + ".type", 0, 16, kind)) return false;
    // A ti.types.struct argument of vector members or of members of several types (forge exports
    // them): sound, but the C API passes an argument as one scalar or one tensor of one type.
    const std::string split = "argument '" + arg.name + "' is a struct the Taichi C API cannot pass as one tensor (ti.types.struct): pass its members as separate arguments";
    if (kind != kPrimitiveTypeKind) return r.refuse_at(at + ".type", "a member is itself a vector or struct: " + split), false;
    const json *tc = r.member(*t, "content", at + ".type");
    if (!tc || !r.integer(*tc, "type", at + ".type.content", 0, TI_DATA_TYPE_UNKNOWN - 1, dtype)) return false;
    if (e == 0) {
      arg.dtype = static_cast<TiDataType>(dtype);
      if (data_type_size(arg.dtype) == 0) return r.fail_at(at + ".type", "not a storable element type"), false;
    } else if (dtype != arg.dtype) {
      return r.refuse_at(at + ".type", "members of different types: " + split), false;
    }
    if (e == 1) arg.tensor_stride = static_cast<uint32_t>(offset);
    if (offset != static_cast<int64_t>(e * arg.tensor_stride) || (e == 1 && offset < data_type_size(arg.dtype))) {
      return r.fail_at(at + ".offset", "tensor elements are not evenly spaced"), false;
    }
    // The indices after "<name>_" give the shape; names that do not parse leave a flat shape.
    std::string name;
    if (const json *n = r.member(m, "name", at, false); n && n->is_string()) name = n->get<std::string>();
    std::vector<uint32_t> index;
    if (name.size() > arg.name.size() + 1 && name.compare(0, arg.name.size() + 1, arg.name + "_") == 0) {
      size_t p = arg.name.size() + 1;
      while (p < name.size() && index.size() < 2) {
        size_t q = name.find('_', p);
        std::string part = name.substr(p, q == std::string::npos ? std::string::npos : q - p);
        if (part.empty() || part.size() > 2 || part.find_first_not_of("0123456789") != std::string::npos) break;
        index.push_back(static_cast<uint32_t>(std::stoul(part)));
        p = q == std::string::npos ? name.size() : q + 1;
      }
      if (p < name.size()) index.clear();
    }
    if (e == 0) shape.assign(index.size(), 0);
    if (index.size() != shape.size()) shape.clear();
    for (size_t d = 0; d < index.size() && d < shape.size(); ++d) shape[d] = std::max(shape[d], index[d] + 1);
  }
  if (members->size() == 1) arg.tensor_stride = data_type_size(arg.dtype);
  uint32_t count = 1;
  for (uint32_t d : shape) count *= d;
  if (shape.empty() || count != members->size()) shape = {static_cast<uint32_t>(members->size())};
  arg.kind = ArgKind::Tensor;
  arg.element_shape = shape;
  return true;
}

// The byte offset of argument `index` and, for an ndarray, of its shape, from args_type_.
bool arg_offsets(Reader &r, const json &args_type, std::vector<ArgInfo> &args, const std::string &path) {
  const json *content = r.member(args_type, "content", path);
  if (!content) return false;
  const json *elements = r.array(*content, "elements_", path + ".content");
  if (!elements) return false;
  if (elements->size() != args.size()) {
    r.fail_at(path, "element count differs from arg_attribs_vec_");
    return false;
  }
  for (size_t i = 0; i < args.size(); ++i) {
    std::string at = path + ".content.elements_[" + std::to_string(i) + "]";
    const json &e = (*elements)[i];
    int64_t offset = 0;
    if (!r.integer(e, "offset", at, 0, 1 << 20, offset)) return false;
    args[i].offset = static_cast<uint32_t>(offset);
    const json *type = r.member(e, "type", at);
    if (!type) return false;
    int64_t kind = 0;
    if (!r.integer(*type, "type_kind", at + ".type", 0, 16, kind)) return false;
    if (args[i].kind == ArgKind::Ndarray || args[i].kind == ArgKind::Texture || args[i].kind == ArgKind::RwTexture) {
      if (!arg_words(r, *type, args[i], at + ".type")) return false;
    } else if (args[i].kind == ArgKind::Scalar && kind == kStructTypeKind) {
      if (!tensor_from_struct(r, *type, args[i], at + ".type")) return false;
    } else if (args[i].kind == ArgKind::Tensor) {
      args[i].tensor_stride = data_type_size(args[i].dtype);
    }
    // std140 puts every scalar on a 4-byte boundary; a shader reading a shifted shape would loop
    // over a garbage range.
    if (args[i].offset % 4 != 0) {
      r.fail_at(at + ".offset", "not a multiple of 4");
      return false;
    }
  }
  return true;
}

bool parse_kernel(Reader &r, const json &k, const std::string &path, KernelInfo &out) {
  if (!r.string(k, "name", path, out.name)) return false;
  const json *ctx = r.member(k, "ctx_attribs", path);
  if (!ctx) return false;
  std::string cpath = path + ".ctx_attribs";
  int64_t v = 0;
  if (!r.integer(*ctx, "args_bytes_", cpath, 0, 1 << 16, v)) return false;
  out.args_bytes = static_cast<uint32_t>(v);
  if (!r.integer(*ctx, "rets_bytes_", cpath, 0, 1 << 16, v)) return false;
  out.rets_bytes = static_cast<uint32_t>(v);
  const json *attribs = r.array(*ctx, "arg_attribs_vec_", cpath);
  if (!attribs) return false;
  if (attribs->size() > kMaxArgs) return r.fail_at(cpath + ".arg_attribs_vec_", "more than 64 arguments"), false;
  out.args.resize(attribs->size());
  std::vector<bool> seen(attribs->size(), false);
  for (size_t i = 0; i < attribs->size(); ++i) {
    std::string at = cpath + ".arg_attribs_vec_[" + std::to_string(i) + "]";
    const json &entry = (*attribs)[i];
    std::vector<uint32_t> key;
    if (!r.uint_list(entry, "key", at, key, 4)) return false;
    if (key.size() != 1 || key[0] >= attribs->size() || seen[key[0]]) return r.fail_at(at + ".key", "argument packs and repeated or out-of-range keys are not supported"), false;
    seen[key[0]] = true;
    ArgInfo &arg = out.args[key[0]];
    const json *value = r.member(entry, "value", at);
    if (!value) return false;
    std::string vpath = at + ".value";
    if (!r.string(*value, "name", vpath, arg.name)) return false;
    if (!r.integer(*value, "ptype", vpath, 0, 4, v)) return false;
    arg.kind = static_cast<ArgKind>(v);
    if (!r.integer(*value, "dtype", vpath, 0, TI_DATA_TYPE_UNKNOWN, v)) return false;
    arg.dtype = static_cast<TiDataType>(v);
    if (!r.integer(*value, "field_dim", vpath, 0, 16, v)) return false;
    arg.field_dim = static_cast<uint32_t>(v);
    if (!r.uint_list(*value, "element_shape", vpath, arg.element_shape, 16)) return false;
    // Taichi 1.7.4 writes 0 for every argument; forge a rw_texture's texel format.
    v = 0;
    if (!r.integer(*value, "format", vpath, 0, TI_FORMAT_DEPTH32F, v, false) && !r.ok()) return false;
    arg.format = static_cast<TiFormat>(v);
    if (arg.kind == ArgKind::Ndarray && data_type_size(arg.dtype) == 0) return r.fail_at(vpath + ".dtype", "not a storable element type"), false;
  }
  const json *args_type = r.member(*ctx, "args_type_", cpath);
  if (!args_type || !arg_offsets(r, *args_type, out.args, cpath + ".args_type_")) return false;
  for (const ArgInfo &arg : out.args) {
    for (const ArgWordSlot &w : arg.words) {
      // data_ptr is never written: it stays the 0 the args slot starts with.
      if (w.role != ArgWord::DataPtr && (w.offset % 4 != 0 || w.offset + 4 > out.args_bytes)) return r.fail_at(cpath + ".args_type_", "a shape word of '" + arg.name + "' lies outside args_bytes_ or off a 4-byte boundary"), false;
    }
    uint32_t extent = arg.kind == ArgKind::Ndarray ? 4 * arg.field_dim : 4;
    if (arg.kind == ArgKind::Tensor) {
      uint32_t n = 1;
      for (uint32_t d : arg.element_shape) n *= d;
      extent = n * arg.tensor_stride;
    }
    if (arg.offset + extent > out.args_bytes) return r.fail_at(cpath + ".args_type_", "an argument lies outside args_bytes_"), false;
  }

  const json *tasks = r.array(k, "tasks_attribs", path);
  if (!tasks) return false;
  for (size_t t = 0; t < tasks->size(); ++t) {
    std::string tpath = path + ".tasks_attribs[" + std::to_string(t) + "]";
    const json &tj = (*tasks)[t];
    TaskInfo task;
    if (!r.string(tj, "name", tpath, task.name)) return false;
    if (!r.integer(tj, "advisory_total_num_threads", tpath, 0, kMaxU32, v)) return false;
    task.total_threads = static_cast<uint32_t>(v);
    if (!r.integer(tj, "advisory_num_threads_per_group", tpath, 1, 1024, v)) return false;
    task.threads_per_group = static_cast<uint32_t>(v);
    if (!r.integer(tj, "task_type", tpath, 0, 5, v)) return false;
    task.task_type = static_cast<int>(v);
    const json *binds = r.array(tj, "buffer_binds", tpath);
    if (!binds) return false;
    for (size_t b = 0; b < binds->size(); ++b) {
      std::string bpath = tpath + ".buffer_binds[" + std::to_string(b) + "]";
      BufferBind bind;
      if (!r.integer((*binds)[b], "binding", bpath, 0, 1000, v)) return false;
      bind.binding = static_cast<uint32_t>(v);
      const json *buffer = r.member((*binds)[b], "buffer", bpath);
      if (!buffer || !r.integer(*buffer, "type", bpath + ".buffer", 0, 6, v)) return false;
      bind.kind = static_cast<BufferKind>(v);
      const json *root = r.array(*buffer, "root_id", bpath + ".buffer");
      if (!root) return false;
      if (!root->empty()) {
        if (!(*root)[0].is_number_integer()) return r.fail_at(bpath + ".buffer.root_id", "expected integers"), false;
        int64_t id = (*root)[0].get<int64_t>();
        bind.arg_index = id < -1 || id > 1 << 20 ? -2 : static_cast<int32_t>(id);
      }
      if (bind.kind == BufferKind::ExtArr &&
          (root->size() != 1 || bind.arg_index < 0 || static_cast<size_t>(bind.arg_index) >= out.args.size() ||
           out.args[bind.arg_index].kind != ArgKind::Ndarray)) {
        return r.fail_at(bpath + ".buffer.root_id", "does not name an ndarray argument"), false;
      }
      if (bind.kind == BufferKind::ArgPack) return r.fail_at(bpath, "argument packs are not supported"), false;
      for (const BufferBind &other : task.buffers) {
        if (other.binding == bind.binding) return r.fail_at(bpath + ".binding", "two buffers share one binding"), false;
      }
      task.buffers.push_back(bind);
    }
    const json *textures = r.array(tj, "texture_binds", tpath, false);
    if (textures) {
      for (size_t b = 0; b < textures->size(); ++b) {
        std::string bpath = tpath + ".texture_binds[" + std::to_string(b) + "]";
        TextureBind bind;
        if (!r.integer((*textures)[b], "binding", bpath, 0, 1000, v)) return false;
        bind.binding = static_cast<uint32_t>(v);
        std::vector<uint32_t> arg_id;
        if (!r.uint_list((*textures)[b], "arg_id", bpath, arg_id, 4)) return false;
        if (arg_id.size() != 1 || arg_id[0] >= out.args.size()) return r.fail_at(bpath + ".arg_id", "does not name an argument"), false;
        bind.arg_index = static_cast<int32_t>(arg_id[0]);
        if (!r.integer((*textures)[b], "is_storage", bpath, 0, 1, v)) return false;
        bind.is_storage = v != 0;
        task.textures.push_back(bind);
      }
    }
    if (!r.ok()) return false;
    out.tasks.push_back(std::move(task));
  }
  return r.ok();
}

// symbolic_args[].tag (Taichi's graph ArgKind).
constexpr int kGraphTexture = 3;
constexpr int kGraphRwTexture = 4;

bool parse_graph(Reader &r, const json &g, const std::string &path, GraphInfo &out) {
  if (!r.string(g, "key", path, out.name)) return false;
  const json *value = r.member(g, "value", path);
  const json *dispatches = value ? r.array(*value, "dispatches", path + ".value") : nullptr;
  if (!dispatches) return false;
  for (size_t d = 0; d < dispatches->size(); ++d) {
    std::string dpath = path + ".value.dispatches[" + std::to_string(d) + "]";
    GraphDispatch dispatch;
    if (!r.string((*dispatches)[d], "kernel_name", dpath, dispatch.kernel)) return false;
    const json *args = r.array((*dispatches)[d], "symbolic_args", dpath);
    if (!args) return false;
    if (args->size() > kMaxArgs) return r.fail_at(dpath, "more than 64 arguments"), false;
    for (size_t a = 0; a < args->size(); ++a) {
      std::string apath = dpath + ".symbolic_args[" + std::to_string(a) + "]";
      SymbolicArg arg;
      int64_t v = 0;
      if (!r.string((*args)[a], "name", apath, arg.name)) return false;
      if (!r.integer((*args)[a], "tag", apath, 0, 16, v)) return false;
      arg.tag = static_cast<int>(v);
      // Taichi 1.7 leaves field_dim and element_shape of texture arguments uninitialised, and
      // its runtime never reads them (nor dtype_id): neither does this one.
      if (arg.tag == kGraphTexture || arg.tag == kGraphRwTexture) {
        dispatch.args.push_back(std::move(arg));
        continue;
      }
      if (!r.integer((*args)[a], "dtype_id", apath, 0, TI_DATA_TYPE_UNKNOWN, v)) return false;
      arg.dtype = static_cast<TiDataType>(v);
      if (!r.integer((*args)[a], "field_dim", apath, 0, 16, v)) return false;
      arg.field_dim = static_cast<uint32_t>(v);
      if (!r.uint_list((*args)[a], "element_shape", apath, arg.element_shape, 16)) return false;
      dispatch.args.push_back(std::move(arg));
    }
    out.dispatches.push_back(std::move(dispatch));
  }
  return r.ok();
}

// Every Root bind names an SNode tree the module sizes.
bool check_roots(const ModuleMetadata &meta) {
  for (const KernelInfo &k : meta.kernels) {
    for (const TaskInfo &t : k.tasks) {
      for (const BufferBind &b : t.buffers) {
        if (b.kind != BufferKind::Root) continue;
        if (b.arg_index < 0 || static_cast<size_t>(b.arg_index) >= meta.root_buffer_sizes.size()) {
          // Taichi 1.7 records the size of the first tree only; forge sizes each one.
          return fail(TI_ERROR_INCOMPATIBLE_MODULE,
                      "metadata.json: task %s binds the root buffer of SNode tree %d, but the module sizes %zu tree(s) (Taichi 1.7 records one: export fields of "
                      "several trees with taichi-forge, or place them in one tree)",
                      t.name.c_str(), b.arg_index, meta.root_buffer_sizes.size());
        }
      }
    }
  }
  return true;
}

}  // namespace

uint32_t data_type_size(TiDataType type) {
  switch (type) {
    case TI_DATA_TYPE_F16: case TI_DATA_TYPE_I16: case TI_DATA_TYPE_U16: return 2;
    case TI_DATA_TYPE_F32: case TI_DATA_TYPE_I32: case TI_DATA_TYPE_U32: return 4;
    case TI_DATA_TYPE_F64: case TI_DATA_TYPE_I64: case TI_DATA_TYPE_U64: return 8;
    case TI_DATA_TYPE_I8: case TI_DATA_TYPE_U8: case TI_DATA_TYPE_U1: return 1;
    default: return 0;
  }
}

const char *data_type_name(TiDataType type) {
  static const char *const kNames[] = {"f16", "f32", "f64", "i8", "i16", "i32", "i64", "u1", "u8", "u16", "u32", "u64", "gen", "unknown"};
  return static_cast<uint32_t>(type) <= TI_DATA_TYPE_UNKNOWN ? kNames[type] : "invalid";
}

bool parse_metadata(const std::string &metadata_json, const std::string &graphs_json, ModuleMetadata &out) {
  json meta = json::parse(metadata_json, nullptr, false);
  if (meta.is_discarded()) return fail(TI_ERROR_CORRUPTED_DATA, "metadata.json is not valid JSON");
  Reader r("metadata.json");
  const bool forge = meta.is_object() && meta.contains("metadata_version");
  if (forge && !refuse_forge_sparse(r, meta)) return fail(r.code(), "%s", r.error().c_str());
  const json *kernels = r.array(meta, "kernels", "$");
  if (!kernels) return fail(TI_ERROR_CORRUPTED_DATA, "%s", r.error().c_str());
  for (size_t i = 0; i < kernels->size(); ++i) {
    KernelInfo kernel;
    if (!parse_kernel(r, (*kernels)[i], "$.kernels[" + std::to_string(i) + "]", kernel)) return fail(r.code(), "%s", r.error().c_str());
    out.kernels.push_back(std::move(kernel));
  }
  int64_t root = 0;
  if (!r.integer(meta, "root_buffer_size", "$", 0, 1ll << 32, root, false) && !r.ok()) return fail(TI_ERROR_CORRUPTED_DATA, "%s", r.error().c_str());
  if (root > 0) out.root_buffer_sizes.push_back(static_cast<uint64_t>(root));
  const json *caps = r.array(meta, "required_caps", "$", false);
  if (caps) {
    for (size_t i = 0; i < caps->size(); ++i) {
      std::string key;
      int64_t level = 0;
      std::string at = "$.required_caps[" + std::to_string(i) + "]";
      if (!r.string((*caps)[i], "key", at, key) || !r.integer((*caps)[i], "value", at, 0, kMaxU32, level)) {
        return fail(TI_ERROR_CORRUPTED_DATA, "%s", r.error().c_str());
      }
      out.required_caps[key] = static_cast<uint32_t>(level);
    }
  }
  if (!r.ok()) return fail(TI_ERROR_CORRUPTED_DATA, "%s", r.error().c_str());

  json graphs = json::parse(graphs_json, nullptr, false);
  if (graphs.is_discarded()) return fail(TI_ERROR_CORRUPTED_DATA, "graphs.json is not valid JSON");
  if (!graphs.is_array()) return fail(TI_ERROR_CORRUPTED_DATA, "graphs.json: $: expected an array");
  Reader gr("graphs.json");
  for (size_t i = 0; i < graphs.size(); ++i) {
    GraphInfo graph;
    if (!parse_graph(gr, graphs[i], "$[" + std::to_string(i) + "]", graph)) return fail(TI_ERROR_CORRUPTED_DATA, "%s", gr.error().c_str());
    out.graphs.push_back(std::move(graph));
  }
  // taichi-forge's dialect: the same layout with fields of its own, each read or refused there.
  if (forge) {
    if (!read_forge_metadata(r, meta, out)) return fail(r.code(), "%s", r.error().c_str());
    if (!read_forge_graphs(gr, graphs)) return fail(gr.code(), "%s", gr.error().c_str());
  }
  return check_roots(out);
}

}  // namespace tiw
