// The Mersenne Twister core behind the `_random` module, kept free of
// objects so unit tests can check it against CPython's known outputs.
//
// Same generator and seeding as CPython's Modules/_randommodule.c
// (Matsumoto & Nishimura's mt19937ar.c): init_by_array over the seed's
// 32-bit words, least significant word first, so `random.seed(n)` yields
// the same stream as CPython for every int n.
//
// State: 624 words plus `index` (0..624; 624 means "regenerate on the next
// draw").  Not synchronised: the owning Random object guards it with its
// critical section.
#pragma once

#include <cstddef>
#include <cstdint>

namespace conch::vm {

struct MersenneTwister {
  static constexpr int kN = 624;
  uint32_t state[kN];
  int index = kN + 1;  // unseeded

  void init_genrand(uint32_t s);
  void init_by_array(const uint32_t* key, size_t key_length);
  uint32_t next_u32();
  // random.random(): 53 random bits as a double in [0, 1).
  double next_double() {
    uint32_t a = next_u32() >> 5, b = next_u32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }
};

// SHA-512 of `data` into out[64]; used by random.seed(str/bytes), version 2.
void sha512_digest(const unsigned char* data, size_t len, unsigned char out[64]);

}  // namespace conch::vm
