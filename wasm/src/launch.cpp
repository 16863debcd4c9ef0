// ti_launch_kernel and ti_launch_compute_graph: arguments are checked against the kernel's
// metadata, written into an args slot, and each task is recorded as bind + dispatch.
#include <algorithm>
#include <cstring>
#include <string>

#include "error.h"
#include "half.h"
#include "heap.h"
#include "registry.h"

namespace tiw {
namespace {

constexpr uint32_t kMaxArgs = 64;

std::string shape_text(const uint32_t *dims, uint32_t n) {
  std::string s = "[";
  for (uint32_t i = 0; i < n; ++i) s += (i ? ", " : "") + std::to_string(dims[i]);
  return s + "]";
}

const char *kind_name(ArgKind kind) {
  switch (kind) {
    case ArgKind::Scalar: return "a scalar";
    case ArgKind::Ndarray: return "an ndarray";
    case ArgKind::Texture: return "a texture";
    case ArgKind::RwTexture: return "a rw_texture";
    case ArgKind::Tensor: return "a tensor";
  }
  return "?";
}

bool check_ndarray(TiRuntime runtime, const ArgInfo &arg, uint32_t index, const TiNdArray &nd) {
  // Launches are hot: the argument's name is formatted only when a check fails.
  auto at = [&] { return "argument " + std::to_string(index) + " ('" + arg.name + "')"; };
  if (nd.memory == TI_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "%s: ndarray.memory", at().c_str());
  Memory *m = registry().memories.get(handle_bits(nd.memory));
  if (!m || m->owner != runtime) return lookup_memory(runtime, nd.memory, (at() + ": ndarray.memory").c_str()) != nullptr;
  // Like Taichi's runtime, the shape and element shape are read as one list: its first
  // field_dim entries are the array's shape, and the rest must be the kernel's element shape,
  // 1-sized entries aside (an element shape of {1} for a scalar element, or a 0-D vec3 parameter
  // given shape [3]). Any such split lays the elements out the same way in memory.
  if (nd.shape.dim_count > 16 || nd.elem_shape.dim_count > 16) return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "%s: more than 16 dimensions", at().c_str());
  uint32_t dims[32];
  uint32_t n = 0;
  for (uint32_t i = 0; i < nd.shape.dim_count; ++i) dims[n++] = nd.shape.dims[i];
  for (uint32_t i = 0; i < nd.elem_shape.dim_count; ++i) dims[n++] = nd.elem_shape.dims[i];
  if (n < arg.field_dim) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "%s: the kernel takes a %u-D ndarray, got shape %s", at().c_str(), arg.field_dim,
                shape_text(nd.shape.dims, nd.shape.dim_count).c_str());
  }
  const std::vector<uint32_t> &want = arg.element_shape;
  size_t e = 0;
  bool same = true;
  for (uint32_t d = arg.field_dim; d < n && same; ++d) {
    if (dims[d] == 1) continue;
    while (e < want.size() && want[e] == 1) ++e;
    same = e < want.size() && want[e++] == dims[d];
  }
  while (e < want.size() && want[e] == 1) ++e;
  if (!same || e != want.size()) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "%s: shape %s with element shape %s, the kernel takes a %u-D ndarray of elements %s", at().c_str(),
                shape_text(nd.shape.dims, nd.shape.dim_count).c_str(), shape_text(nd.elem_shape.dims, nd.elem_shape.dim_count).c_str(), arg.field_dim,
                shape_text(want.data(), static_cast<uint32_t>(want.size())).c_str());
  }
  if (nd.elem_type != arg.dtype) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "%s: element type %s, the kernel takes %s", at().c_str(), data_type_name(nd.elem_type), data_type_name(arg.dtype));
  }
  uint64_t elements = 1;
  for (uint32_t i = 0; i < nd.shape.dim_count; ++i) elements *= nd.shape.dims[i];
  for (uint32_t i = 0; i < nd.elem_shape.dim_count; ++i) elements *= nd.elem_shape.dims[i];
  uint64_t bytes = elements * data_type_size(arg.dtype);
  if (bytes > m->size) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "%s: shape %s needs %llu bytes, the memory has %llu", at().c_str(),
                shape_text(nd.shape.dims, nd.shape.dim_count).c_str(), (unsigned long long)bytes, (unsigned long long)m->size);
  }
  if (!(m->usage & VK_BUFFER_USAGE_STORAGE_BUFFER_BIT)) return fail(TI_ERROR_INVALID_ARGUMENT, "%s: the memory lacks storage usage", at().c_str());
  // The whole memory is bound; WebGPU would reject the submission, and every launch recorded with it.
  const Runtime *rt = registry().runtimes.get(handle_bits(runtime));
  uint32_t bindable = rt ? rt->properties.limits.maxStorageBufferRange : UINT32_MAX;
  if (m->size > bindable) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "%s: its memory of %llu bytes is more than the device binds as one storage buffer (%u: WebGPU's maxStorageBufferBindingSize)",
                at().c_str(), (unsigned long long)m->size, bindable);
  }
  return true;
}

