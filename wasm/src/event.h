// TiEvent (C API up to 1.3): a VkEvent whose set, reset and wait are recorded into the
// runtime's command list, so a later submission waits on an earlier one's signal.
#pragma once
#include <taichi/taichi.h>

namespace tiw {

struct Event {
  TiRuntime owner = TI_NULL_HANDLE;
  VkEvent event = VK_NULL_HANDLE;
  // An imported event belongs to whoever made it: freeing the TiEvent leaves the VkEvent alone.
  bool imported = false;
  // Imported or exported: other Vulkan code may set it from the host (vkSetEvent).
  bool shared = false;
  // Whether the event is set once the commands recorded so far have run: the last ti_signal_event
  // or ti_reset_event decides (the queue runs them in recording order).
  bool set_when_recorded_run = false;
};

void destroy_events_of(TiRuntime runtime);

}  // namespace tiw
