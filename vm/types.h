// The built-in types, their singletons, and the constructors and accessors
// other parts of the VM use.  This header is the contract between the type
// implementations (vm/types/*.cc) and their users: the eval loop, the
// builtins module, other types.  Each section names the file implementing it.
//
// Object layouts are private to each type's file (or its own header under
// vm/types/ when another type genuinely needs the layout for speed).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "vm/object.h"

namespace conch::vm {

// ---------------------------------------------------------------------------
// Type objects.  Each is defined (and initialised) in the file named.

extern Type kTypeType;    // typeobject.cc: `type`
extern Type kObjectType;  // typeobject.cc: `object`
extern Type kNoneType;    // singletons.cc
extern Type kNotImplementedType;
extern Type kEllipsisType;
extern Type kBoolType;   // types/int.cc
extern Type kIntType;    // types/int.cc
extern Type kFloatType;  // types/float.cc
extern Type kStrType;    // types/str.cc
extern Type kBytesType;  // types/bytes.cc
extern Type kListType;   // types/list.cc
extern Type kTupleType;  // types/tuple.cc
extern Type kDictType;   // types/dict.cc
extern Type kSetType;    // types/set.cc
extern Type kFrozenSetType;
extern Type kRangeType;  // types/range.cc
extern Type kSliceType;  // types/slice.cc
extern Type kModuleType;           // module.cc
extern Type kBuiltinFunctionType;  // descr.cc: builtin_function_or_method
extern Type kMethodDescrType;      // descr.cc: method_descriptor
extern Type kClassMethodDescrType; // descr.cc
extern Type kGetSetDescrType;      // descr.cc: getset_descriptor

// ---------------------------------------------------------------------------
// Singletons (immortal).  singletons.cc.

extern Object* const kNone;
extern Object* const kNotImplemented;
extern Object* const kEllipsis;
extern Object* const kTrue;   // types/int.cc
extern Object* const kFalse;  // types/int.cc

inline Object* none() { return kNone; }  // borrowed
inline Object* new_none() { return new_ref(kNone); }
inline Object* new_bool(bool b) { return b ? kTrue : kFalse; }  // immortal: no incref needed
inline Object* not_implemented() { return kNotImplemented; }    // immortal

// ---------------------------------------------------------------------------
// int and bool.  types/int.cc.  Machine-word fast path, GMP beyond it;
// -5..1024 cached and immortal.

inline bool int_check(const Object* o) { return type_has_flag(o->type, kTypeIntSubclass); }
inline bool int_check_exact(const Object* o) { return o->type == &kIntType; }
inline bool bool_check(const Object* o) { return o->type == &kBoolType; }
Object* int_from_i64(int64_t v);
Object* int_from_u64(uint64_t v);
Object* int_from_double(double d);  // truncates; OverflowError/ValueError for inf/nan
// Parses like int(s, base): underscores, sign, whitespace, base 0 prefixes.
// ValueError "invalid literal for int() with base 10: 's'" on bad input.
Object* int_from_string(std::string_view s, int base);
// True and *out set when v fits in int64; false (no exception) otherwise.
bool int_to_i64(Object* v, int64_t* out);
// As int_to_i64 but raises OverflowError ("Python int too large to convert
// to C ssize_t") when it does not fit.  Returns -1 with error; check has_error().
ssize_t int_as_ssize(Object* v);
double int_to_double(Object* v);  // OverflowError "int too large to convert to float"; -1.0 + error
int int_sign(Object* v);          // -1, 0, 1
std::string int_to_decimal(Object* v);
// hex/oct/bin text: "0x1f", "-0b101".
Object* int_to_base_string(Object* v, int base);
// Calls __index__ (int subclass, or the type's number->index); TypeError
// "'X' object cannot be interpreted as an integer" otherwise.
Object* number_index(Object* o);
// number_index then int_as_ssize; -1 with error.
ssize_t index_as_ssize(Object* o);

// ---------------------------------------------------------------------------
// float.  types/float.cc.

inline bool float_check(const Object* o) { return is_instance_of(o, &kFloatType); }
Object* float_from(double v);
double float_value(const Object* o);  // o must be a float
// float or int (or __float__) to double; -1.0 with TypeError/OverflowError set.
double number_as_double(Object* o);
// repr(float) exactly as CPython: shortest round-trip digits, '1e+16', 'inf'.
std::string float_repr(double v);
// Hashes as CPython does (so hash(1.0) == hash(1) and set order agrees).
hash_t hash_double(double v);
inline constexpr hash_t kHashModulus = (int64_t{1} << 61) - 1;
inline constexpr hash_t kHashInf = 314159;

// ---------------------------------------------------------------------------
// str.  types/str.cc.  Stored as UTF-8 with its length in code points and an
// is-ASCII flag (indexing is O(1) on ASCII); the hash is cached.

inline bool str_check(const Object* o) { return type_has_flag(o->type, kTypeStrSubclass); }
inline bool str_check_exact(const Object* o) { return o->type == &kStrType; }
Object* str_from(std::string_view utf8);  // utf8 must be valid UTF-8
Object* str_from_cstr(const char* utf8);
// Returns an immortal interned string; the same object for equal text.
// Thread-safe.  Use for attribute names and identifiers.
Object* str_intern(std::string_view utf8);  // borrowed (immortal)
std::string_view str_view(const Object* s);  // UTF-8 bytes, valid while s lives
const char* str_cstr(const Object* s);       // NUL-terminated UTF-8
ssize_t str_length(const Object* s);         // code points
bool str_is_ascii(const Object* s);
bool str_equal(const Object* a, const Object* b);
bool str_equal_cstr(const Object* s, std::string_view text);
hash_t str_hash(Object* s);
Object* str_concat(Object* a, Object* b);
Object* str_join(Object* sep, Object* iterable);
// format(value, spec) for str values; and the format-spec mini-language for
// other types lives with them (int.cc, float.cc).
Object* str_format_spec(Object* s, Object* spec);
// "%" operator: fmt % args.
Object* str_mod_format(Object* fmt, Object* args);
// Code point to str: chr().
Object* str_from_codepoint(uint32_t cp);

// ---------------------------------------------------------------------------
// bytes.  types/bytes.cc.

inline bool bytes_check(const Object* o) { return type_has_flag(o->type, kTypeBytesSubclass); }
Object* bytes_from(std::string_view data);
std::string_view bytes_view(const Object* b);

// ---------------------------------------------------------------------------
// tuple.  types/tuple.cc.  Items are inline after the header.

inline bool tuple_check(const Object* o) { return type_has_flag(o->type, kTypeTupleSubclass); }
inline bool tuple_check_exact(const Object* o) { return o->type == &kTupleType; }
// A tuple of n null items, to be filled with tuple_init_item before use.
// The empty tuple is a shared immortal object.
Object* tuple_new(ssize_t n);
Object* tuple_pack(std::initializer_list<Object*> items);  // increfs items
Object* tuple_from_array(Object* const* items, ssize_t n);  // increfs items
Object* tuple_from_iterable(Object* iterable);
ssize_t tuple_size(const Object* t);
Object** tuple_items(Object* t);
inline Object* tuple_get(Object* t, ssize_t i) { return tuple_items(t)[i]; }  // borrowed
inline void tuple_init_item(Object* t, ssize_t i, Object* steal) { tuple_items(t)[i] = steal; }

// ---------------------------------------------------------------------------
// list.  types/list.cc.  In the free-threaded build every operation runs in
// the list's critical section; the accessors below are for the owner of a
// list no other thread can see yet (e.g. while building it).

inline bool list_check(const Object* o) { return type_has_flag(o->type, kTypeListSubclass); }
Object* list_new(ssize_t n);  // n null items (fill with list_init_item) or empty
Object* list_from_iterable(Object* iterable);
int list_append(Object* list, Object* item);  // increfs item; atomic in both builds
int list_extend(Object* list, Object* iterable);
ssize_t list_size(const Object* list);
Object** list_items(Object* list);  // unlocked access: see above
Object* list_get_ref(Object* list, ssize_t i);  // new reference, or IndexError
void list_init_item(Object* list, ssize_t i, Object* steal);
// Stable sort; key may be null; raises what comparisons raise.
int list_sort(Object* list, Object* key, bool reverse);
Object* list_as_tuple(Object* list);
Object* list_copy(Object* list);  // list(l): a new list, taken in l's critical section

// ---------------------------------------------------------------------------
// dict.  types/dict.cc.  Insertion-ordered, compact, as CPython 3.6+.

inline bool dict_check(const Object* o) { return type_has_flag(o->type, kTypeDictSubclass); }
inline bool dict_check_exact(const Object* o) { return o->type == &kDictType; }
Object* dict_new();
// Borrowed result, or nullptr when absent (no exception) or on error
// (exception set: a key's __hash__/__eq__ raised).  Check has_error().
Object* dict_get_item(Object* d, Object* key);
// As dict_get_item but returns a new reference (safe against concurrent
// removal in the free-threaded build).
Object* dict_get_item_ref(Object* d, Object* key);
Object* dict_get_item_str(Object* d, std::string_view key);  // borrowed, nullptr if absent
// As dict_get_item_str, new reference.  In the free-threaded build another
// thread can replace and free a value between a borrowed lookup and the
// caller's incref: code that reads a dict other threads may write (module
// globals, sys.modules, instance and class dicts) uses the *_ref forms.
Object* dict_get_item_str_ref(Object* d, std::string_view key);
int dict_set_item(Object* d, Object* key, Object* value);  // increfs both
int dict_set_item_str(Object* d, std::string_view key, Object* value);
int dict_del_item(Object* d, Object* key);  // KeyError when absent
ssize_t dict_size(const Object* d);
// Iterates: `ssize_t pos = 0; Object *k, *v; while (dict_next(d, &pos, &k, &v)) ...`
// k and v are borrowed.  Not safe against mutation during iteration: the
// caller holds the dict's critical section or is its only user (a dict it
// just built).  Shared dicts use dict_next_ref.
bool dict_next(Object* d, ssize_t* pos, Object** key, Object** value);
// As dict_next, taking the dict's critical section for each step and giving
// NEW references in *key and *value (either may be null to skip it).  A
// concurrent mutation never crashes it; items may be missed or seen twice.
bool dict_next_ref(Object* d, ssize_t* pos, Object** key, Object** value);
int dict_update(Object* d, Object* other);  // dict or iterable of pairs or keys()
int dict_merge(Object* d, Object* other, bool override);
Object* dict_copy(Object* d);
Object* dict_keys_list(Object* d);
Object* dict_items_list(Object* d);
Object* dict_values_list(Object* d);
void dict_clear(Object* d);

// ---------------------------------------------------------------------------
// set and frozenset.  types/set.cc.  Same probing as CPython, so iteration
// order of int sets matches CPython's.

bool set_check(const Object* o);          // set, frozenset or subclasses
bool anyset_check_exact(const Object* o);
Object* set_new(Object* iterable /*nullable*/);
Object* frozenset_new(Object* iterable /*nullable*/);
int set_add(Object* s, Object* key);
int set_contains(Object* s, Object* key);  // 1, 0, -1
int set_discard(Object* s, Object* key);   // 1 found, 0 not, -1 error
ssize_t set_size(const Object* s);
bool set_next(Object* s, ssize_t* pos, Object** key);  // borrowed key

// ---------------------------------------------------------------------------
// range and slice.  types/range.cc, types/slice.cc.

Object* range_new(Object* start, Object* stop, Object* step);
inline bool slice_check(const Object* o) { return o->type == &kSliceType; }
Object* slice_new(Object* start, Object* stop, Object* step);  // nullable parts mean None; increfs
// Resolves a slice against a sequence length, as PySlice_GetIndicesEx.
// Returns -1 with an exception set.
int slice_indices(Object* slice, ssize_t length, ssize_t* start, ssize_t* stop, ssize_t* step,
                  ssize_t* slicelength);

// ---------------------------------------------------------------------------
// Iterator and builtin-class types exposed by the builtins module.
// types/iterators.cc.

extern Type kEnumerateType;
extern Type kZipType;
extern Type kMapType;
extern Type kFilterType;
extern Type kReversedType;
extern Type kSeqIterType;  // iterator over an object with __getitem__
Object* seq_iter_new(Object* seq);

// ---------------------------------------------------------------------------
// Module objects and builtin functions.  module.cc, descr.cc.

inline bool module_check(const Object* o) { return is_instance_of(o, &kModuleType); }
Object* module_new(std::string_view name);
Object* module_dict(Object* m);  // borrowed
// Adds each function in `defs` (terminated by {nullptr}) to the module.
int module_add_functions(Object* m, const MethodDef* defs);
int module_add_object(Object* m, std::string_view name, Object* value);  // increfs value
// A builtin function object; self is passed as the first argument of func.
Object* builtin_function_new(const MethodDef* def, Object* self, Object* module_name);

}  // namespace conch::vm