bool check_scalar(const ArgInfo &arg, uint32_t index, const TiArgument &a) {
  TiDataType given;
  switch (a.type) {
    case TI_ARGUMENT_TYPE_I32: given = TI_DATA_TYPE_I32; break;
    case TI_ARGUMENT_TYPE_F32: given = TI_DATA_TYPE_F32; break;
    default: given = a.value.scalar.type; break;
  }
  bool ok = given == arg.dtype || (arg.dtype == TI_DATA_TYPE_U32 && given == TI_DATA_TYPE_I32);
  if (!ok) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "argument %u ('%s'): a %s scalar, the kernel takes %s", index, arg.name.c_str(), data_type_name(given),
                data_type_name(arg.dtype));
  }
  if (data_type_size(arg.dtype) > 4) return fail(TI_ERROR_NOT_SUPPORTED, "argument %u ('%s'): 64-bit scalars are not supported", index, arg.name.c_str());
  return true;
}

// A texture argument: a live image of this runtime with the usage the kernel needs, and a live
// sampler when one is given (without one, sampled textures use the runtime's default sampler).
bool check_texture(TiRuntime runtime, const ArgInfo &arg, uint32_t index, const TiTexture &texture) {
  auto at = [&] { return "argument " + std::to_string(index) + " ('" + arg.name + "')"; };
  Image *image = registry().images.get(handle_bits(texture.image));
  if (!image || image->owner != runtime) return lookup_image(runtime, texture.image, (at() + ": texture.image").c_str()) != nullptr;
  if (arg.kind == ArgKind::RwTexture && image->storage_view == VK_NULL_HANDLE) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "%s: a rw_texture needs an image with storage usage", at().c_str());
  }
  if (arg.kind == ArgKind::Texture && image->sampled_view == VK_NULL_HANDLE) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "%s: a texture needs an image with sampled usage", at().c_str());
  }
  // A storage image of another texel format than the shader declares would be refused by WebGPU
  // with the whole submission.
  if (arg.kind == ArgKind::RwTexture && arg.format != TI_FORMAT_UNKNOWN && image->format != TI_FORMAT_UNKNOWN && image->format != arg.format) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "%s: an image of format %s, the kernel stores %s", at().c_str(), format_name(image->format), format_name(arg.format));
  }
  if (texture.sampler != TI_NULL_HANDLE && !lookup_sampler(runtime, texture.sampler, (at() + ": texture.sampler").c_str())) return false;
  return true;
}

// Deterministic mode runs a texture argument only where every adapter gives its texels the same
// bits: WebGPU leaves the conversion of normalized texels (unorm, snorm, sRGB) to and from floats,
// and the rounding of a float stored as a 16-bit float, to each implementation.
const char *deterministic_texel_refusal(const ArgInfo &arg, TiFormat format) {
  switch (format) {
    case TI_FORMAT_R8: case TI_FORMAT_RG8: case TI_FORMAT_RGBA8: case TI_FORMAT_RGBA8SRGB: case TI_FORMAT_BGRA8:
    case TI_FORMAT_BGRA8SRGB: case TI_FORMAT_R16: case TI_FORMAT_RG16: case TI_FORMAT_RGB16: case TI_FORMAT_RGBA16:
      return "each adapter converts normalized texels to and from floats its own way";
    case TI_FORMAT_R16F: case TI_FORMAT_RG16F: case TI_FORMAT_RGB16F: case TI_FORMAT_RGBA16F:
      return arg.kind == ArgKind::RwTexture ? "each adapter rounds a float it stores as a 16-bit float its own way" : nullptr;
    default:
      return nullptr;
  }
}

