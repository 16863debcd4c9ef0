// The command list: recording, submission, and the waits (ti_flush, ti_wait).
#include "command_list.h"

#include <algorithm>

#include <emscripten/emscripten.h>

#include "error.h"

namespace tiw {

bool CommandList::init(VkDevice device, VkQueue queue, uint32_t queue_family) {
  device_ = device;
  queue_ = queue;
  VkCommandPoolCreateInfo pci{};
  pci.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
  pci.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pci.queueFamilyIndex = queue_family;
  VkResult r = vkCreateCommandPool(device_, &pci, nullptr, &pool_);
  if (r != VK_SUCCESS) return fail_vk(r, "vkCreateCommandPool");
  return true;
}

void CommandList::destroy() {
  if (device_ == VK_NULL_HANDLE) return;
  for (VkFence f : free_fences_) vkDestroyFence(device_, f, nullptr);
  for (InFlight &s : in_flight_) vkDestroyFence(device_, s.fence, nullptr);
  free_fences_.clear();
  in_flight_.clear();
  free_command_buffers_.clear();
  recording_ = VK_NULL_HANDLE;
  if (pool_ != VK_NULL_HANDLE) vkDestroyCommandPool(device_, pool_, nullptr);
  pool_ = VK_NULL_HANDLE;
  device_ = VK_NULL_HANDLE;
}

VkCommandBuffer CommandList::commands() {
  if (recording_ != VK_NULL_HANDLE) return recording_;
  VkCommandBuffer cb = VK_NULL_HANDLE;
  if (!free_command_buffers_.empty()) {
    cb = free_command_buffers_.back();
    free_command_buffers_.pop_back();
  } else {
    VkCommandBufferAllocateInfo ai{};
    ai.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
    ai.commandPool = pool_;
    ai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    ai.commandBufferCount = 1;
    VkResult r = vkAllocateCommandBuffers(device_, &ai, &cb);
    if (r != VK_SUCCESS) {
      fail_vk(r, "vkAllocateCommandBuffers");
      return VK_NULL_HANDLE;
    }
  }
  VkCommandBufferBeginInfo bi{};
  bi.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
  bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  VkResult r = vkBeginCommandBuffer(cb, &bi);
  if (r != VK_SUCCESS) {
    free_command_buffers_.push_back(cb);
    fail_vk(r, "vkBeginCommandBuffer");
    return VK_NULL_HANDLE;
  }
  recording_ = cb;
  recording_since_ms_ = emscripten_get_now();
  bound_pipeline = VK_NULL_HANDLE;
  bound_set = VK_NULL_HANDLE;
  return cb;
}

void CommandList::barrier() {
  if (recording_ == VK_NULL_HANDLE) return;
  VkMemoryBarrier mb{};
  mb.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER;
  mb.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  mb.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  VkPipelineStageFlags stages = VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
  vkCmdPipelineBarrier(recording_, stages, stages, 0, 1, &mb, 0, nullptr, 0, nullptr);
}

void CommandList::recycle(VkCommandBuffer cb) {
  vkResetCommandBuffer(cb, 0);
  free_command_buffers_.push_back(cb);
}

bool CommandList::submit() {
  if (recording_ == VK_NULL_HANDLE) return true;
  VkCommandBuffer cb = recording_;
  recording_ = VK_NULL_HANDLE;
  const uint64_t commands = commands_recorded_;
  commands_recorded_ = 0;
  VkResult r = vkEndCommandBuffer(cb);
  if (r != VK_SUCCESS) {
    recycle(cb);
    // The shim refuses to end a command buffer in which a vkCmd* call failed.
    if (r == VK_ERROR_VALIDATION_FAILED_EXT) return fail(TI_ERROR_INVALID_STATE, "the commands recorded since the last flush were refused and did not run");
    return fail_vk(r, "vkEndCommandBuffer");
  }
  VkFence fence = VK_NULL_HANDLE;
  if (!free_fences_.empty()) {
    fence = free_fences_.back();
    free_fences_.pop_back();
  } else {
    VkFenceCreateInfo fci{};
    fci.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
    r = vkCreateFence(device_, &fci, nullptr, &fence);
    if (r != VK_SUCCESS) {
      recycle(cb);
      return fail_vk(r, "vkCreateFence");
    }
  }
  VkSubmitInfo si{};
  si.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
  si.commandBufferCount = 1;
  si.pCommandBuffers = &cb;
  r = vkQueueSubmit(queue_, 1, &si, fence);
  if (r != VK_SUCCESS) {
    recycle(cb);
    free_fences_.push_back(fence);
    return fail_vk(r, "vkQueueSubmit");
  }
  in_flight_.push_back({cb, fence, recording_serial_, commands});
  recording_serial_++;
  return true;
}

bool CommandList::due(uint64_t commands) {
  if (recording_ == VK_NULL_HANDLE) return false;
  commands_recorded_ += commands;
  // A list pending for more than 2 ms goes, as in Taichi's GfxRuntime. So does one holding as many
  // commands as the lists in flight, and at least two: after a wait the first list goes with its
  // second launch and the lists double while the device is busy, so the device starts on long
  // kernels instead of idling while the host records, short launches still share a submission,
  // and a lone launch followed by a wait and a read (a round trip) is one submission, not two.
  constexpr double kMaxPendingMs = 2.0;
  constexpr uint64_t kMinCommands = 2;
  uint64_t in_flight_commands = 0;
  for (const InFlight &s : in_flight_) in_flight_commands += s.commands;
  return commands_recorded_ >= std::max(in_flight_commands, kMinCommands) || emscripten_get_now() - recording_since_ms_ > kMaxPendingMs;
}

void CommandList::retire() {
  // A poll that never suspends: vkWaitForFences with a zero timeout answers at once, where
  // vkGetFenceStatus may yield to the event loop. Yielding here, inside a wait resumed after
  // calls made while it was suspended, let a still-pending submission be taken for finished
  // (its fence and command buffer recycled under it: the fuzzers' lost launches).
  auto finished = [&](VkFence fence) {
    VkResult r = vkWaitForFences(device_, 1, &fence, VK_TRUE, 0);
    return r == VK_SUCCESS || r == VK_ERROR_VALIDATION_FAILED_EXT;  // ran, or was rejected
  };
  size_t done = 0;
  while (done < in_flight_.size() && finished(in_flight_[done].fence)) ++done;
  // A fence the shim will not reset is still in use: it and what follows stay in flight.
  for (size_t i = 0; i < done; ++i) {
    if (vkResetFences(device_, 1, &in_flight_[i].fence) != VK_SUCCESS) {
      done = i;
      break;
    }
  }
  if (done == 0) return;
  for (size_t i = 0; i < done; ++i) {
    InFlight &s = in_flight_[i];
    recycle(s.command_buffer);
    free_fences_.push_back(s.fence);
    completed_ = s.serial;
  }
  in_flight_.erase(in_flight_.begin(), in_flight_.begin() + static_cast<std::ptrdiff_t>(done));
}

bool CommandList::wait() {
  if (in_flight_.empty()) return true;
  std::vector<VkFence> fences;
  fences.reserve(in_flight_.size());
  for (InFlight &s : in_flight_) fences.push_back(s.fence);
  VkResult r = vkWaitForFences(device_, static_cast<uint32_t>(fences.size()), fences.data(), VK_TRUE, UINT64_MAX);
  if (r == VK_ERROR_VALIDATION_FAILED_EXT) {
    // The work finished but WebGPU (or the shim, encoding it) had refused some of it: report
    // that, and move on so the runtime stays usable.
    retire();
    return fail(TI_ERROR_INVALID_STATE, "submitted work was rejected and did not run");
  }
  if (r == VK_ERROR_DEVICE_LOST) {
    // Lost work never completes: forget it, so later waits and teardown do not wait for it again.
    for (InFlight &s : in_flight_) free_fences_.push_back(s.fence);
    in_flight_.clear();
  }
  if (r != VK_SUCCESS) return fail_vk(r, "vkWaitForFences");
  retire();
  return true;
}

}  // namespace tiw
