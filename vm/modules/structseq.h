// Struct sequences: tuple subclasses whose items are also named attributes,
// as CPython's PyStructSequence (sys.version_info, sys.flags,
// sys.float_info, time.struct_time).
//
// A struct sequence type is a static Type with kTupleType as its base; its
// instances are ordinary tuple instances of that type (tuple.__new__ does
// the allocation), so indexing, comparison, hashing and unpacking are the
// tuple's own.  Each field is a read-only getset returning item i; the repr
// is "name(field=value, ...)".
#pragma once

#include <initializer_list>

#include "vm/object.h"

namespace conch::vm {

inline constexpr int kStructSeqMaxFields = 24;

// Readies `t` as a struct sequence named `name` ("sys.version_info") with the
// given field names (at most kStructSeqMaxFields; the strings must outlive
// the type).  Call after the tuple type is ready.
void structseq_init_type(Type* t, const char* name, std::initializer_list<const char*> fields);

// An instance of `t` holding `items` (borrowed; increfs).  The count must
// equal the number of fields.
Object* structseq_new(Type* t, std::initializer_list<Object*> items);

}  // namespace conch::vm
