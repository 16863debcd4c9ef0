#pragma once
// binary32 -> binary16 with rounding to nearest, ties to even: how an f16 scalar argument, which
// the C API passes as a float (TiScalar.value.x32, as Taichi's own runtime reads it), reaches the
// kernel's args buffer as the two bytes the kernel reads.
#include <cstdint>
#include <cstring>

namespace tiw {

inline uint16_t half_from_float(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
  const uint32_t abs = x & 0x7fffffffu;
  if (abs >= 0x7f800000u) return sign | 0x7c00u | (abs > 0x7f800000u ? 0x200u : 0u);  // inf, quiet NaN
  if (abs >= 0x477ff000u) return sign | 0x7c00u;                                       // rounds past 65504
  auto round = [](uint32_t v, uint32_t shift) {
    uint32_t q = v >> shift;
    const uint32_t rem = v & ((1u << shift) - 1u);
    const uint32_t halfway = 1u << (shift - 1u);
    if (rem > halfway || (rem == halfway && (q & 1u))) ++q;
    return q;
  };
  if (abs < 0x38800000u) {  // below 2^-14: a subnormal half, in units of 2^-24
    if (abs < 0x33000000u) return sign;
    const uint32_t exponent = abs >> 23;
    return sign | static_cast<uint16_t>(round((abs & 0x7fffffu) | 0x800000u, 126u - exponent));
  }
  // Rebias the exponent (127 -> 15); a carry out of the mantissa moves into the exponent, as it should.
  return sign | static_cast<uint16_t>(round(abs - 0x38000000u, 13u));
}

}  // namespace tiw