bool check_deterministic_texture(TiRuntime runtime, const KernelInfo &kernel, const ArgInfo &arg, uint32_t index, const TiTexture &texture) {
  Runtime *rt = lookup_runtime(runtime);
  Image *image = registry().images.get(handle_bits(texture.image));
  if (!rt || !rt->deterministic || !image) return true;
  TiFormat format = image->format != TI_FORMAT_UNKNOWN ? image->format : arg.format;
  const char *why = deterministic_texel_refusal(arg, format);
  if (!why) return true;
  return fail(TI_ERROR_NOT_SUPPORTED, "kernel '%s' cannot run in deterministic mode: argument %u ('%s') is a texture of format %s: %s", kernel.name.c_str(), index,
              arg.name.c_str(), format_name(format), why);
}

// In deterministic mode a kernel with a refused task cannot launch (aot_module.cpp).
bool check_runnable(const Kernel &kernel) {
  for (const Task &t : kernel.tasks) {
    if (!t.refusal.empty()) {
      return fail(TI_ERROR_NOT_SUPPORTED, "kernel '%s' cannot run in deterministic mode: task %s: %s", kernel.info->name.c_str(), t.info->name.c_str(), t.refusal.c_str());
    }
  }
  return true;
}

bool check_args(TiRuntime runtime, const KernelInfo &kernel, uint32_t arg_count, const TiArgument *args) {
  if (arg_count != kernel.args.size()) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "kernel '%s' takes %zu arguments, got %u", kernel.name.c_str(), kernel.args.size(), arg_count);
  }
  for (uint32_t i = 0; i < arg_count; ++i) {
    const ArgInfo &arg = kernel.args[i];
    const TiArgument &a = args[i];
    bool matches = false;
    switch (arg.kind) {
      case ArgKind::Scalar: matches = a.type == TI_ARGUMENT_TYPE_I32 || a.type == TI_ARGUMENT_TYPE_F32 || a.type == TI_ARGUMENT_TYPE_SCALAR; break;
      case ArgKind::Ndarray: matches = a.type == TI_ARGUMENT_TYPE_NDARRAY; break;
      case ArgKind::Tensor: matches = a.type == TI_ARGUMENT_TYPE_TENSOR; break;
      case ArgKind::Texture:
      case ArgKind::RwTexture: matches = a.type == TI_ARGUMENT_TYPE_TEXTURE; break;
    }
    if (!matches) {
      return fail(TI_ERROR_INVALID_ARGUMENT, "argument %u ('%s') must be %s (argument type %u given)", i, arg.name.c_str(), kind_name(arg.kind),
                  static_cast<unsigned>(a.type));
    }
    if (arg.kind == ArgKind::Ndarray && !check_ndarray(runtime, arg, i, a.value.ndarray)) return false;
    if (arg.kind == ArgKind::Scalar && !check_scalar(arg, i, a)) return false;
    if (arg.kind == ArgKind::Tensor) {
      uint32_t n = 1;
      for (uint32_t d : arg.element_shape) n *= d;
      if (a.value.tensor.type != arg.dtype) {
        return fail(TI_ERROR_INVALID_ARGUMENT, "argument %u ('%s'): tensor of %s, the kernel takes %s", i, arg.name.c_str(), data_type_name(a.value.tensor.type),
                    data_type_name(arg.dtype));
      }
      if (a.value.tensor.contents.length != n) {
        return fail(TI_ERROR_INVALID_ARGUMENT, "argument %u ('%s'): %u tensor elements, the kernel takes %u", i, arg.name.c_str(), a.value.tensor.contents.length, n);
      }
      if (n * data_type_size(arg.dtype) > sizeof(TiTensorValue)) return fail(TI_ERROR_INVALID_ARGUMENT, "argument %u ('%s'): tensor too large", i, arg.name.c_str());
    }
    if ((arg.kind == ArgKind::Texture || arg.kind == ArgKind::RwTexture) &&
        (!check_texture(runtime, arg, i, a.value.texture) || !check_deterministic_texture(runtime, kernel, arg, i, a.value.texture))) {
      return false;
    }
  }
  return true;
}

