// The format-spec mini-language for numbers (format(), f-strings, str.format)
// and the printf-style conversions of the str % operator.
//
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//
// parse_format_spec() validates the syntax only; int_format_spec() and
// float_format_spec() (declared in int.h / float.h) check which fields the
// type allows and render, with CPython's error messages.
//
// %-formatting: the str engineer's `%` implementation parses the conversion
// (flags, width, precision, type) and calls format_int_printf /
// format_float_printf, which return the padded text.
#pragma once

#include <string>
#include <string_view>

#include "vm/object.h"
#include "vm/types.h"

namespace conch::vm {

struct FormatSpec {
  std::string fill = " ";  // one code point, UTF-8
  char align = 0;          // '<' '>' '^' '=' or 0 (default)
  char sign = 0;           // '+' '-' ' ' or 0
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  bool fill_given = false;
  long width = -1;
  char grouping = 0;       // ',' '_' or 0
  long precision = -1;
  char type = 0;           // the presentation type or 0 ('\x01' when non-ASCII)
  uint32_t type_cp = 0;    // the type as a code point, for error messages
};

// Parses spec as CPython's parse_internal_render_format_spec; false with
// ValueError set on bad syntax.  `type_name` is used in messages ("... for
// object of type 'int'"); default_type fills `type` when none is given.
bool parse_format_spec(std::string_view spec, const char* type_name, char default_type,
                       FormatSpec* out);

// Inserts `sep` every `interval` digits (0: no grouping) and pads with
// leading zeros to `min_width` characters, as CPython's
// _PyUnicode_InsertThousandsGrouping.
std::string group_digits(std::string_view digits, char sep, int interval, long min_width);

// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII for int()/float()
// of str: non-ASCII decimal digits become '0'..'9', Unicode spaces ' ',
// anything else non-ASCII '?' (so the parse fails).  ASCII is unchanged.
std::string ascii_digits_and_spaces(std::string_view utf8);

// %-style conversions.  flags as in printf.
struct PrintfSpec {
  bool left = false;   // '-'
  bool plus = false;   // '+'
  bool space = false;  // ' '
  bool alt = false;    // '#'
  bool zero = false;   // '0'
  long width = -1;
  long precision = -1;
  char conv = 'd';     // d i u x X o for ints; e E f F g G for floats
};
// v must be an int (the caller converts with __index__/__int__ first, as
// CPython does).  Returns false with an exception set (e.g. digit limit).
bool format_int_printf(Object* v, const PrintfSpec& spec, std::string* out);
bool format_float_printf(double v, const PrintfSpec& spec, std::string* out);

}  // namespace conch::vm
