// int internals shared by int.cc (object, arithmetic, hashing),
// int_text.cc (decimal/base text, parsing, the int() and bool()
// constructors) and int_methods.cc (methods and attributes).  Only those
// three files include this header; everyone else uses vm/types/int.h.
#pragma once

#include <gmp.h>

#include "vm/object.h"
#include "vm/types/int.h"

namespace conch::vm::int_detail {

inline IntObject* as_int(Object* o) { return static_cast<IntObject*>(o); }

// RAII mpz for results and temporaries.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return z; }
  __mpz_struct* operator->() { return z; }  // for GMP's macros (mpz_sgn ...)
};

// Read-only mpz view of any int object, without allocating.
class BigView {
 public:
  explicit BigView(Object* o) {
    IntObject* io = as_int(o);
    if (io->is_big) {
      p_ = io->big;
    } else {
      int64_t v = io->small;
      limb_ = v < 0 ? static_cast<mp_limb_t>(0) - static_cast<mp_limb_t>(v)
                    : static_cast<mp_limb_t>(v);
      p_ = mpz_roinit_n(tmp_, &limb_, v < 0 ? -1 : (v == 0 ? 0 : 1));
    }
  }
  operator mpz_srcptr() const { return p_; }
  const __mpz_struct* operator->() const { return p_; }

 private:
  mp_limb_t limb_ = 0;
  mpz_t tmp_;
  mpz_srcptr p_;
};

// int.cc: a new int taking z's value (z is left 0), normalised to small.
Object* int_from_mpz_steal(mpz_ptr z);
// int.cc: an uninitialised instance of int or an int subclass.
Object* alloc_int_object(Type* type);
// int.cc: a 2-tuple, stealing both (either may be null: then null).
Object* int_pair(Object* x, Object* y);

// int_text.cc: the repr/new slots of int and bool.
Object* int_repr(Object* v);
Object* bool_repr(Object* v);
Object* int_new(Type* type, Object* const* args, size_t nargs, Object* kwnames);
Object* bool_new(Type* type, Object* const* args, size_t nargs, Object* kwnames);

// int_methods.cc: int's methods and attributes.
extern const MethodDef kIntMethods[];
extern const GetSetDef kIntGetSets[];

}  // namespace conch::vm::int_detail
