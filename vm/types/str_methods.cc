// str methods (the Python-visible ones that are not slots): searching,
// splitting, joining, stripping, replacing, partitioning, encode/format and
// dunders.  Case mapping, classification, padding and translation are in
// str_case.cc.  Searches work on UTF-8 bytes (UTF-8 is self-synchronising, so
// a byte match is a code point match) and convert offsets back to code point
// indices only for results, never building the random-access index.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/str.h"
#include "vm/types/str_args.h"
#include "vm/types/unicode.h"

namespace conch::vm {

namespace {

using unicode::utf8_decode;

using namespace str_args;  // NOLINT: this file's helpers

// start/end arguments of find & co: None or an index, clamped as slices.
bool slice_bound(Object* o, ssize_t* out) {
  if (o == nullptr || o == kNone) return true;
  if (!int_check(o) && (o->type->number == nullptr || o->type->number->index == nullptr)) {
    set_error(&kTypeErrorType,
              "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  ssize_t v = index_as_ssize(o);
  if (v == -1 && has_error()) {
    if (!error_matches(&kOverflowErrorType)) return false;
    clear_error();
    v = int_sign(o) < 0 ? PTRDIFF_MIN / 2 : PTRDIFF_MAX / 2;
  }
  *out = v;
  return true;
}

void adjust_indices(ssize_t* start, ssize_t* end, ssize_t len) {
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

bool require_str(Object* o, const char* fmt_prefix) {
  if (str_check(o)) return true;
  set_error_fmt(&kTypeErrorType, "%s, not %s", fmt_prefix, type_name(o));
  return false;
}

// A view of code points [start, end) in bytes.
struct Span {
  ssize_t b0, b1;
};
Span span_of(Object* s, ssize_t start, ssize_t end) {
  if (str_is_ascii(s)) return {start, end};
  return {str_byte_offset(s, start), str_byte_offset(s, end)};
}

Object* substr_bytes(Object* s, ssize_t b0, ssize_t b1) {
  std::string_view v = str_view(s).substr(b0, b1 - b0);
  if (str_is_ascii(s)) return str_from_known(v, b1 - b0);
  return str_from(v);
}

// Appends a new str for bytes [b0, b1) of s to list; false on error.
bool append_piece(Object* list, Object* s, ssize_t b0, ssize_t b1) {
  Ref<> piece = steal(substr_bytes(s, b0, b1));
  return piece && list_append(list, piece.get()) == 0;
}

// ---------------------------------------------------------------------------
// find / rfind / index / rindex / count.

struct SubArgs {
  Object* sub;
  ssize_t start = 0, end = PTRDIFF_MAX;
};

bool parse_sub_args(const char* name, Object* const* args, size_t nargs, Object* kwnames,
                    SubArgs* out) {
  if (!no_kwargs(name, kwnames)) return false;
  if (nargs < 1) {
    set_error_fmt(&kTypeErrorType, "%s() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (nargs > 3) {
    set_error_fmt(&kTypeErrorType, "%s() takes at most 3 arguments (%d given)", name,
                  static_cast<int>(nargs));
    return false;
  }
  out->sub = args[0];
  if (nargs > 1 && !slice_bound(args[1], &out->start)) return false;
  if (nargs > 2 && !slice_bound(args[2], &out->end)) return false;
  return true;
}

// Returns the code point index of the first (or last) occurrence, -1 if none,
// -2 on error.
ssize_t find_impl(const char* name, Object* self, Object* const* args, size_t nargs,
                  Object* kwnames, bool reverse) {
  SubArgs a;
  if (!parse_sub_args(name, args, nargs, kwnames, &a)) return -2;
  if (!str_check(a.sub)) {
    set_error_fmt(&kTypeErrorType, "must be str, not %s", type_name(a.sub));
    return -2;
  }
  ssize_t len = str_length(self);
  adjust_indices(&a.start, &a.end, len);
  if (a.end - a.start < str_length(a.sub)) return -1;
  Span sp = span_of(self, a.start, a.end);
  std::string_view hay = str_view(self).substr(sp.b0, sp.b1 - sp.b0);
  size_t pos = reverse ? hay.rfind(str_view(a.sub)) : hay.find(str_view(a.sub));
  if (pos == std::string_view::npos) return -1;
  if (str_is_ascii(self)) return a.start + static_cast<ssize_t>(pos);
  return a.start + static_cast<ssize_t>(unicode::utf8_count(hay.substr(0, pos)));
}

Object* m_find(Object* self, Object* const* args, size_t nargs, Object* kw) {
  ssize_t r = find_impl("find", self, args, nargs, kw, false);
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* m_rfind(Object* self, Object* const* args, size_t nargs, Object* kw) {
  ssize_t r = find_impl("rfind", self, args, nargs, kw, true);
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* index_result(ssize_t r) {
  if (r == -2) return nullptr;
  if (r == -1) {
    set_error(&kValueErrorType, "substring not found");
    return nullptr;
  }
  return int_from_i64(r);
}
Object* m_index(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return index_result(find_impl("index", self, args, nargs, kw, false));
}
Object* m_rindex(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return index_result(find_impl("rindex", self, args, nargs, kw, true));
}

Object* m_count(Object* self, Object* const* args, size_t nargs, Object* kw) {
  SubArgs a;
  if (!parse_sub_args("count", args, nargs, kw, &a)) return nullptr;
  if (!str_check(a.sub)) {
    set_error_fmt(&kTypeErrorType, "must be str, not %s", type_name(a.sub));
    return nullptr;
  }
  ssize_t len = str_length(self);
  adjust_indices(&a.start, &a.end, len);
  if (a.start > len || a.end - a.start < str_length(a.sub)) return int_from_i64(0);
  if (str_length(a.sub) == 0) return int_from_i64(a.end - a.start + 1);
  Span sp = span_of(self, a.start, a.end);
  std::string_view hay = str_view(self).substr(sp.b0, sp.b1 - sp.b0);
  std::string_view needle = str_view(a.sub);
  ssize_t n = 0;
  for (size_t pos = hay.find(needle); pos != std::string_view::npos;
       pos = hay.find(needle, pos + needle.size()))
    ++n;
  return int_from_i64(n);
}

// startswith / endswith.
int match_one(Object* self, Object* sub, ssize_t start, ssize_t end, bool at_end) {
  ssize_t len = str_length(self);
  adjust_indices(&start, &end, len);
  ssize_t slen = str_length(sub);
  if (start > len) return 0;
  if (end - start < slen) return 0;
  if (slen == 0) return 1;
  Span sp = span_of(self, start, end);
  std::string_view hay = str_view(self).substr(sp.b0, sp.b1 - sp.b0);
  std::string_view needle = str_view(sub);
  if (needle.size() > hay.size()) return 0;
  return at_end ? hay.substr(hay.size() - needle.size()) == needle
                : hay.substr(0, needle.size()) == needle;
}

Object* starts_ends(const char* name, Object* self, Object* const* args, size_t nargs,
                    Object* kw, bool at_end) {
  SubArgs a;
  if (!parse_sub_args(name, args, nargs, kw, &a)) return nullptr;
  if (tuple_check(a.sub)) {
    for (ssize_t i = 0; i < tuple_size(a.sub); ++i) {
      Object* item = tuple_get(a.sub, i);
      if (!str_check(item)) {
        set_error_fmt(&kTypeErrorType, "tuple for %s must only contain str, not %s", name,
                      type_name(item));
        return nullptr;
      }
      if (match_one(self, item, a.start, a.end, at_end)) return new_bool(true);
    }
    return new_bool(false);
  }
  if (!str_check(a.sub)) {
    set_error_fmt(&kTypeErrorType, "%s first arg must be str or a tuple of str, not %s", name,
                  type_name(a.sub));
    return nullptr;
  }
  return new_bool(match_one(self, a.sub, a.start, a.end, at_end));
}
Object* m_startswith(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return starts_ends("startswith", self, args, nargs, kw, false);
}
Object* m_endswith(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return starts_ends("endswith", self, args, nargs, kw, true);
}

// ---------------------------------------------------------------------------
// split / rsplit / splitlines.

bool parse_split_args(const char* name, Object* const* args, size_t nargs, Object* kw,
                      Object** sep, ssize_t* maxsplit) {
  ArgSpec spec{name, {"sep", "maxsplit"}, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!max_positional(name, nargs, 2)) return false;
  if (!parse_args(spec, args, nargs, kw, a)) return false;
  *sep = a[0] == kNone ? nullptr : a[0];
  if (*sep != nullptr && !str_check(*sep)) {
    set_error_fmt(&kTypeErrorType, "must be str or None, not %s", type_name(*sep));
    return false;
  }
  if (*sep != nullptr && str_view(*sep).empty()) {
    set_error(&kValueErrorType, "empty separator");
    return false;
  }
  *maxsplit = -1;
  if (a[1] != nullptr && !index_arg(a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = PTRDIFF_MAX;
  return true;
}


Object* split_whitespace(Object* self, ssize_t maxsplit) {
  std::string_view v = str_view(self);
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  ssize_t i = 0, n = static_cast<ssize_t>(v.size());
  int len;
  while (true) {
    while (i < n && unicode::is_space(cp_at(v, i, &len))) i += len;
    if (i >= n) break;
    if (maxsplit-- == 0) {
      // The rest, as is (CPython keeps its trailing whitespace).
      if (!append_piece(list.get(), self, i, n)) return nullptr;
      break;
    }
    ssize_t j = i;
    while (j < n && !unicode::is_space(cp_at(v, j, &len))) j += len;
    if (i == 0 && j == n && str_check_exact(self)) {
      if (list_append(list.get(), self) < 0) return nullptr;
      break;
    }
    if (!append_piece(list.get(), self, i, j)) return nullptr;
    i = j;
  }
  return list.release();
}

Object* rsplit_whitespace(Object* self, ssize_t maxsplit) {
  std::string_view v = str_view(self);
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  ssize_t e = static_cast<ssize_t>(v.size());
  int len;
  while (true) {
    while (e > 0 && unicode::is_space(cp_before(v, e, &len))) e -= len;
    if (e <= 0) break;
    if (maxsplit-- == 0) {
      if (!append_piece(list.get(), self, 0, e)) return nullptr;
      break;
    }
    ssize_t b = e;
    while (b > 0 && !unicode::is_space(cp_before(v, b, &len))) b -= len;
    if (!append_piece(list.get(), self, b, e)) return nullptr;
    e = b;
  }
  if (list_size(list.get()) > 1) {
    Object** items = list_items(list.get());
    std::reverse(items, items + list_size(list.get()));
  }
  return list.release();
}

Object* m_split(Object* self, Object* const* args, size_t nargs, Object* kw) {
  Object* sep;
  ssize_t maxsplit;
  if (!parse_split_args("split", args, nargs, kw, &sep, &maxsplit)) return nullptr;
  if (sep == nullptr) return split_whitespace(self, maxsplit);
  std::string_view v = str_view(self), s = str_view(sep);
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  size_t i = 0;
  while (maxsplit-- > 0) {
    size_t pos = v.find(s, i);
    if (pos == std::string_view::npos) break;
    if (!append_piece(list.get(), self, i, pos)) return nullptr;
    i = pos + s.size();
  }
  if (i == 0 && str_check_exact(self)) {
    if (list_append(list.get(), self) < 0) return nullptr;
  } else if (!append_piece(list.get(), self, i, v.size())) {
    return nullptr;
  }
  return list.release();
}

Object* m_rsplit(Object* self, Object* const* args, size_t nargs, Object* kw) {
  Object* sep;
  ssize_t maxsplit;
  if (!parse_split_args("rsplit", args, nargs, kw, &sep, &maxsplit)) return nullptr;
  if (sep == nullptr) return rsplit_whitespace(self, maxsplit);
  std::string_view v = str_view(self), s = str_view(sep);
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  size_t e = v.size();
  while (maxsplit-- > 0 && e >= s.size()) {
    size_t pos = v.substr(0, e).rfind(s);
    if (pos == std::string_view::npos) break;
    if (!append_piece(list.get(), self, pos + s.size(), e)) return nullptr;
    e = pos;
  }
  if (!append_piece(list.get(), self, 0, e)) return nullptr;
  Object** items = list_items(list.get());
  std::reverse(items, items + list_size(list.get()));
  return list.release();
}

Object* m_splitlines(Object* self, Object* const* args, size_t nargs, Object* kw) {
  static const ArgSpec spec{"splitlines", {"keepends"}, 0, 1};
  Object* a[1] = {nullptr};
  if (!max_positional("splitlines", nargs, 1)) return nullptr;
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  int keep = 0;
  if (a[0] != nullptr && (keep = is_true(a[0])) < 0) return nullptr;
  std::string_view v = str_view(self);
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  ssize_t i = 0, n = static_cast<ssize_t>(v.size());
  int len;
  while (i < n) {
    ssize_t j = i;
    uint32_t c = 0;
    while (j < n && !unicode::is_linebreak(c = cp_at(v, j, &len))) j += len;
    ssize_t eol = j;
    if (j < n) {
      j += len;
      if (c == '\r' && j < n && v[j] == '\n') ++j;
      if (keep) eol = j;
    }
    if (!append_piece(list.get(), self, i, eol)) return nullptr;
    i = j;
  }
  return list.release();
}

// ---------------------------------------------------------------------------
// join.

Object* join_items(Object* sep, Object* const* items, ssize_t n) {
  if (n == 1 && str_check_exact(items[0])) return new_ref(items[0]);
  auto* sp = as_str(sep);
  ssize_t nbytes = 0, length = 0;
  for (ssize_t i = 0; i < n; ++i) {
    if (!str_check(items[i])) {
      set_error_fmt(&kTypeErrorType, "sequence item %d: expected str instance, %s found",
                    static_cast<int>(i), type_name(items[i]));
      return nullptr;
    }
    nbytes += as_str(items[i])->nbytes;
    length += as_str(items[i])->length;
  }
  if (n > 1) {
    nbytes += sp->nbytes * (n - 1);
    length += sp->length * (n - 1);
  }
  Object* r = str_alloc(nbytes, length);
  if (r == nullptr) return nullptr;
  char* d = as_str(r)->data;
  for (ssize_t i = 0; i < n; ++i) {
    if (i > 0 && sp->nbytes > 0) {
      std::memcpy(d, sp->data, static_cast<size_t>(sp->nbytes));
      d += sp->nbytes;
    }
    auto* it = as_str(items[i]);
    std::memcpy(d, it->data, static_cast<size_t>(it->nbytes));
    d += it->nbytes;
  }
  if (length <= 1) {  // keep the singleton invariant for tiny results
    Ref<> tmp = steal(r);
    return str_from_known(str_view(r), length);
  }
  return r;
}

}  // namespace

Object* str_join(Object* sep, Object* iterable) {
  if (tuple_check(iterable)) {
    return join_items(sep, tuple_items(iterable), tuple_size(iterable));
  }
  if (list_check(iterable)) {
    gc::CriticalSection cs{iterable};
    return join_items(sep, list_items(iterable), list_size(iterable));
  }
  if (iterable->type->iter == nullptr && iterable->type->getitem == nullptr) {
    set_error(&kTypeErrorType, "can only join an iterable");
    return nullptr;
  }
  Ref<> seq = steal(sequence_tuple(iterable));
  if (!seq) return nullptr;
  return join_items(sep, tuple_items(seq.get()), tuple_size(seq.get()));
}

namespace {

Object* m_join(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!one_arg("str.join", nargs, kw)) return nullptr;
  return str_join(self, args[0]);
}

// ---------------------------------------------------------------------------
// strip family.

enum StripKind { kLeft = 1, kRight = 2, kBoth = 3 };

Object* do_strip(const char* name, Object* self, Object* const* args, size_t nargs, Object* kw,
                 StripKind kind) {
  if (!nargs_range(name, nargs, 0, 1, kw)) return nullptr;
  Object* chars = nargs > 0 && args[0] != kNone ? args[0] : nullptr;
  if (chars != nullptr && !str_check(chars)) {
    set_error_fmt(&kTypeErrorType, "%s arg must be None or str", name);
    return nullptr;
  }
  std::vector<uint32_t> set;
  if (chars != nullptr) {
    std::string_view c = str_view(chars);
    int len;
    for (size_t i = 0; i < c.size(); i += len) set.push_back(cp_at(c, i, &len));
  }
  auto strip_it = [&](uint32_t cp) {
    if (chars == nullptr) return unicode::is_space(cp);
    return std::find(set.begin(), set.end(), cp) != set.end();
  };
  std::string_view v = str_view(self);
  ssize_t b = 0, e = static_cast<ssize_t>(v.size());
  int len;
  if (kind & kLeft)
    while (b < e && strip_it(cp_at(v, b, &len))) b += len;
  if (kind & kRight)
    while (e > b && strip_it(cp_before(v, e, &len))) e -= len;
  if (b == 0 && e == static_cast<ssize_t>(v.size()) && str_check_exact(self))
    return new_ref(self);
  return substr_bytes(self, b, e);
}
Object* m_strip(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return do_strip("strip", self, args, nargs, kw, kBoth);
}
Object* m_lstrip(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return do_strip("lstrip", self, args, nargs, kw, kLeft);
}
Object* m_rstrip(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return do_strip("rstrip", self, args, nargs, kw, kRight);
}

// ---------------------------------------------------------------------------
// replace.

Object* m_replace(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!nargs_range("replace", nargs, 2, 3, kw)) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (!str_check(args[i])) {
      set_error_fmt(&kTypeErrorType, "replace() argument %d must be str, not %s", i + 1,
                    type_name(args[i]));
      return nullptr;
    }
  }
  ssize_t count = -1;
  if (nargs > 2 && !index_arg(args[2], &count)) return nullptr;
  if (count < 0) count = PTRDIFF_MAX;
  std::string_view v = str_view(self), from = str_view(args[0]), to = str_view(args[1]);
  std::string out;
  ssize_t done = 0;
  if (from.empty()) {
    int len;
    size_t i = 0;
    for (; i < v.size() && done < count; i += len, ++done) {
      out.append(to);
      cp_at(v, i, &len);
      out.append(v.substr(i, len));
    }
    if (done < count) {
      out.append(to);
      ++done;
    }
    out.append(v.substr(i));
  } else {
    size_t i = 0;
    for (; done < count; ++done) {
      size_t pos = v.find(from, i);
      if (pos == std::string_view::npos) break;
      out.append(v.substr(i, pos - i));
      out.append(to);
      i = pos + from.size();
    }
    out.append(v.substr(i));
  }
  if (done == 0 && str_check_exact(self)) return new_ref(self);
  ssize_t length = str_length(self) + done * (str_length(args[1]) - str_length(args[0]));
  return str_from_known(out, length);
}


// ---------------------------------------------------------------------------
// partition / rpartition, removeprefix / removesuffix.

Object* partition(const char* name, Object* self, Object* const* args, size_t nargs, Object* kw,
                  bool reverse) {
  std::string qual = std::string("str.") + name;
  if (!one_arg(qual.c_str(), nargs, kw)) return nullptr;
  Object* sep = args[0];
  if (!require_str(sep, "must be str")) return nullptr;
  std::string_view v = str_view(self), s = str_view(sep);
  if (s.empty()) {
    set_error(&kValueErrorType, "empty separator");
    return nullptr;
  }
  size_t pos = reverse ? v.rfind(s) : v.find(s);
  if (pos == std::string_view::npos) {
    Ref<> whole = steal(str_check_exact(self) ? new_ref(self) : substr_bytes(self, 0, v.size()));
    if (!whole) return nullptr;
    Object* e = str_empty();
    return reverse ? tuple_pack({e, e, whole.get()}) : tuple_pack({whole.get(), e, e});
  }
  Ref<> head = steal(substr_bytes(self, 0, pos));
  Ref<> tail = steal(substr_bytes(self, pos + s.size(), v.size()));
  if (!head || !tail) return nullptr;
  return tuple_pack({head.get(), sep, tail.get()});
}
Object* m_partition(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return partition("partition", self, args, nargs, kw, false);
}
Object* m_rpartition(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return partition("rpartition", self, args, nargs, kw, true);
}

Object* remove_affix(const char* name, Object* self, Object* const* args, size_t nargs,
                     Object* kw, bool suffix) {
  std::string qual = std::string("str.") + name;
  if (!one_arg(qual.c_str(), nargs, kw)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "%s() argument must be str, not %s", name,
                  type_name(args[0]));
    return nullptr;
  }
  std::string_view v = str_view(self), a = str_view(args[0]);
  bool hit = !a.empty() && a.size() <= v.size() &&
             (suffix ? v.substr(v.size() - a.size()) == a : v.substr(0, a.size()) == a);
  if (!hit) {
    if (str_check_exact(self)) return new_ref(self);
    return substr_bytes(self, 0, v.size());
  }
  return suffix ? substr_bytes(self, 0, v.size() - a.size())
                : substr_bytes(self, a.size(), v.size());
}
Object* m_removeprefix(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return remove_affix("removeprefix", self, args, nargs, kw, false);
}
Object* m_removesuffix(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return remove_affix("removesuffix", self, args, nargs, kw, true);
}


// ---------------------------------------------------------------------------
// encode, format, dunders.

Object* m_encode(Object* self, Object* const* args, size_t nargs, Object* kw) {
  static const ArgSpec spec{"encode", {"encoding", "errors"}, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!max_positional("encode", nargs, 2)) return nullptr;
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (a[i] != nullptr && !str_check(a[i])) {
      set_error_fmt(&kTypeErrorType, "encode() argument '%s' must be str, not %s",
                    i == 0 ? "encoding" : "errors", type_name(a[i]));
      return nullptr;
    }
  }
  return str_encode(self, a[0] ? str_view(a[0]) : "utf-8", a[1] ? str_view(a[1]) : "strict");
}

Object* m_format(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return str_method_format(self, args, nargs, kw);
}

Object* m_format_map(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!one_arg("str.format_map", nargs, kw)) return nullptr;
  return str_method_format_map(self, args[0]);
}

Object* m___format__(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!one_arg("__format__", nargs, kw)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "__format__() argument must be str, not %s",
                  type_name(args[0]));
    return nullptr;
  }
  return str_format_spec(self, args[0]);
}

Object* m___getnewargs__(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!no_args("__getnewargs__", nargs, kw)) return nullptr;
  Ref<> copy = steal(str_from_known(str_view(self), str_length(self)));
  if (!copy) return nullptr;
  return tuple_pack({copy.get()});
}

Object* m___sizeof__(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!no_args("__sizeof__", nargs, kw)) return nullptr;
  return int_from_i64(static_cast<int64_t>(sizeof(StrObject)) + as_str(self)->nbytes + 1);
}

}  // namespace