// An ndarray's shape and row-major byte strides, or a texture's extent (trailing axes 0). The
// shader indexes linearly when affine_mode is 0, which every whole C API ndarray is; data_ptr is
// the byte offset of the data in its binding, 0 since every ndarray is bound whole.
void write_words(const ArgInfo &arg, const TiArgument &a, uint8_t *out) {
  uint32_t dims[16] = {};
  uint32_t strides[16] = {};
  if (arg.kind == ArgKind::Ndarray) {
    uint32_t n = std::min<uint32_t>(arg.field_dim, 16);
    uint32_t stride = data_type_size(arg.dtype);
    for (uint32_t d : arg.element_shape) stride *= d;
    // The shape and element shape read as one list (check_ndarray): its first field_dim entries.
    const TiNdArray &nd = a.value.ndarray;
    for (uint32_t d = n; d-- > 0;) {
      dims[d] = d < nd.shape.dim_count ? nd.shape.dims[d] : nd.elem_shape.dims[d - nd.shape.dim_count];
      strides[d] = stride;
      stride *= dims[d];
    }
  } else {
    const TiImageExtent &e = registry().images.get(handle_bits(a.value.texture.image))->extent;
    const uint32_t extent[3] = {e.width, e.height, e.depth};
    for (uint32_t d = 0; d < std::min<uint32_t>(arg.field_dim, 3); ++d) dims[d] = extent[d];
  }
  for (const ArgWordSlot &w : arg.words) {
    if (w.role == ArgWord::DataPtr) continue;
    uint32_t value = 0;
    if (w.role == ArgWord::Dim) value = dims[w.axis];
    if (w.role == ArgWord::StrideBytes) value = strides[w.axis];
    std::memcpy(out + w.offset, &value, 4);
  }
}

// A scalar in the kernel's own width; an f16 arrives as a float (as Taichi's C API takes it).
void write_scalar(TiDataType dtype, const TiScalarValue &value, uint8_t *at) {
  if (dtype == TI_DATA_TYPE_F16) {
    float f;
    std::memcpy(&f, &value.x32, 4);
    const uint16_t bits = half_from_float(f);
    std::memcpy(at, &bits, 2);
    return;
  }
  std::memcpy(at, &value, data_type_size(dtype));
}

void write_args(const KernelInfo &kernel, const TiArgument *args, uint8_t *out) {
  std::memset(out, 0, kernel.args_bytes);
  for (size_t i = 0; i < kernel.args.size(); ++i) {
    const ArgInfo &arg = kernel.args[i];
    const TiArgument &a = args[i];
    uint8_t *at = out + arg.offset;
    switch (arg.kind) {
      case ArgKind::Scalar:
        if (a.type == TI_ARGUMENT_TYPE_I32) std::memcpy(at, &a.value.i32, 4);
        else if (a.type == TI_ARGUMENT_TYPE_F32) std::memcpy(at, &a.value.f32, 4);
        else write_scalar(arg.dtype, a.value.scalar.value, at);
        break;
      case ArgKind::Ndarray:
      case ArgKind::Texture:
      case ArgKind::RwTexture:
        write_words(arg, a, out);
        break;
      case ArgKind::Tensor: {
        uint32_t size = data_type_size(arg.dtype);
        for (uint32_t e = 0; e < a.value.tensor.contents.length; ++e) {
          std::memcpy(at + e * arg.tensor_stride, a.value.tensor.contents.data.x8 + e * size, size);
        }
        break;
      }
      default:
        break;
    }
  }
}

