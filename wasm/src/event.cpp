#include "event.h"

#include "error.h"
#include "heap.h"
#include "registry.h"

namespace tiw {

namespace {

void release(Runtime *rt, Event &e) {
  if (rt && !e.imported) vkDestroyEvent(rt->device, e.event, nullptr);
}

// Records `record(cb, event)` into the runtime's command list.
// `check` may refuse the command before anything is recorded.
template <typename C, typename F>
void record(TiRuntime runtime, TiEvent event, C &&check, F &&command) {
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  Event *e = lookup_event(runtime, event, "event");
  if (!e || !check(*e)) return;
  VkCommandBuffer cb = rt->list.commands();
  if (cb == VK_NULL_HANDLE) return;
  command(cb, e->event);
  rt->submit_if_due(1);
}

}  // namespace

void destroy_events_of(TiRuntime runtime) {
  Runtime *rt = registry().runtimes.get(handle_bits(runtime));
  std::vector<uint32_t> doomed;
  registry().events.for_each([&](uint32_t handle, Event &e) {
    if (e.owner == runtime) doomed.push_back(handle);
  });
  for (uint32_t h : doomed) release(rt, *registry().events.remove(h));
}

}  // namespace tiw

using namespace tiw;

extern "C" {

TiEvent ti_create_event(TiRuntime runtime) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  auto e = std::make_unique<Event>();
  e->owner = runtime;
  VkEventCreateInfo eci{};
  eci.sType = VK_STRUCTURE_TYPE_EVENT_CREATE_INFO;
  VkResult r = vkCreateEvent(rt->device, &eci, nullptr, &e->event);
  if (r != VK_SUCCESS) {
    fail_vk(r, "vkCreateEvent");
    return TI_NULL_HANDLE;
  }
  uint32_t handle = registry().events.insert(e);
  if (!handle) {
    vkDestroyEvent(rt->device, e->event, nullptr);
    fail_table_full(registry().events);
    return TI_NULL_HANDLE;
  }
  return make_handle<TiEvent>(handle);
}

void ti_destroy_event(TiEvent event) {
  Event *e = lookup_event(TI_NULL_HANDLE, event, "event");
  if (!e) return;
  Runtime *rt = registry().runtimes.get(handle_bits(e->owner));
  // Recorded commands may still name the event: submit them first.
  if (rt && !rt->flush()) return;
  release(rt, *registry().events.remove(handle_bits(event)));
}

void ti_signal_event(TiRuntime runtime, TiEvent event) {
  TIW_HEAP_READY();
  record(runtime, event, [](Event &e) {
    e.set_when_recorded_run = true;
    return true;
  },
         [](VkCommandBuffer cb, VkEvent e) { vkCmdSetEvent(cb, e, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT); });
}

void ti_reset_event(TiRuntime runtime, TiEvent event) {
  TIW_HEAP_READY();
  record(runtime, event, [](Event &e) {
    e.set_when_recorded_run = false;
    return true;
  },
         [](VkCommandBuffer cb, VkEvent e) { vkCmdResetEvent(cb, e, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT); });
}

void ti_wait_event(TiRuntime runtime, TiEvent event) {
  TIW_HEAP_READY();
  // A wait on an event that no command recorded before it sets, and that nothing outside the
  // runtime can set, would hold the queue (and every later wait and read) forever.
  auto satisfiable = [](Event &e) {
    if (e.set_when_recorded_run || e.shared) return true;
    return fail(TI_ERROR_INVALID_STATE, "event: no command recorded before this wait signals the event (and it was never exported, so nothing else can): the wait could never end");
  };
  record(runtime, event, satisfiable, [](VkCommandBuffer cb, VkEvent e) {
    VkMemoryBarrier mb{};
    mb.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER;
    mb.srcAccessMask = VK_ACCESS_MEMORY_WRITE_BIT;
    mb.dstAccessMask = VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT;
    vkCmdWaitEvents(cb, 1, &e, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 1, &mb, 0, nullptr, 0, nullptr);
  });
}

}  // extern "C"
