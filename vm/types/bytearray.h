// bytearray: the mutable byte string (CPython 3.11's bytearray, without the
// buffer protocol and memoryview).
//
// Layout (private to bytearray.cc)
//   ByteArrayObject  size       bytes in use (len(ba)); also read unlocked
//                    allocated  capacity of data, >= size + 1 (NUL kept)
//                    data       raw buffer (gc::allocate_raw), null while
//                               allocated == 0
//
// Thread safety (free-threaded build; the same calls are empty in the GIL
// build): every operation that reads or writes data/size/allocated runs in
// gc::CriticalSection on the bytearray -- gc::CriticalSection2 when it reads
// a second bytearray (ba.extend(ba2), ba += ba2, ba[:] = ba2, ba == ba2).
// No Python code runs inside a section: arguments (__index__, iterables)
// are converted first, and the non-mutating methods it shares with bytes
// (bytes_methods.cc) work on a copy taken inside the section (BytesView in
// bytes_args.h).  `size` is also written with gc::relaxed_store and read
// unlocked with gc::relaxed_load by len() and iterators' length hints.
//
// Iteration: the iterator holds the bytearray and a position and reads one
// byte per next() under the section, so mutation during iteration is safe
// (it sees the current contents, as CPython's).
#pragma once

#include <string>
#include <string_view>

#include "vm/object.h"

namespace conch::vm {

extern Type kByteArrayType;      // bytearray
extern Type kByteArrayIterType;  // bytearray_iterator

inline bool bytearray_check(const Object* o) { return is_instance_of(o, &kByteArrayType); }

// A new bytearray holding v.
Object* bytearray_from(std::string_view v);
// Copies the contents of bytearray o into *out, inside o's critical section.
void bytearray_snapshot(Object* o, std::string* out);

void init_bytearray_types();  // runtime.cc's init_all_types

}  // namespace conch::vm