VkDescriptorSet descriptor_set(Runtime &rt, AotModule &module, Task &task, const std::vector<VkBuffer> &buffers, const std::vector<VkDescriptorImageInfo> &images,
                               uint32_t args_range) {
  // The key vector is the task's own, so a cache hit allocates nothing.
  std::vector<uint64_t> &key = task.scratch_key;
  key.assign(buffers.begin(), buffers.end());
  for (const VkDescriptorImageInfo &i : images) {
    key.push_back(i.imageView);
    key.push_back(i.sampler);
  }
  auto it = task.sets.find(key);
  if (it != task.sets.end()) return it->second;
  VkDescriptorSet set = VK_NULL_HANDLE;
  if (!task.spare_sets.empty() && task.spare_sets.front().after <= rt.list.completed()) {
    set = task.spare_sets.front().set;
    task.spare_sets.erase(task.spare_sets.begin());
  }
  constexpr uint32_t kSetsPerPool = 256;
  if (set == VK_NULL_HANDLE && (module.pools.empty() || module.sets_in_last_pool == kSetsPerPool)) {
    VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kSetsPerPool * 16},
                                    {VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC, kSetsPerPool},
                                    {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, kSetsPerPool * 4},
                                    {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, kSetsPerPool * 4}};
    VkDescriptorPoolCreateInfo dpci{};
    dpci.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
    dpci.maxSets = kSetsPerPool;
    dpci.poolSizeCount = 4;
    dpci.pPoolSizes = sizes;
    VkDescriptorPool pool;
    VkResult r = vkCreateDescriptorPool(rt.device, &dpci, nullptr, &pool);
    if (r != VK_SUCCESS) {
      fail_vk(r, "vkCreateDescriptorPool");
      return VK_NULL_HANDLE;
    }
    module.pools.push_back(pool);
    module.sets_in_last_pool = 0;
  }
  if (set == VK_NULL_HANDLE) {
    VkDescriptorSetAllocateInfo ai{};
    ai.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
    ai.descriptorPool = module.pools.back();
    ai.descriptorSetCount = 1;
    ai.pSetLayouts = &task.set_layout;
    VkResult r = vkAllocateDescriptorSets(rt.device, &ai, &set);
    if (r != VK_SUCCESS) {
      fail_vk(r, "vkAllocateDescriptorSets");
      return VK_NULL_HANDLE;
    }
    module.sets_in_last_pool++;
  }
  std::vector<VkDescriptorBufferInfo> infos(buffers.size());
  std::vector<VkWriteDescriptorSet> writes(buffers.size() + images.size());
  for (size_t i = 0; i < buffers.size(); ++i) {
    const BufferBind &b = task.info->buffers[i];
    infos[i] = {buffers[i], 0, b.kind == BufferKind::Args ? args_range : VK_WHOLE_SIZE};
    VkWriteDescriptorSet &w = writes[i];
    w = VkWriteDescriptorSet{};
    w.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
    w.dstSet = set;
    w.dstBinding = b.binding;
    w.descriptorCount = 1;
    w.descriptorType = b.kind == BufferKind::Args ? VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC : VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    w.pBufferInfo = &infos[i];
  }
  for (size_t i = 0; i < images.size(); ++i) {
    const TextureBind &t = task.info->textures[i];
    VkWriteDescriptorSet &w = writes[buffers.size() + i];
    w = VkWriteDescriptorSet{};
    w.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
    w.dstSet = set;
    w.dstBinding = t.binding;
    w.descriptorCount = 1;
    w.descriptorType = t.is_storage ? VK_DESCRIPTOR_TYPE_STORAGE_IMAGE : VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    w.pImageInfo = &images[i];
  }
  vkUpdateDescriptorSets(rt.device, static_cast<uint32_t>(writes.size()), writes.data(), 0, nullptr);
  task.sets.emplace(key, set);
  return set;
}

}  // namespace

