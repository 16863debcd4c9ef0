// C API handles are small integers into one table per object type with a generation count
// and a type tag, so a freed, foreign or wrong-type handle is reported, never dereferenced.
// Encoding in the 32-bit handle: tag 4 bits | generation 8 bits | index 20 bits.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

namespace tiw {

enum class HandleTag : uint32_t { Runtime = 1, Memory, Image, Sampler, AotModule, Kernel, ComputeGraph, Event };

template <typename T, HandleTag Tag>
class HandleTable {
 public:
  static constexpr uint32_t kIndexBits = 20;
  static constexpr uint32_t kGenerationBits = 8;

  // Takes ownership; returns 0 when the table is full.
  uint32_t insert(std::unique_ptr<T> value) {
    uint32_t index;
    if (!free_.empty()) {
      index = free_.back();
      free_.pop_back();
    } else {
      if (slots_.size() >= (1u << kIndexBits)) return 0;
      if (slots_.empty()) slots_.emplace_back();  // index 0 is never used
      index = static_cast<uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    Slot &slot = slots_[index];
    slot.value = std::move(value);
    ++live_;
    return (static_cast<uint32_t>(Tag) << (kIndexBits + kGenerationBits)) | (slot.generation << kIndexBits) | index;
  }

  T *get(uint32_t handle) const {
    Slot const *slot = find(handle);
    return slot ? slot->value.get() : nullptr;
  }

  std::unique_ptr<T> remove(uint32_t handle) {
    Slot *slot = const_cast<Slot *>(find(handle));
    if (!slot) return nullptr;
    std::unique_ptr<T> value = std::move(slot->value);
    slot->generation = slot->generation % ((1u << kGenerationBits) - 1) + 1;
    free_.push_back(handle & ((1u << kIndexBits) - 1));
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
    uint32_t generation = 1;
    std::unique_ptr<T> value;
  };

  uint32_t encode(uint32_t index) const {
    return (static_cast<uint32_t>(Tag) << (kIndexBits + kGenerationBits)) | (slots_[index].generation << kIndexBits) | index;
  }

  Slot const *find(uint32_t handle) const {
    if ((handle >> (kIndexBits + kGenerationBits)) != static_cast<uint32_t>(Tag)) return nullptr;
    uint32_t index = handle & ((1u << kIndexBits) - 1);
    uint32_t generation = (handle >> kIndexBits) & ((1u << kGenerationBits) - 1);
    if (index == 0 || index >= slots_.size()) return nullptr;
    Slot const &slot = slots_[index];
    if (!slot.value || slot.generation != generation) return nullptr;
    return &slot;
  }

  std::vector<Slot> slots_;
  std::vector<uint32_t> free_;
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
