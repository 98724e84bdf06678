// Structural pattern matching (PEP 634) at run time: MATCH_PATTERN.
//
// The compiler turns a case's pattern into a descriptor (a constant tuple,
// below) and pushes, before the subject copy is consumed, the values the
// pattern needs from the enclosing scope, in the order the descriptor names
// them: value patterns (`case Color.RED`, literals), class names
// (`case Point(...)`) and mapping keys.  match_pattern() walks the descriptor
// against the subject and returns the captured values as a tuple, in capture
// order, or None when the pattern does not match; the compiler then stores
// the tuple's items into the capture names.  Names are bound only when the
// whole pattern matches, as CPython does.
//
// Descriptor: (ncaptures, node), node one of
//   (0, value_index)                          value: subject == value
//   (1, constant)                             singleton: subject is constant
//   (2, (node...), star_position or -1)       sequence (a star is a (5, c))
//   (3, (key_index...), (node...), rest_capture or -1)   mapping
//   (4, cls_index, (node...), (attr...), (node...))      class
//   (5, capture or -1)                        star (inside a sequence only)
//   (6, node or None, capture or -1)          as / capture / wildcard
//   (7, (node...))                            or
// Every alternative of an or-pattern binds the same capture indices.
//
// One difference from CPython: the values a case needs are all evaluated
// before its pattern is tried (CPython evaluates a value pattern only when the
// match reaches it), which only shows when evaluating one raises or has side
// effects.
#pragma once

#include "vm/compile/opcodes.h"  // PatternNode: the descriptor's tags
#include "vm/object.h"

namespace conch::vm {

// New reference: a tuple of captures, or None (no match); nullptr with an
// exception set on error.
Object* match_pattern(Object* subject, Object* desc, Object* const* values, int nvalues);

}  // namespace conch::vm