bool record_launch(Runtime &rt, AotModule &module, Kernel &kernel, uint32_t /*arg_count*/, const TiArgument *args) {
  const KernelInfo &info = *kernel.info;
  VkBuffer args_buffer = VK_NULL_HANDLE;
  uint32_t args_offset = 0;
  uint32_t args_range = std::max<uint32_t>(info.args_bytes, 16);
  // Written whole (padding zeroed), so equal arguments compare equal byte for byte.
  rt.args_scratch.assign(args_range, 0);
  write_args(info, args, rt.args_scratch.data());
  if (!rt.args_for(rt.args_scratch.data(), args_range, args_buffer, args_offset)) return false;
  VkCommandBuffer cb = rt.list.commands();
  if (cb == VK_NULL_HANDLE) return false;
  uint32_t max_groups = rt.properties.limits.maxComputeWorkGroupCount[0];
  for (Task &task : kernel.tasks) {
    std::vector<VkBuffer> &buffers = task.scratch_buffers;
    buffers.clear();
    for (const BufferBind &b : task.info->buffers) {
      switch (b.kind) {
        case BufferKind::Args: buffers.push_back(args_buffer); break;
        case BufferKind::ExtArr: buffers.push_back(registry().memories.get(handle_bits(args[b.arg_index].value.ndarray.memory))->buffer); break;
        case BufferKind::Root:
          if (module.roots[b.arg_index].buffer == VK_NULL_HANDLE) return fail(TI_ERROR_CORRUPTED_DATA, "task %s binds SNode tree %d, whose root buffer size is 0", task.info->name.c_str(), b.arg_index);
          buffers.push_back(module.roots[b.arg_index].buffer);
          break;
        case BufferKind::GlobalTmps:
          if (!rt.shared_buffer(rt.global_tmps, 1 << 20, false)) return false;
          buffers.push_back(rt.global_tmps.buffer);
          break;
        case BufferKind::ListGen:
          if (!rt.shared_buffer(rt.list_gen, 32 << 20, false)) return false;
          buffers.push_back(rt.list_gen.buffer);
          break;
        case BufferKind::Rets:
          if (!rt.shared_buffer(rt.rets, 4096, true)) return false;
          buffers.push_back(rt.rets.buffer);
          break;
        case BufferKind::ArgPack: return fail(TI_ERROR_NOT_SUPPORTED, "argument packs are not supported");
      }
    }
    // Storage images are used in GENERAL layout, sampled ones in SHADER_READ_ONLY_OPTIMAL.
    std::vector<VkDescriptorImageInfo> &images = task.scratch_images;
    images.clear();
    for (const TextureBind &t : task.info->textures) {
      const TiTexture &texture = args[t.arg_index].value.texture;
      Image *image = registry().images.get(handle_bits(texture.image));
      VkDescriptorImageInfo info{};
      if (t.is_storage) {
        info.imageView = image->storage_view;
        info.imageLayout = VK_IMAGE_LAYOUT_GENERAL;
      } else {
        info.sampler = texture.sampler != TI_NULL_HANDLE ? registry().samplers.get(handle_bits(texture.sampler))->sampler : default_sampler(module.runtime, rt);
        if (info.sampler == VK_NULL_HANDLE) return false;
        info.imageView = image->sampled_view;
        info.imageLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
      }
      images.push_back(info);
    }
    VkDescriptorSet set = descriptor_set(rt, module, task, buffers, images, args_range);
    if (set == VK_NULL_HANDLE) return false;
    rt.list.barrier();
    for (size_t i = 0; i < images.size(); ++i) {
      Image *image = registry().images.get(handle_bits(args[task.info->textures[i].arg_index].value.texture.image));
      if (!transition_image(rt, *image, images[i].imageLayout)) return false;
    }
    // Bindings persist within a command buffer: consecutive launches of one task bind the
    // pipeline once, and the set once while its buffers and argument slot stay the same.
    bool rebind = rt.list.bound_pipeline != task.pipeline || rt.list.bound_set != set || rt.list.bound_args_offset != args_offset;
    if (rt.list.bound_pipeline != task.pipeline) {
      vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, task.pipeline);
      rt.list.bound_pipeline = task.pipeline;
    }
    if (rebind) {
      // Only the args buffer is a dynamic binding; a task without one (a kernel taking no
      // arguments, or only textures) has a set with no dynamic offsets to give.
      bool binds_args = std::any_of(task.info->buffers.begin(), task.info->buffers.end(), [](const BufferBind &b) { return b.kind == BufferKind::Args; });
      uint32_t dynamic_offsets = binds_args ? 1 : 0;
      vkCmdBindDescriptorSets(cb, VK_PIPELINE_BIND_POINT_COMPUTE, task.pipeline_layout, 0, 1, &set, dynamic_offsets, &args_offset);
      rt.list.bound_set = set;
      rt.list.bound_args_offset = args_offset;
    }
    // range_for tasks loop over their range inside the shader, so capping the grid is safe.
    uint32_t groups = (task.info->total_threads + task.info->threads_per_group - 1) / task.info->threads_per_group;
    vkCmdDispatch(cb, std::max<uint32_t>(1, std::min(groups, max_groups)), 1, 1);
  }
  return true;
}

}  // namespace tiw

using namespace tiw;

