// The command list of a runtime: launches, copies and event commands are recorded into one
// command buffer until it is submitted (ti_flush, ti_wait, or when due), and the submissions in
// flight are tracked by their fences, so that command buffers, fences and whatever a list used
// (argument slots, descriptor sets) are reused once the device has finished with them.
#pragma once
#include <cstdint>
#include <vector>

#include <vulkan/vulkan.h>

namespace tiw {

class CommandList {
 public:
  // Creates the command pool; fails (with the error set) like any Vulkan call.
  bool init(VkDevice device, VkQueue queue, uint32_t queue_family);
  // Waits for nothing: call after the device is idle. Frees the fences and the pool.
  void destroy();

  // The command buffer being recorded, begun on first use; null (with the error set) on failure.
  VkCommandBuffer commands();
  bool recording() const { return recording_ != VK_NULL_HANDLE; }
  // A barrier so later commands see the writes of earlier ones.
  void barrier();
  // Ends and submits the list being recorded, if any.
  bool submit();
  // Counts `commands` just recorded (launches and event commands); true when the list is due for
  // submission, so the device works while the host records more.
  bool due(uint64_t commands);
  // Waits until every submitted list has completed (the one being recorded is not submitted).
  bool wait();
  // Recycles the command buffers and fences of submissions that have completed, without waiting.
  void retire();

  // Lists are numbered: the one being recorded, and the newest known to have completed.
  uint64_t serial() const { return recording_serial_; }
  uint64_t completed() const { return completed_; }

  // The pipeline bound in the list being recorded, so a launch of the same one binds nothing.
  VkPipeline bound_pipeline = VK_NULL_HANDLE;
  // The descriptor set and args offset bound with it, so a repeated launch binds nothing either.
  VkDescriptorSet bound_set = VK_NULL_HANDLE;
  uint32_t bound_args_offset = 0;

 private:
  struct InFlight {
    VkCommandBuffer command_buffer;
    VkFence fence;
    uint64_t serial;
    uint64_t commands;  // launches and event commands in the list
  };

  void recycle(VkCommandBuffer cb);

  VkDevice device_ = VK_NULL_HANDLE;
  VkQueue queue_ = VK_NULL_HANDLE;
  VkCommandPool pool_ = VK_NULL_HANDLE;
  VkCommandBuffer recording_ = VK_NULL_HANDLE;
  double recording_since_ms_ = 0;  // when `recording_` was begun
  uint64_t commands_recorded_ = 0;  // in `recording_`
  uint64_t recording_serial_ = 1;
  uint64_t completed_ = 0;
  std::vector<InFlight> in_flight_;
  std::vector<VkCommandBuffer> free_command_buffers_;
  std::vector<VkFence> free_fences_;
};

}  // namespace tiw
