// C API handles: one pool per object type, sokol-style, so a freed, foreign or wrong-type handle
// is reported, never dereferenced, and a freed handle never comes back as a live one.
//
// A handle is 32 bits (the C API's handle types are pointers, 32-bit on wasm32):
//   tag 4 bits | generation 12 bits | index 16 bits
// The tag names the object type; index 0 is never used, so no handle is 0. A slot's generation
// advances on every free. Freed slots are reused oldest first (FIFO), and only once every index
// has been handed out, so a slot comes back after all 65,535 others have: one handle value of a
// type recurs only after 65,535 x 4,096 (about 268 million) objects of that type were created,
// whatever the order of creations and frees.
//
// Ownership: insert takes the object only when it returns a handle; when the table is full it
// returns 0 and the caller still owns the object (and releases what it holds). remove hands the
// object back to the caller. Nothing in the table outlives its slot.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace tiw {

enum class HandleTag : uint32_t { Runtime = 1, Memory, Image, Sampler, AotModule, Kernel, ComputeGraph, Event };

// The C API type a tag's handles have, for messages.
constexpr const char *handle_type_name(HandleTag tag) {
  constexpr const char *kNames[] = {"?", "TiRuntime", "TiMemory", "TiImage", "TiSampler", "TiAotModule", "TiKernel", "TiComputeGraph", "TiEvent"};
  return kNames[static_cast<uint32_t>(tag)];
}

// The live-object limit of every table: the index space, or less when an embedder lowers it.
uint32_t handle_capacity();

template <typename T, HandleTag Tag>
class HandleTable {
 public:
  static constexpr uint32_t kIndexBits = 16;
  static constexpr uint32_t kGenerationBits = 12;
  static constexpr uint32_t kMaxLive = (1u << kIndexBits) - 1;  // index 0 is never used
  static constexpr HandleTag kTag = Tag;

  // Moves the object out of `owner` and returns its handle; returns 0 and leaves `owner` as it
  // was when the table already holds handle_capacity() live objects.
  uint32_t insert(std::unique_ptr<T> &owner) {
    if (live_ >= handle_capacity()) return 0;
    uint32_t index;
    if (slots_.size() <= kMaxLive) {
      if (slots_.empty()) slots_.emplace_back();
      index = static_cast<uint32_t>(slots_.size());
      slots_.emplace_back();
    } else {
      index = free_.front();
      free_.pop_front();
    }
    slots_[index].value = std::move(owner);
    ++live_;
    return encode(index);
  }

  // How many more objects insert would take now.
  uint32_t room() const { return handle_capacity() > live_ ? handle_capacity() - live_ : 0; }

  T *get(uint32_t handle) const {
    Slot const *slot = find(handle);
    return slot ? slot->value.get() : nullptr;
  }

  // Takes a live object out of the table (null for a handle that is not live); its handle is dead
  // from here on.
  std::unique_ptr<T> remove(uint32_t handle) {
    Slot *slot = const_cast<Slot *>(find(handle));
    if (!slot) return nullptr;
    std::unique_ptr<T> value = std::move(slot->value);
    slot->generation = (slot->generation + 1) & ((1u << kGenerationBits) - 1);
    free_.push_back(handle & kMaxLive);
    --live_;
    return value;
  }

  template <typename F>
  void for_each(F &&f) const {
    for (uint32_t i = 1; i < slots_.size(); ++i)
      if (slots_[i].value) f(encode(i), *slots_[i].value);
  }

  uint32_t live() const { return live_; }

 private:
  struct Slot {
    uint32_t generation = 0;
    std::unique_ptr<T> value;
  };

  uint32_t encode(uint32_t index) const {
    return (static_cast<uint32_t>(Tag) << (kIndexBits + kGenerationBits)) | (slots_[index].generation << kIndexBits) | index;
  }

  Slot const *find(uint32_t handle) const {
    if ((handle >> (kIndexBits + kGenerationBits)) != static_cast<uint32_t>(Tag)) return nullptr;
    uint32_t index = handle & kMaxLive;
    if (index == 0 || index >= slots_.size()) return nullptr;
    Slot const &slot = slots_[index];
    if (!slot.value || encode(index) != handle) return nullptr;
    return &slot;
  }

  std::vector<Slot> slots_;
  std::deque<uint32_t> free_;  // freed indices, oldest first
  uint32_t live_ = 0;
};

// Handle types of the C API are pointers to opaque structs; the integer travels inside.
template <typename H>
inline uint32_t handle_bits(H h) {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(h));
}
template <typename H>
inline H make_handle(uint32_t bits) {
  return reinterpret_cast<H>(static_cast<uintptr_t>(bits));
}

}  // namespace tiw