const MethodDef kStrMethods[] = {
    {"encode", m_encode, kMethodDefault, nullptr},
    {"replace", m_replace, kMethodDefault, nullptr},
    {"split", m_split, kMethodDefault, nullptr},
    {"rsplit", m_rsplit, kMethodDefault, nullptr},
    {"join", m_join, kMethodDefault, nullptr},
    {"count", m_count, kMethodDefault, nullptr},
    {"find", m_find, kMethodDefault, nullptr},
    {"partition", m_partition, kMethodDefault, nullptr},
    {"index", m_index, kMethodDefault, nullptr},
    {"lstrip", m_lstrip, kMethodDefault, nullptr},
    {"rfind", m_rfind, kMethodDefault, nullptr},
    {"rindex", m_rindex, kMethodDefault, nullptr},
    {"rstrip", m_rstrip, kMethodDefault, nullptr},
    {"rpartition", m_rpartition, kMethodDefault, nullptr},
    {"splitlines", m_splitlines, kMethodDefault, nullptr},
    {"strip", m_strip, kMethodDefault, nullptr},
    {"startswith", m_startswith, kMethodDefault, nullptr},
    {"endswith", m_endswith, kMethodDefault, nullptr},
    {"removeprefix", m_removeprefix, kMethodDefault, nullptr},
    {"removesuffix", m_removesuffix, kMethodDefault, nullptr},
    {"format", m_format, kMethodDefault, nullptr},
    {"format_map", m_format_map, kMethodDefault, nullptr},
    {"__format__", m___format__, kMethodDefault, nullptr},
    {"__sizeof__", m___sizeof__, kMethodDefault, nullptr},
    {"__getnewargs__", m___getnewargs__, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace conch::vm
