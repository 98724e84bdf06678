// The Mersenne Twister core of _random against mt19937ar.c's reference
// outputs and CPython's seeding, and the SHA-512 random.seed(str) uses.
#include "vm/modules/mt19937.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace conch::vm {
namespace {

TEST(MersenneTwister, InitByArrayMatchesReference) {
  // mt19937ar.c's main(): init_by_array({0x123, 0x234, 0x345, 0x456}).
  MersenneTwister mt;
  const uint32_t key[] = {0x123, 0x234, 0x345, 0x456};
  mt.init_by_array(key, 4);
  EXPECT_EQ(mt.next_u32(), 1067595299u);
  EXPECT_EQ(mt.next_u32(), 955945823u);
  EXPECT_EQ(mt.next_u32(), 477289528u);
  EXPECT_EQ(mt.next_u32(), 4107218783u);
  EXPECT_EQ(mt.next_u32(), 4228976476u);
}

TEST(MersenneTwister, DefaultSeedWhenNeverSeeded) {
  MersenneTwister mt;  // mt19937ar seeds with 5489 on first use
  EXPECT_EQ(mt.next_u32(), 3499211612u);
}

TEST(MersenneTwister, CPythonSeedOne) {
  // random.seed(1): init_by_array over the one 32-bit word of abs(1).
  MersenneTwister mt;
  const uint32_t key[] = {1};
  mt.init_by_array(key, 1);
  EXPECT_EQ(mt.next_u32(), 577090037u);
  EXPECT_EQ(mt.next_u32(), 2444712010u);
  EXPECT_EQ(mt.next_u32(), 3639700191u);
  mt.init_by_array(key, 1);
  EXPECT_EQ(mt.next_double(), 0.13436424411240122);
}

TEST(MersenneTwister, CPythonMultiWordSeed) {
  // random.seed(2**40 + 3): words least significant first.
  MersenneTwister mt;
  const uint32_t key[] = {3, 256};
  mt.init_by_array(key, 2);
  EXPECT_EQ(mt.next_u32(), 943978446u);
  EXPECT_EQ(mt.next_u32(), 261273136u);
}

TEST(MersenneTwister, StateCopyReplaysTheStream) {
  MersenneTwister a;
  const uint32_t key[] = {42};
  a.init_by_array(key, 1);
  for (int i = 0; i < 1000; ++i) a.next_u32();  // crosses a regeneration
  MersenneTwister b = a;
  for (int i = 0; i < 700; ++i) EXPECT_EQ(a.next_u32(), b.next_u32());
}

std::string hex(const unsigned char* d, size_t n) {
  std::string s;
  char buf[3];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", d[i]);
    s += buf;
  }
  return s;
}

TEST(Sha512, KnownDigests) {
  unsigned char out[64];
  sha512_digest(reinterpret_cast<const unsigned char*>("abc"), 3, out);
  EXPECT_EQ(hex(out, 64),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  sha512_digest(nullptr, 0, out);
  EXPECT_EQ(hex(out, 16), "cf83e1357eefb8bdf1542850d66d8007");
  std::string a200(200, 'a');  // spans a block boundary
  sha512_digest(reinterpret_cast<const unsigned char*>(a200.data()), a200.size(), out);
  EXPECT_EQ(hex(out, 16), "4b11459c33f52a22ee8236782714c150");
}

}  // namespace
}  // namespace conch::vm
