// bytes methods: decode, searching, splitting, joining, stripping,
// replacing, ASCII case mapping and classes, padding, hex/fromhex.  The
// same functions serve bytearray (bytearray.cc installs them): self is read
// through BytesView and results are built with like_self (bytes_args.h).
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/bytes_args.h"
#include "vm/types/str.h"

namespace conch::vm {
namespace {

using namespace bytes_args;  // NOLINT: this file's helpers

// ---------------------------------------------------------------------------
// Methods.

Object* m_decode(Object* self, Object* const* args, size_t nargs, Object* kw) {
  static const ArgSpec spec{"decode", {"encoding", "errors"}, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!max_positional("decode", nargs, 2)) return nullptr;
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (a[i] != nullptr && !str_check(a[i])) {
      set_error_fmt(&kTypeErrorType, "decode() argument '%s' must be str, not %s",
                    i == 0 ? "encoding" : "errors", type_name(a[i]));
      return nullptr;
    }
  }
  BytesView self_bytes{self};
  return str_decode(self_bytes.get(), a[0] ? str_view(a[0]) : "utf-8",
                    a[1] ? str_view(a[1]) : "strict");
}

// find & co: sub is bytes-like or an int in range(256).
struct SubArgs {
  std::string sub;
  ssize_t start = 0, end = PTRDIFF_MAX;
};

bool slice_bound(Object* o, ssize_t* out) {
  if (o == nullptr || o == kNone) return true;
  if (!has_index(o)) {
    set_error(&kTypeErrorType,
              "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  *out = index_as_ssize(o);
  return !(*out == -1 && has_error());
}

bool parse_sub(const char* name, Object* const* args, size_t nargs, Object* kw, SubArgs* out,
               ssize_t len) {
  if (!no_kwargs(name, kw)) return false;
  if (nargs < 1 || nargs > 3) {
    set_error_fmt(&kTypeErrorType, "%s() takes at %s %d argument%s (%d given)", name,
                  nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s",
                  static_cast<int>(nargs));
    return false;
  }
  Object* sub = args[0];
  if (has_index(sub)) {
    ssize_t v = index_as_ssize(sub);
    if (v == -1 && has_error()) return false;
    if (v < 0 || v > 255) {
      set_error(&kValueErrorType, "byte must be in range(0, 256)");
      return false;
    }
    out->sub.assign(1, static_cast<char>(v));
  } else if (bytes_like_check(sub)) {
    out->sub = std::string(BytesView(sub).get());
  } else {
    set_error_fmt(&kTypeErrorType, "argument should be integer or bytes-like object, not '%s'",
                  type_name(sub));
    return false;
  }
  if (nargs > 1 && !slice_bound(args[1], &out->start)) return false;
  if (nargs > 2 && !slice_bound(args[2], &out->end)) return false;
  if (out->end > len) out->end = len;
  if (out->end < 0) out->end = std::max<ssize_t>(out->end + len, 0);
  if (out->start < 0) out->start = std::max<ssize_t>(out->start + len, 0);
  return true;
}

ssize_t find_impl(const char* name, Object* self, Object* const* args, size_t nargs,
                  Object* kw, bool reverse) {
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  SubArgs a;
  if (!parse_sub(name, args, nargs, kw, &a, static_cast<ssize_t>(v.size()))) return -2;
  if (a.end - a.start < static_cast<ssize_t>(a.sub.size())) return -1;
  std::string_view hay = v.substr(a.start, a.end - a.start);
  size_t pos = reverse ? hay.rfind(a.sub) : hay.find(a.sub);
  return pos == std::string_view::npos ? -1 : a.start + static_cast<ssize_t>(pos);
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
    set_error(&kValueErrorType, "subsection not found");
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
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  SubArgs a;
  if (!parse_sub("count", args, nargs, kw, &a, static_cast<ssize_t>(v.size()))) return nullptr;
  if (a.start > static_cast<ssize_t>(v.size()) ||
      a.end - a.start < static_cast<ssize_t>(a.sub.size()))
    return int_from_i64(0);
  if (a.sub.empty()) return int_from_i64(a.end - a.start + 1);
  std::string_view hay = v.substr(a.start, a.end - a.start);
  ssize_t n = 0;
  for (size_t p = hay.find(a.sub); p != std::string_view::npos; p = hay.find(a.sub, p + a.sub.size()))
    ++n;
  return int_from_i64(n);
}

Object* starts_ends(const char* name, Object* self, Object* const* args, size_t nargs,
                    Object* kw, bool at_end) {
  if (!no_kwargs(name, kw)) return nullptr;
  if (nargs < 1 || nargs > 3) {
    set_error_fmt(&kTypeErrorType, "%s() takes at least 1 argument (%d given)", name,
                  static_cast<int>(nargs));
    return nullptr;
  }
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  ssize_t len = static_cast<ssize_t>(v.size()), start = 0, end = PTRDIFF_MAX;
  if (nargs > 1 && !slice_bound(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_bound(args[2], &end)) return nullptr;
  if (end > len) end = len;
  if (end < 0) end = std::max<ssize_t>(end + len, 0);
  if (start < 0) start = std::max<ssize_t>(start + len, 0);
  auto match = [&](std::string_view sub) {
    if (start > len || end - start < static_cast<ssize_t>(sub.size())) return false;
    std::string_view hay = v.substr(start, end - start);
    return at_end ? hay.substr(hay.size() - sub.size()) == sub : hay.substr(0, sub.size()) == sub;
  };
  Object* sub = args[0];
  if (tuple_check(sub)) {
    for (ssize_t i = 0; i < tuple_size(sub); ++i) {
      BytesView s;
      if (!buffer_arg(tuple_get(sub, i), &s)) return nullptr;
      if (match(s.get())) return new_bool(true);
    }
    return new_bool(false);
  }
  if (!bytes_like_check(sub)) {
    set_error_fmt(&kTypeErrorType, "%s first arg must be bytes or a tuple of bytes, not %s",
                  name, type_name(sub));
    return nullptr;
  }
  return new_bool(match(BytesView(sub).get()));
}
Object* m_startswith(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return starts_ends("startswith", self, args, nargs, kw, false);
}
Object* m_endswith(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return starts_ends("endswith", self, args, nargs, kw, true);
}

Object* split_impl(const char* name, Object* self, Object* const* args, size_t nargs,
                   Object* kw, bool reverse) {
  ArgSpec spec{name, {"sep", "maxsplit"}, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!max_positional(name, nargs, 2)) return nullptr;
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  ssize_t maxsplit = -1;
  if (a[1] != nullptr && !index_arg(a[1], &maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = PTRDIFF_MAX;
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  std::vector<std::string_view> parts;
  if (a[0] == nullptr || a[0] == kNone) {
    ssize_t n = static_cast<ssize_t>(v.size());
    if (!reverse) {
      ssize_t i = 0;
      while (true) {
        while (i < n && is_bspace(v[i])) ++i;
        if (i >= n) break;
        if (maxsplit-- == 0) {
          parts.push_back(v.substr(i));
          break;
        }
        ssize_t j = i;
        while (j < n && !is_bspace(v[j])) ++j;
        parts.push_back(v.substr(i, j - i));
        i = j;
      }
    } else {
      ssize_t e = n;
      while (true) {
        while (e > 0 && is_bspace(v[e - 1])) --e;
        if (e <= 0) break;
        if (maxsplit-- == 0) {
          parts.push_back(v.substr(0, e));
          break;
        }
        ssize_t b = e;
        while (b > 0 && !is_bspace(v[b - 1])) --b;
        parts.push_back(v.substr(b, e - b));
        e = b;
      }
      std::reverse(parts.begin(), parts.end());
    }
  } else {
    BytesView sep_bytes;
    if (!buffer_arg(a[0], &sep_bytes)) return nullptr;
    std::string_view sep = sep_bytes.get();
    if (sep.empty()) {
      set_error(&kValueErrorType, "empty separator");
      return nullptr;
    }
    if (!reverse) {
      size_t i = 0;
      while (maxsplit-- > 0) {
        size_t p = v.find(sep, i);
        if (p == std::string_view::npos) break;
        parts.push_back(v.substr(i, p - i));
        i = p + sep.size();
      }
      parts.push_back(v.substr(i));
    } else {
      size_t e = v.size();
      while (maxsplit-- > 0 && e >= sep.size()) {
        size_t p = v.substr(0, e).rfind(sep);
        if (p == std::string_view::npos) break;
        parts.push_back(v.substr(p + sep.size(), e - p - sep.size()));
        e = p;
      }
      parts.push_back(v.substr(0, e));
      std::reverse(parts.begin(), parts.end());
    }
  }
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  for (std::string_view p : parts) {
    Ref<> b = steal(like_self(self, p));
    if (!b || list_append(list.get(), b.get()) < 0) return nullptr;
  }
  return list.release();
}
Object* m_split(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return split_impl("split", self, args, nargs, kw, false);
}
Object* m_rsplit(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return split_impl("rsplit", self, args, nargs, kw, true);
}

Object* m_splitlines(Object* self, Object* const* args, size_t nargs, Object* kw) {
  static const ArgSpec spec{"splitlines", {"keepends"}, 0, 1};
  Object* a[1] = {nullptr};
  if (!max_positional("splitlines", nargs, 1)) return nullptr;
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  int keep = 0;
  if (a[0] != nullptr && (keep = is_true(a[0])) < 0) return nullptr;
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    while (j < v.size() && v[j] != '\n' && v[j] != '\r') ++j;
    size_t eol = j;
    if (j < v.size()) {
      j += (v[j] == '\r' && j + 1 < v.size() && v[j + 1] == '\n') ? 2 : 1;
      if (keep) eol = j;
    }
    Ref<> b = steal(like_self(self, v.substr(i, eol - i)));
    if (!b || list_append(list.get(), b.get()) < 0) return nullptr;
    i = j;
  }
  return list.release();
}

Object* m_join(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!nargs_range("join", nargs, 1, 1, kw)) return nullptr;
  Ref<> seq = steal(sequence_tuple(args[0]));
  if (!seq) return nullptr;
  BytesView self_bytes{self};
  std::string_view sep = self_bytes.get();
  std::string out;
  for (ssize_t i = 0; i < tuple_size(seq.get()); ++i) {
    Object* item = tuple_get(seq.get(), i);
    if (!bytes_like_check(item)) {
      set_error_fmt(&kTypeErrorType, "sequence item %d: expected a bytes-like object, %s found",
                    static_cast<int>(i), type_name(item));
      return nullptr;
    }
    if (i > 0) out.append(sep);
    out.append(BytesView(item).get());
  }
  return like_self(self, out);
}

enum StripKind { kLeft = 1, kRight = 2, kBoth = 3 };
Object* strip_impl(const char* name, Object* self, Object* const* args, size_t nargs,
                   Object* kw, int kind) {
  if (!nargs_range(name, nargs, 0, 1, kw)) return nullptr;
  std::string_view chars = " \t\n\r\x0b\x0c";
  BytesView custom_chars;
  if (nargs > 0 && args[0] != kNone) {
    if (!buffer_arg(args[0], &custom_chars)) return nullptr;
    chars = custom_chars.get();
  }
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  size_t b = 0, e = v.size();
  auto strip_it = [&](char c) { return chars.find(c) != std::string_view::npos; };
  if (kind & kLeft)
    while (b < e && strip_it(v[b])) ++b;
  if (kind & kRight)
    while (e > b && strip_it(v[e - 1])) --e;
  if (b == 0 && e == v.size()) return self_or_copy(self, v);
  return like_self(self, v.substr(b, e - b));
}
Object* m_strip(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return strip_impl("strip", self, args, nargs, kw, kBoth);
}
Object* m_lstrip(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return strip_impl("lstrip", self, args, nargs, kw, kLeft);
}
Object* m_rstrip(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return strip_impl("rstrip", self, args, nargs, kw, kRight);
}

Object* m_replace(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!nargs_range("replace", nargs, 2, 3, kw)) return nullptr;
  BytesView from_bytes, to_bytes;
  if (!buffer_arg(args[0], &from_bytes) || !buffer_arg(args[1], &to_bytes)) return nullptr;
  std::string_view from = from_bytes.get(), to = to_bytes.get();
  ssize_t count = -1;
  if (nargs > 2 && !index_arg(args[2], &count)) return nullptr;
  if (count < 0) count = PTRDIFF_MAX;
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  std::string out;
  ssize_t done = 0;
  if (from.empty()) {
    size_t i = 0;
    for (; i < v.size() && done < count; ++i, ++done) {
      out.append(to);
      out.push_back(v[i]);
    }
    if (done < count) out.append(to);
    out.append(v.substr(i));
  } else {
    size_t i = 0;
    for (; done < count; ++done) {
      size_t p = v.find(from, i);
      if (p == std::string_view::npos) break;
      out.append(v.substr(i, p - i));
      out.append(to);
      i = p + from.size();
    }
    out.append(v.substr(i));
  }
  return like_self(self, out);
}

template <class F>
Object* map_bytes(Object* self, size_t nargs, Object* kw, const char* name, F f) {
  if (!nargs_range(name, nargs, 0, 0, kw)) return nullptr;
  std::string out(BytesView(self).get());
  bool prev = false;
  for (size_t i = 0; i < out.size(); ++i) out[i] = f(static_cast<unsigned char>(out[i]), i, &prev);
  return like_self(self, out);
}
char b_up(unsigned char c) { return static_cast<char>(is_blower(c) ? c - 32 : c); }
char b_lo(unsigned char c) { return static_cast<char>(is_bupper(c) ? c + 32 : c); }
Object* m_upper(Object* self, Object* const*, size_t nargs, Object* kw) {
  return map_bytes(self, nargs, kw, "upper", [](unsigned char c, size_t, bool*) { return b_up(c); });
}
Object* m_lower(Object* self, Object* const*, size_t nargs, Object* kw) {
  return map_bytes(self, nargs, kw, "lower", [](unsigned char c, size_t, bool*) { return b_lo(c); });
}
Object* m_swapcase(Object* self, Object* const*, size_t nargs, Object* kw) {
  return map_bytes(self, nargs, kw, "swapcase", [](unsigned char c, size_t, bool*) {
    return is_bupper(c) ? b_lo(c) : b_up(c);
  });
}
Object* m_capitalize(Object* self, Object* const*, size_t nargs, Object* kw) {
  return map_bytes(self, nargs, kw, "capitalize", [](unsigned char c, size_t i, bool*) {
    return i == 0 ? b_up(c) : b_lo(c);
  });
}
Object* m_title(Object* self, Object* const*, size_t nargs, Object* kw) {
  return map_bytes(self, nargs, kw, "title", [](unsigned char c, size_t, bool* prev) {
    char r = *prev ? b_lo(c) : b_up(c);
    *prev = is_balpha(c);
    return r;
  });
}

template <class F>
Object* all_bytes(Object* self, size_t nargs, Object* kw, const char* name, F pred) {
  if (!nargs_range(name, nargs, 0, 0, kw)) return nullptr;
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  if (v.empty()) return new_bool(false);
  for (unsigned char c : v)
    if (!pred(c)) return new_bool(false);
  return new_bool(true);
}
Object* m_isdigit(Object* self, Object* const*, size_t nargs, Object* kw) {
  return all_bytes(self, nargs, kw, "isdigit", is_bdigit);
}
Object* m_isalpha(Object* self, Object* const*, size_t nargs, Object* kw) {
  return all_bytes(self, nargs, kw, "isalpha", is_balpha);
}
Object* m_isalnum(Object* self, Object* const*, size_t nargs, Object* kw) {
  return all_bytes(self, nargs, kw, "isalnum",
                   [](unsigned char c) { return is_balpha(c) || is_bdigit(c); });
}
Object* m_isspace(Object* self, Object* const*, size_t nargs, Object* kw) {
  return all_bytes(self, nargs, kw, "isspace", is_bspace);
}
Object* m_isascii(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!nargs_range("isascii", nargs, 0, 0, kw)) return nullptr;
  BytesView self_bytes{self};
  for (unsigned char c : self_bytes.get())
    if (c >= 0x80) return new_bool(false);
  return new_bool(true);
}
Object* cased_check(Object* self, size_t nargs, Object* kw, const char* name, bool upper) {
  if (!nargs_range(name, nargs, 0, 0, kw)) return nullptr;
  bool cased = false;
  BytesView self_bytes{self};
  for (unsigned char c : self_bytes.get()) {
    if (upper ? is_blower(c) : is_bupper(c)) return new_bool(false);
    if (upper ? is_bupper(c) : is_blower(c)) cased = true;
  }
  return new_bool(cased);
}
Object* m_isupper(Object* self, Object* const*, size_t nargs, Object* kw) {
  return cased_check(self, nargs, kw, "isupper", true);
}
Object* m_islower(Object* self, Object* const*, size_t nargs, Object* kw) {
  return cased_check(self, nargs, kw, "islower", false);
}

Object* justify(const char* name, Object* self, Object* const* args, size_t nargs, Object* kw,
                char how) {
  if (!nargs_range(name, nargs, 1, 2, kw)) return nullptr;
  ssize_t width;
  if (!index_arg(args[0], &width)) return nullptr;
  char fill = ' ';
  if (nargs > 1) {
    BytesView fill_bytes;
    if (!fill_bytes.assign(args[1]) || fill_bytes.get().size() != 1) {
      set_error_fmt(&kTypeErrorType,
                    "%s() argument 2 must be a byte string of length 1, not %s", name,
                    type_name(args[1]));
      return nullptr;
    }
    fill = fill_bytes.get()[0];
  }
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  ssize_t marg = width - static_cast<ssize_t>(v.size());
  if (marg <= 0) return self_or_copy(self, v);
  ssize_t left = how == '<' ? 0 : how == '>' ? marg : marg / 2 + (marg & width & 1);
  std::string out(static_cast<size_t>(left), fill);
  out.append(v);
  out.append(static_cast<size_t>(marg - left), fill);
  return like_self(self, out);
}
Object* m_center(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return justify("center", self, args, nargs, kw, '^');
}
Object* m_ljust(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return justify("ljust", self, args, nargs, kw, '<');
}
Object* m_rjust(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return justify("rjust", self, args, nargs, kw, '>');
}

Object* partition_impl(const char* name, Object* self, Object* const* args, size_t nargs,
                       Object* kw, bool reverse) {
  if (!nargs_range(name, nargs, 1, 1, kw)) return nullptr;
  BytesView sep_bytes;
  if (!buffer_arg(args[0], &sep_bytes)) return nullptr;
  std::string_view sep = sep_bytes.get();
  if (sep.empty()) {
    set_error(&kValueErrorType, "empty separator");
    return nullptr;
  }
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  size_t p = reverse ? v.rfind(sep) : v.find(sep);
  Ref<> a, b, c;
  if (p == std::string_view::npos) {
    a = steal(reverse ? like_self(self, "") : self_or_copy(self, v));
    b = steal(like_self(self, ""));
    c = steal(reverse ? self_or_copy(self, v) : like_self(self, ""));
  } else {
    a = steal(like_self(self, v.substr(0, p)));
    b = steal(like_self(self, sep));
    c = steal(like_self(self, v.substr(p + sep.size())));
  }
  if (!a || !b || !c) return nullptr;
  return tuple_pack({a.get(), b.get(), c.get()});
}
Object* m_partition(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return partition_impl("partition", self, args, nargs, kw, false);
}
Object* m_rpartition(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return partition_impl("rpartition", self, args, nargs, kw, true);
}

Object* affix(const char* name, Object* self, Object* const* args, size_t nargs, Object* kw,
              bool suffix) {
  if (!nargs_range(name, nargs, 1, 1, kw)) return nullptr;
  BytesView affix_bytes;
  if (!buffer_arg(args[0], &affix_bytes)) return nullptr;
  std::string_view a = affix_bytes.get();
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  if (a.empty() || a.size() > v.size()) return self_or_copy(self, v);
  if (suffix && v.substr(v.size() - a.size()) == a) return like_self(self, v.substr(0, v.size() - a.size()));
  if (!suffix && v.substr(0, a.size()) == a) return like_self(self, v.substr(a.size()));
  return self_or_copy(self, v);
}
Object* m_removeprefix(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return affix("removeprefix", self, args, nargs, kw, false);
}
Object* m_removesuffix(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return affix("removesuffix", self, args, nargs, kw, true);
}

Object* m_hex(Object* self, Object* const* args, size_t nargs, Object* kw) {
  static const ArgSpec spec{"hex", {"sep", "bytes_per_sep"}, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!max_positional("hex", nargs, 2)) return nullptr;
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  std::string sep;
  if (a[0] != nullptr) {
    std::string_view s = str_check(a[0]) ? str_view(a[0])
                         : bytes_check(a[0]) ? bytes_view(a[0])
                                             : std::string_view();
    if (!str_check(a[0]) && !bytes_check(a[0])) {
      if (a[0]->type->length == nullptr) {
        set_error_fmt(&kTypeErrorType, "object of type '%s' has no len()", type_name(a[0]));
      } else {
        set_error(&kTypeErrorType, "sep must be str or bytes.");
      }
      return nullptr;
    }
    if (s.size() != 1) {
      set_error(&kValueErrorType, "sep must be length 1.");
      return nullptr;
    }
    sep = std::string(s);
  }
  ssize_t per = 1;
  if (a[1] != nullptr && !index_arg(a[1], &per)) return nullptr;
  static const char hex[] = "0123456789abcdef";
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  std::string out;
  ssize_t n = static_cast<ssize_t>(v.size());
  ssize_t group = per < 0 ? -per : per;
  for (ssize_t i = 0; i < n; ++i) {
    if (!sep.empty() && group > 0 && i > 0) {
      // Groups count from the right for positive bytes_per_sep.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(v[i]);
    out.push_back(hex[c >> 4]);
    out.push_back(hex[c & 15]);
  }
  return str_from_known(out, static_cast<ssize_t>(out.size()));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Object* m_fromhex(Object* cls, Object* const* args, size_t nargs, Object* kw) {
  if (!nargs_range("fromhex", nargs, 1, 1, kw)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "fromhex() argument must be str, not %s", type_name(args[0]));
    return nullptr;
  }
  std::string_view s = str_view(args[0]);
  std::string out;
  size_t i = 0;
  while (true) {
    while (i < s.size() && is_bspace(s[i])) ++i;
    if (i >= s.size()) break;
    int hi = hex_value(s[i]);
    int lo = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      size_t bad = hi < 0 ? i : i + 1;
      set_error_fmt(&kValueErrorType, "non-hexadecimal number found in fromhex() arg at position %d",
                    static_cast<int>(str_cp_index(args[0], static_cast<ssize_t>(bad))));
      return nullptr;
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  Ref<> b = steal(new_bytes(out));
  if (!b) return nullptr;
  if (cls == &kBytesType || cls == nullptr) return b.release();
  return call_args(cls, {b.get()});
}

Object* m_getnewargs(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!nargs_range("__getnewargs__", nargs, 0, 0, kw)) return nullptr;
  Ref<> b = steal(bytes_from(bytes_view(self)));
  if (!b) return nullptr;
  return tuple_pack({b.get()});
}

Object* m_expandtabs(Object* self, Object* const* args, size_t nargs, Object* kw) {
  static const ArgSpec spec{"expandtabs", {"tabsize"}, 0, 1};
  Object* a[1] = {nullptr};
  if (!max_positional("expandtabs", nargs, 1)) return nullptr;
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  ssize_t tab = 8;
  if (a[0] != nullptr && !index_arg(a[0], &tab)) return nullptr;
  std::string out;
  ssize_t col = 0;
  BytesView self_bytes{self};
  for (char c : self_bytes.get()) {
    if (c == '\t') {
      if (tab > 0) {
        out.append(static_cast<size_t>(tab - col % tab), ' ');
        col += tab - col % tab;
      }
    } else {
      out.push_back(c);
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return like_self(self, out);
}

Object* m_zfill(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!nargs_range("zfill", nargs, 1, 1, kw)) return nullptr;
  ssize_t width;
  if (!index_arg(args[0], &width)) return nullptr;
  BytesView self_bytes{self};
  std::string_view v = self_bytes.get();
  ssize_t fill = width - static_cast<ssize_t>(v.size());
  if (fill <= 0) return self_or_copy(self, v);
  std::string out;
  size_t start = 0;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out.push_back(v[0]);
    start = 1;
  }
  out.append(static_cast<size_t>(fill), '0');
  out.append(v.substr(start));
  return like_self(self, out);
}

}  // namespace

const MethodDef kBytesMethods[] = {
    {"decode", m_decode, kMethodDefault, nullptr},
    {"find", m_find, kMethodDefault, nullptr},
    {"rfind", m_rfind, kMethodDefault, nullptr},
    {"index", m_index, kMethodDefault, nullptr},
    {"rindex", m_rindex, kMethodDefault, nullptr},
    {"count", m_count, kMethodDefault, nullptr},
    {"startswith", m_startswith, kMethodDefault, nullptr},
    {"endswith", m_endswith, kMethodDefault, nullptr},
    {"split", m_split, kMethodDefault, nullptr},
    {"rsplit", m_rsplit, kMethodDefault, nullptr},
    {"splitlines", m_splitlines, kMethodDefault, nullptr},
    {"join", m_join, kMethodDefault, nullptr},
    {"strip", m_strip, kMethodDefault, nullptr},
    {"lstrip", m_lstrip, kMethodDefault, nullptr},
    {"rstrip", m_rstrip, kMethodDefault, nullptr},
    {"replace", m_replace, kMethodDefault, nullptr},
    {"upper", m_upper, kMethodDefault, nullptr},
    {"lower", m_lower, kMethodDefault, nullptr},
    {"swapcase", m_swapcase, kMethodDefault, nullptr},
    {"capitalize", m_capitalize, kMethodDefault, nullptr},
    {"title", m_title, kMethodDefault, nullptr},
    {"isdigit", m_isdigit, kMethodDefault, nullptr},
    {"isalpha", m_isalpha, kMethodDefault, nullptr},
    {"isalnum", m_isalnum, kMethodDefault, nullptr},
    {"isspace", m_isspace, kMethodDefault, nullptr},
    {"isascii", m_isascii, kMethodDefault, nullptr},
    {"isupper", m_isupper, kMethodDefault, nullptr},
    {"islower", m_islower, kMethodDefault, nullptr},
    {"center", m_center, kMethodDefault, nullptr},
    {"ljust", m_ljust, kMethodDefault, nullptr},
    {"rjust", m_rjust, kMethodDefault, nullptr},
    {"partition", m_partition, kMethodDefault, nullptr},
    {"rpartition", m_rpartition, kMethodDefault, nullptr},
    {"removeprefix", m_removeprefix, kMethodDefault, nullptr},
    {"removesuffix", m_removesuffix, kMethodDefault, nullptr},
    {"hex", m_hex, kMethodDefault, nullptr},
    {"fromhex", m_fromhex, kMethodClass, nullptr},
    {"expandtabs", m_expandtabs, kMethodDefault, nullptr},
    {"zfill", m_zfill, kMethodDefault, nullptr},
    {"__getnewargs__", m_getnewargs, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace conch::vm
