// The files of an AOT module (a .tcm ZIP archive or a module directory), by name.
//
// Reading them is the JS host's job (wasm/js/library_host.js): ZIP through fflate, a small
// maintained inflate/ZIP library, and files through the platform. The C runtime then holds one
// plain name -> bytes map, so module loading is the same for paths and for bytes. The map's
// files are views into the one block the host wrote, so a large module is never copied again
// (a copy that could not be allocated would abort the instance).
#pragma once
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

namespace tiw {

struct ArchiveFile {
  const uint8_t *bytes = nullptr;
  size_t length = 0;
  const uint8_t *data() const { return bytes; }
  size_t size() const { return length; }
  bool empty() const { return length == 0; }
  const uint8_t *begin() const { return bytes; }
  const uint8_t *end() const { return bytes + length; }
};

class Archive {
 public:
  using Files = std::map<std::string, ArchiveFile>;
  Files::const_iterator find(const std::string &name) const { return files_.find(name); }
  Files::const_iterator end() const { return files_.end(); }
  size_t count(const std::string &name) const { return files_.count(name); }

  // Takes the host's block (malloc'd) that the files added later point into.
  void adopt(uint8_t *block) { block_.reset(block); }
  void add(std::string name, const uint8_t *bytes, size_t length) { files_[std::move(name)] = ArchiveFile{bytes, length}; }

 private:
  struct Free {
    void operator()(uint8_t *p) const { std::free(p); }
  };
  std::unique_ptr<uint8_t, Free> block_;
  Files files_;
};

// Both set the error slot (CORRUPTED_DATA with the host's reason) and return false on failure.
bool archive_from_bytes(const void *data, uint64_t size, Archive &out);
bool archive_from_path(const char *path, Archive &out);

}  // namespace tiw
