// What metadata.json and graphs.json of a Taichi 1.5+ AOT module say, checked as it is read.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <taichi/taichi.h>

namespace tiw {

// ptype of arg_attribs_vec_.
enum class ArgKind : int { Scalar = 0, Ndarray = 1, Texture = 2, RwTexture = 3, Tensor = 4 };

// A 32-bit word of the args buffer that describes an ndarray or texture argument (the members of
// its `shape` struct and its data_ptr), filled by the runtime at each launch.
enum class ArgWord : uint8_t { Dim, StrideBytes, AffineMode, DataPtr };

struct ArgWordSlot {
  uint32_t offset = 0;  // bytes from the start of the args buffer
  ArgWord role = ArgWord::Dim;
  uint32_t axis = 0;    // Dim and StrideBytes
};

struct ArgInfo {
  std::string name;
  ArgKind kind = ArgKind::Scalar;
  TiDataType dtype = TI_DATA_TYPE_F32;
  uint32_t field_dim = 0;                 // an ndarray's ndim
  std::vector<uint32_t> element_shape;    // [2] for vec2, [2,2] for a 2x2 matrix
  uint32_t offset = 0;                    // byte offset in the args buffer (an ndarray: of its shape)
  uint32_t tensor_stride = 0;             // bytes between tensor elements in the args buffer
  std::vector<ArgWordSlot> words;         // ndarrays and textures
  TiFormat format = TI_FORMAT_UNKNOWN;    // a rw_texture's, where the module records it
};

// buffer_binds[].buffer.type
enum class BufferKind : int { Root = 0, GlobalTmps = 1, Args = 2, Rets = 3, ListGen = 4, ExtArr = 5, ArgPack = 6 };

struct BufferBind {
  uint32_t binding = 0;
  BufferKind kind = BufferKind::Root;
  int32_t arg_index = -1;  // ExtArr: the ndarray argument; Root: the root id
};

struct TextureBind {
  uint32_t binding = 0;
  int32_t arg_index = -1;
  bool is_storage = false;
};

struct TaskInfo {
  std::string name;
  uint32_t total_threads = 1;
  uint32_t threads_per_group = 1;
  int task_type = 0;
  uint32_t shared_bytes = 0;  // forge's static_shared_array_bytes
  std::vector<BufferBind> buffers;
  std::vector<TextureBind> textures;
};

struct KernelInfo {
  std::string name;
  std::vector<ArgInfo> args;
  uint32_t args_bytes = 0;
  uint32_t rets_bytes = 0;
  std::vector<TaskInfo> tasks;
};

struct SymbolicArg {
  std::string name;
  int tag = 0;  // Taichi's graph ArgKind: 0 scalar, 1 matrix, 2 ndarray, 3 texture, 4 rw_texture
  TiDataType dtype = TI_DATA_TYPE_F32;
  uint32_t field_dim = 0;
  std::vector<uint32_t> element_shape;
};

struct GraphDispatch {
  std::string kernel;
  std::vector<SymbolicArg> args;
};

struct GraphInfo {
  std::string name;
  std::vector<GraphDispatch> dispatches;
};

struct ModuleMetadata {
  std::vector<KernelInfo> kernels;
  std::vector<GraphInfo> graphs;
  std::map<std::string, uint32_t> required_caps;
  std::vector<uint64_t> root_buffer_sizes;  // one per SNode tree (Root binds name the tree)
  std::map<std::string, uint32_t> kernel_aliases;  // forge's second names of a kernel (index)
  size_t source_bytes = 0;  // of metadata.json and graphs.json: what parsing or describing may need
};

// Parses both files; sets CORRUPTED_DATA naming the file and the JSON path on failure.
bool parse_metadata(const std::string &metadata_json, const std::string &graphs_json, ModuleMetadata &out);

// Bytes of one element of a TiDataType (0 for types without a size).
uint32_t data_type_size(TiDataType type);
const char *data_type_name(TiDataType type);

}  // namespace tiw
