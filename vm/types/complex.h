// complex: a pair of IEEE doubles, immutable, with CPython's arithmetic,
// repr, hashing and constructor rules (Objects/complexobject.c semantics).
//
// int and float operands mix in as they do in CPython: the int/float slots
// return NotImplemented for a complex operand and the complex slot (which
// takes its operands in either order) does the work.  float ** float with a
// negative base and a fractional exponent gives a complex, as in CPython.
#pragma once

#include <complex>

#include "vm/object.h"

namespace conch::vm {

extern Type kComplexType;

struct ComplexObject : Object {
  double real;
  double imag;
};

inline bool complex_check(const Object* o) { return is_instance_of(o, &kComplexType); }

Object* complex_from(double real, double imag);
inline std::complex<double> complex_value(const Object* o) {
  auto* c = static_cast<const ComplexObject*>(o);
  return {c->real, c->imag};
}

// Converts an operand to a complex value: complex, float, int (or their
// subclasses).  1 ok, 0 not a number of those kinds (no exception), -1 error
// (an int too large for a double).
int complex_operand(Object* o, std::complex<double>* out);

// a ** b for complex values, with CPython's errors; new reference or null.
Object* complex_power(std::complex<double> a, std::complex<double> b);

void init_complex_type();

}  // namespace conch::vm
