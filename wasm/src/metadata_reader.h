// Reads metadata.json / graphs.json fields with a JSON path for error messages; the first
// failure is kept. Shared by the common reader (metadata.cpp) and forge's dialect.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <taichi/taichi_core.h>

namespace tiw {

using json = nlohmann::json;

class Reader {
 public:
  explicit Reader(const char *file) : file_(file) {}

  bool ok() const { return error_.empty(); }
  const std::string &error() const { return error_; }
  // CORRUPTED_DATA for a malformed file, INCOMPATIBLE_MODULE for a well-formed one that asks
  // for something this runtime refuses.
  TiError code() const { return code_; }

  const json *member(const json &obj, const char *key, const std::string &path, bool required = true) {
    if (!ok()) return nullptr;
    if (!obj.is_object()) return fail_at(path, "expected an object");
    auto it = obj.find(key);
    if (it == obj.end()) return required ? fail_at(path + "." + key, "missing") : nullptr;
    return &*it;
  }

  const json *array(const json &obj, const char *key, const std::string &path, bool required = true) {
    const json *v = member(obj, key, path, required);
    if (v && !v->is_array()) return fail_at(path + "." + key, "expected an array");
    return v;
  }

  bool integer(const json &obj, const char *key, const std::string &path, int64_t min, int64_t max, int64_t &out, bool required = true) {
    const json *v = member(obj, key, path, required);
    if (!v) return false;
    if (v->is_boolean()) {
      out = v->get<bool>() ? 1 : 0;
    } else if (v->is_number_integer()) {
      out = v->get<int64_t>();
    } else {
      fail_at(path + "." + key, "expected an integer");
      return false;
    }
    if (out < min || out > max) {
      fail_at(path + "." + key, "out of range");
      return false;
    }
    return true;
  }

  bool string(const json &obj, const char *key, const std::string &path, std::string &out) {
    const json *v = member(obj, key, path);
    if (!v) return false;
    if (!v->is_string()) {
      fail_at(path + "." + key, "expected a string");
      return false;
    }
    out = v->get<std::string>();
    return true;
  }

  bool uint_list(const json &obj, const char *key, const std::string &path, std::vector<uint32_t> &out, uint32_t max_count, bool required = true) {
    const json *v = array(obj, key, path, required);
    if (!v) return !required && ok();
    if (v->size() > max_count) {
      fail_at(path + "." + key, "too many entries");
      return false;
    }
    for (const json &e : *v) {
      if (!e.is_number_integer() || e.get<int64_t>() < 0 || e.get<int64_t>() > 0x7fffffff) {
        fail_at(path + "." + key, "expected non-negative integers");
        return false;
      }
      out.push_back(static_cast<uint32_t>(e.get<int64_t>()));
    }
    return true;
  }

  std::nullptr_t fail_at(const std::string &path, const std::string &what) {
    if (ok()) error_ = std::string(file_) + ": " + path + ": " + what;
    return nullptr;
  }

  std::nullptr_t refuse_at(const std::string &path, const std::string &why) {
    if (ok()) code_ = TI_ERROR_INCOMPATIBLE_MODULE;
    return fail_at(path, why);
  }

 private:
  const char *file_;
  std::string error_;
  TiError code_ = TI_ERROR_CORRUPTED_DATA;
};

}  // namespace tiw
