// Codecs for str.encode, bytes.decode and str(bytes, encoding): utf-8,
// ascii and latin-1 (with CPython's aliases), and the error handlers
// strict, ignore, replace, backslashreplace, xmlcharrefreplace (encode),
// surrogateescape and surrogatepass.  Errors are UnicodeEncodeError /
// UnicodeDecodeError built from CPython's five arguments
// (encoding, object, start, end, reason), so their str() is CPython's.
#include <string>

#include "vm/errors.h"
#include "vm/types/str.h"
#include "vm/types/unicode.h"

namespace conch::vm {
namespace {

enum class Codec { kUtf8, kAscii, kLatin1, kUnknown };

Codec lookup_codec(std::string_view name) {
  std::string n;
  for (char c : name) {
    if (c == '_' || c == ' ') c = '-';
    n.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001" ||
      n == "utf-8-sig")
    return Codec::kUtf8;
  if (n == "ascii" || n == "us-ascii" || n == "646" || n == "us") return Codec::kAscii;
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "8859" ||
      n == "cp819" || n == "l1" || n == "latin" || n == "iso-ir-100")
    return Codec::kLatin1;
  return Codec::kUnknown;
}

const char* codec_name(Codec c) {
  switch (c) {
    case Codec::kUtf8: return "utf-8";
    case Codec::kAscii: return "ascii";
    case Codec::kLatin1: return "latin-1";
    default: return "?";
  }
}

bool unknown_encoding(std::string_view name) {
  set_error_fmt(&kLookupErrorType, "unknown encoding: %s", std::string(name));
  return false;
}

bool unknown_handler(std::string_view name) {
  set_error_fmt(&kLookupErrorType, "unknown error handler name '%s'", std::string(name));
  return false;
}

void raise_codec_error(Type* type, Codec c, Object* obj, ssize_t start, ssize_t end,
                       const char* reason) {
  Ref<> enc = steal(str_from(codec_name(c)));
  Ref<> s = steal(int_from_i64(start));
  Ref<> e = steal(int_from_i64(end));
  Ref<> r = steal(str_from(reason));
  if (!enc || !s || !e || !r) return;
  Object* args = tuple_pack({enc.get(), obj, s.get(), e.get(), r.get()});
  if (args != nullptr) set_error_args(type, args);
}

void append_hex_escape(std::string* out, uint32_t cp) {
  char buf[16];
  if (cp <= 0xFF) snprintf(buf, sizeof buf, "\\x%02x", cp);
  else if (cp <= 0xFFFF) snprintf(buf, sizeof buf, "\\u%04x", cp);
  else snprintf(buf, sizeof buf, "\\U%08x", cp);
  *out += buf;
}

bool is_surrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

}  // namespace

Object* str_encode(Object* s, std::string_view encoding, std::string_view errors) {
  Codec c = lookup_codec(encoding);
  if (c == Codec::kUnknown) return unknown_encoding(encoding), nullptr;
  std::string_view v = str_view(s);
  if (str_is_ascii(s)) return bytes_from(v);
  uint32_t limit = c == Codec::kAscii ? 0x80 : c == Codec::kLatin1 ? 0x100 : 0x110000;
  const char* reason = c == Codec::kUtf8 ? "surrogates not allowed"
                       : c == Codec::kAscii ? "ordinal not in range(128)"
                                            : "ordinal not in range(256)";
  auto bad = [&](uint32_t cp) { return cp >= limit || (c == Codec::kUtf8 && is_surrogate(cp)); };
  std::string out;
  out.reserve(v.size());
  int len;
  ssize_t pos = 0;
  for (size_t i = 0; i < v.size(); i += len, ++pos) {
    uint32_t cp = unicode::utf8_decode(v.data() + i, &len);
    if (!bad(cp)) {
      if (c == Codec::kUtf8) out.append(v.substr(i, len));
      else out.push_back(static_cast<char>(cp));
      continue;
    }
    if (errors == "strict") {
      // Report the whole run of unencodable characters, as CPython does.
      ssize_t end = pos + 1;
      int l2;
      for (size_t j = i + len; j < v.size(); j += l2, ++end)
        if (!bad(unicode::utf8_decode(v.data() + j, &l2))) break;
      raise_codec_error(&kUnicodeEncodeErrorType, c, s, pos, end, reason);
      return nullptr;
    }
    if (errors == "ignore") continue;
    if (errors == "replace") {
      out.push_back('?');
    } else if (errors == "backslashreplace") {
      append_hex_escape(&out, cp);
    } else if (errors == "xmlcharrefreplace") {
      out += "&#" + std::to_string(cp) + ";";
    } else if (errors == "surrogateescape" && cp >= 0xDC80 && cp <= 0xDCFF) {
      out.push_back(static_cast<char>(cp - 0xDC00));
    } else if (errors == "surrogatepass" && c == Codec::kUtf8 && is_surrogate(cp)) {
      out.append(v.substr(i, len));
    } else if (errors == "strict" || errors == "surrogateescape" || errors == "surrogatepass") {
      raise_codec_error(&kUnicodeEncodeErrorType, c, s, pos, pos + 1, reason);
      return nullptr;
    } else {
      return unknown_handler(errors), nullptr;
    }
  }
  return bytes_from(out);
}

Object* str_decode(std::string_view data, std::string_view encoding, std::string_view errors) {
  Codec c = lookup_codec(encoding);
  if (c == Codec::kUnknown) return unknown_encoding(encoding), nullptr;
  if (c == Codec::kLatin1) {
    std::string out;
    out.reserve(data.size() * 2);
    for (unsigned char b : data) unicode::utf8_append(&out, b);
    return str_from_known(out, static_cast<ssize_t>(data.size()));
  }
  std::string out;
  out.reserve(data.size());
  size_t i = 0;
  while (i < data.size()) {
    size_t bad_len = 1;
    const char* reason = "ordinal not in range(128)";
    size_t bad;
    if (c == Codec::kUtf8) {
      bad = unicode::utf8_find_invalid(data.substr(i), &bad_len, &reason);
    } else {
      bad = std::string_view::npos;
      for (size_t k = i; k < data.size(); ++k)
        if (static_cast<unsigned char>(data[k]) >= 0x80) {
          bad = k - i;
          break;
        }
    }
    if (bad == std::string_view::npos) {
      out.append(data.substr(i));
      break;
    }
    out.append(data.substr(i, bad));
    size_t at = i + bad;
    if (errors == "strict") {
      Ref<> obj = steal(bytes_from(data));
      if (!obj) return nullptr;
      raise_codec_error(&kUnicodeDecodeErrorType, c, obj.get(), static_cast<ssize_t>(at),
                        static_cast<ssize_t>(at + bad_len), reason);
      return nullptr;
    }
    if (errors == "replace") {
      unicode::utf8_append(&out, 0xFFFD);
    } else if (errors == "backslashreplace") {
      for (size_t k = 0; k < bad_len; ++k)
        append_hex_escape(&out, static_cast<unsigned char>(data[at + k]));
    } else if (errors == "surrogateescape") {
      for (size_t k = 0; k < bad_len; ++k)
        unicode::utf8_append(&out, 0xDC00 + static_cast<unsigned char>(data[at + k]));
    } else if (errors != "ignore") {
      return unknown_handler(errors), nullptr;
    }
    i = at + bad_len;
  }
  return str_from(out);
}

}  // namespace conch::vm