extern "C" {

void ti_launch_kernel(TiRuntime runtime, TiKernel kernel, uint32_t arg_count, const TiArgument *args) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  Kernel *k = lookup(registry().kernels, runtime, kernel, "kernel");
  if (!k) return;
  if (arg_count > kMaxArgs) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "arg_count");
    return;
  }
  if (arg_count > 0) TIW_CHECK_NULL(args, );
  AotModule *module = registry().modules.get(handle_bits(k->module));
  if (!check_runnable(*k) || !check_args(runtime, *k->info, arg_count, args)) return;
  if (record_launch(*rt, *module, *k, arg_count, args)) rt->submit_if_due(1);
}

void ti_launch_compute_graph(TiRuntime runtime, TiComputeGraph compute_graph, uint32_t arg_count, const TiNamedArgument *args) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  ComputeGraph *g = lookup(registry().graphs, runtime, compute_graph, "compute_graph");
  if (!g) return;
  if (arg_count > kMaxArgs) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "arg_count");
    return;
  }
  if (arg_count > 0) TIW_CHECK_NULL(args, );
  AotModule *module = registry().modules.get(handle_bits(g->module));
  for (uint32_t i = 0; i < arg_count; ++i) {
    if (args[i].name == nullptr) {
      fail(TI_ERROR_ARGUMENT_NULL, "args[%u].name", i);
      return;
    }
  }
  size_t symbolic = 0;
  for (const GraphDispatch &dispatch : g->info->dispatches) symbolic += dispatch.args.size();
  if (!heap_room(g->info->dispatches.size() * sizeof(std::vector<TiArgument>) * 2 + symbolic * sizeof(TiArgument) * 2, "the graph's arguments")) return;
  // Check every dispatch before recording any, so a bad argument records nothing.
  std::vector<std::vector<TiArgument>> resolved(g->info->dispatches.size());
  for (size_t d = 0; d < g->info->dispatches.size(); ++d) {
    const GraphDispatch &dispatch = g->info->dispatches[d];
    for (const SymbolicArg &sym : dispatch.args) {
      const TiNamedArgument *found = nullptr;
      for (uint32_t i = 0; i < arg_count && !found; ++i) {
        if (sym.name == args[i].name) found = &args[i];
      }
      if (!found) {
        fail(TI_ERROR_INVALID_ARGUMENT, "graph '%s' needs argument '%s', which was not given", g->info->name.c_str(), sym.name.c_str());
        return;
      }
      resolved[d].push_back(found->argument);
    }
    if (!check_args(runtime, *g->kernels[d]->info, static_cast<uint32_t>(resolved[d].size()), resolved[d].data())) {
      std::string inner;
      uint64_t size = 0;
      ti_get_last_error(&size, nullptr);
      inner.resize(size);
      TiError code = ti_get_last_error(&size, inner.data());
      fail(code, "graph '%s', dispatch %zu (%s): %s", g->info->name.c_str(), d, dispatch.kernel.c_str(), inner.c_str());
      return;
    }
  }
  for (size_t d = 0; d < resolved.size(); ++d) {
    if (!check_runnable(*g->kernels[d])) return;
  }
  for (size_t d = 0; d < resolved.size(); ++d) {
    if (!record_launch(*rt, *module, *g->kernels[d], static_cast<uint32_t>(resolved[d].size()), resolved[d].data())) return;
  }
  rt->submit_if_due(resolved.size());
}


// The launches as the TS runtime calls them: the error slot cleared, the launch, its error code
// answered, in one call from JS instead of three (src/wasm.ts callChecked).
int tiw_launch_kernel_checked(TiRuntime runtime, TiKernel kernel, uint32_t arg_count, const TiArgument *args) {
  ti_set_last_error(TI_ERROR_SUCCESS, nullptr);
  ti_launch_kernel(runtime, kernel, arg_count, args);
  return ti_get_last_error(nullptr, nullptr);
}

int tiw_launch_compute_graph_checked(TiRuntime runtime, TiComputeGraph compute_graph, uint32_t arg_count, const TiNamedArgument *args) {
  ti_set_last_error(TI_ERROR_SUCCESS, nullptr);
  ti_launch_compute_graph(runtime, compute_graph, arg_count, args);
  return ti_get_last_error(nullptr, nullptr);
}

}  // extern "C"
