// The time module: clocks, sleep, and the basic calendar functions.
//
// sleep() waits in exactly one place, blocking_sleep(), so the GIL can be
// released around the wait and a pending signal can cut it short later
// (DESIGN.md: every blocking call releases the GIL).
#include <errno.h>
#include <time.h>

#include <cmath>
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/gil.h"
#include "vm/modules/modules.h"
#include "vm/modules/structseq.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

Type kStructTimeType;

int64_t clock_ns(clockid_t clock) {
  struct timespec ts;
  ::clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double clock_seconds(clockid_t clock) {
  struct timespec ts;
  ::clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The one blocking wait.  Sleeps the whole interval across EINTR, against a
// monotonic deadline.  Returns 0, or -1 with an exception set (later: a
// signal handler that raised).
// Sleeps without the GIL.  SIGINT interrupts nanosleep (EINTR) in the main
// thread; a pending one becomes KeyboardInterrupt.
int blocking_sleep(double seconds) {
  int64_t deadline = clock_ns(CLOCK_MONOTONIC) + static_cast<int64_t>(seconds * 1e9);
  for (;;) {
    int64_t left = deadline - clock_ns(CLOCK_MONOTONIC);
    if (left <= 0) return 0;
    struct timespec ts{static_cast<time_t>(left / 1000000000), static_cast<long>(left % 1000000000)};
    int err = without_gil([&] { return ::nanosleep(&ts, nullptr) == 0 ? 0 : errno; });
    if (err == 0) return 0;
    if (err != EINTR) {
      set_error_from_errno(err, nullptr);
      return -1;
    }
    if (gil_check_signals() < 0) return -1;
  }
}

bool no_args(const char* name, size_t nargs, Object* kwnames) {
  return check_nargs(name, nargs, 0, 0, kwnames);
}

Object* time_time(Object*, Object* const*, size_t nargs, Object* kw) {
  return no_args("time", nargs, kw) ? float_from(clock_seconds(CLOCK_REALTIME)) : nullptr;
}
Object* time_time_ns(Object*, Object* const*, size_t nargs, Object* kw) {
  return no_args("time_ns", nargs, kw) ? int_from_i64(clock_ns(CLOCK_REALTIME)) : nullptr;
}
Object* time_monotonic(Object*, Object* const*, size_t nargs, Object* kw) {
  return no_args("monotonic", nargs, kw) ? float_from(clock_seconds(CLOCK_MONOTONIC)) : nullptr;
}
Object* time_monotonic_ns(Object*, Object* const*, size_t nargs, Object* kw) {
  return no_args("monotonic_ns", nargs, kw) ? int_from_i64(clock_ns(CLOCK_MONOTONIC)) : nullptr;
}
Object* time_perf_counter(Object*, Object* const*, size_t nargs, Object* kw) {
  return no_args("perf_counter", nargs, kw) ? float_from(clock_seconds(CLOCK_MONOTONIC))
                                             : nullptr;
}
Object* time_perf_counter_ns(Object*, Object* const*, size_t nargs, Object* kw) {
  return no_args("perf_counter_ns", nargs, kw) ? int_from_i64(clock_ns(CLOCK_MONOTONIC))
                                                : nullptr;
}
Object* time_process_time(Object*, Object* const*, size_t nargs, Object* kw) {
  return no_args("process_time", nargs, kw)
             ? float_from(clock_seconds(CLOCK_PROCESS_CPUTIME_ID))
             : nullptr;
}
Object* time_process_time_ns(Object*, Object* const*, size_t nargs, Object* kw) {
  return no_args("process_time_ns", nargs, kw)
             ? int_from_i64(clock_ns(CLOCK_PROCESS_CPUTIME_ID))
             : nullptr;
}
Object* time_thread_time(Object*, Object* const*, size_t nargs, Object* kw) {
  return no_args("thread_time", nargs, kw) ? float_from(clock_seconds(CLOCK_THREAD_CPUTIME_ID))
                                            : nullptr;
}

// Seconds as sleep() and the calendar functions accept them: int or float.
bool seconds_arg(Object* o, double* out) {
  if (!float_check(o) && !int_check(o)) {
    Ref<> idx = steal(number_index(o));  // raises "'str' object cannot be interpreted ..."
    if (!idx) return false;
    *out = int_to_double(idx.get());
  } else {
    *out = number_as_double(o);
  }
  return !(*out == -1.0 && has_error());
}

Object* time_sleep(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("sleep", nargs, 1, 1, kw)) return nullptr;
  double secs;
  if (!seconds_arg(args[0], &secs)) return nullptr;
  if (std::isnan(secs)) {
    set_error(&kValueErrorType, "Invalid value NaN (not a number)");
    return nullptr;
  }
  if (secs < 0) {
    set_error(&kValueErrorType, "sleep length must be non-negative");
    return nullptr;
  }
  if (secs > 9.2e9) {
    set_error(&kOverflowErrorType, "timestamp out of range for platform time_t");
    return nullptr;
  }
  if (blocking_sleep(secs) < 0) return nullptr;
  return new_none();
}

// struct tm to time.struct_time (Monday is 0, days of the year from 1).
Object* struct_time_from(const struct tm& t) {
  int fields[9] = {t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min,
                   t.tm_sec, (t.tm_wday + 6) % 7, t.tm_yday + 1, t.tm_isdst};
  Ref<> items[9];
  for (int i = 0; i < 9; ++i) {
    items[i] = steal(int_from_i64(fields[i]));
    if (!items[i]) return nullptr;
  }
  return structseq_new(&kStructTimeType,
                       {items[0].get(), items[1].get(), items[2].get(), items[3].get(),
                        items[4].get(), items[5].get(), items[6].get(), items[7].get(),
                        items[8].get()});
}

// The optional `secs` of localtime/gmtime/ctime: None or absent is now.
bool time_t_arg(Object* const* args, size_t nargs, time_t* out) {
  if (nargs == 0 || args[0] == kNone) {
    *out = ::time(nullptr);
    return true;
  }
  double secs;
  if (!seconds_arg(args[0], &secs)) return false;
  if (std::isnan(secs)) {
    set_error(&kValueErrorType, "Invalid value NaN (not a number)");
    return false;
  }
  if (!(std::fabs(secs) < 9.2e18)) {
    set_error(&kOverflowErrorType, "timestamp out of range for platform time_t");
    return false;
  }
  *out = static_cast<time_t>(std::floor(secs));
  return true;
}

Object* convert_time(const char* name, Object* const* args, size_t nargs, Object* kw, bool local) {
  if (!check_nargs(name, nargs, 0, 1, kw)) return nullptr;
  time_t t;
  if (!time_t_arg(args, nargs, &t)) return nullptr;
  struct tm tm;
  if ((local ? ::localtime_r(&t, &tm) : ::gmtime_r(&t, &tm)) == nullptr) {
    set_error(&kOverflowErrorType, "timestamp out of range for platform time_t");
    return nullptr;
  }
  return struct_time_from(tm);
}

Object* time_localtime(Object*, Object* const* args, size_t nargs, Object* kw) {
  return convert_time("localtime", args, nargs, kw, true);
}
Object* time_gmtime(Object*, Object* const* args, size_t nargs, Object* kw) {
  return convert_time("gmtime", args, nargs, kw, false);
}

// A 9-item tuple (or struct_time) to struct tm.
bool tm_arg(Object* o, struct tm* out) {
  if (!tuple_check(o) || tuple_size(o) != 9) {
    set_error(&kTypeErrorType, tuple_check(o) ? "time.struct_time() takes a 9-sequence"
                                              : "Tuple or struct_time argument required");
    return false;
  }
  int64_t v[9];
  for (int i = 0; i < 9; ++i) {
    v[i] = index_as_ssize(tuple_get(o, i));
    if (v[i] == -1 && has_error()) return false;
  }
  *out = {};
  out->tm_year = static_cast<int>(v[0] - 1900);
  out->tm_mon = static_cast<int>(v[1] - 1);
  out->tm_mday = static_cast<int>(v[2]);
  out->tm_hour = static_cast<int>(v[3]);
  out->tm_min = static_cast<int>(v[4]);
  out->tm_sec = static_cast<int>(v[5]);
  out->tm_wday = static_cast<int>((v[6] + 1) % 7);
  out->tm_yday = static_cast<int>(v[7] - 1);
  out->tm_isdst = static_cast<int>(v[8]);
  return true;
}

bool tm_or_now(Object* const* args, size_t nargs, size_t index, struct tm* out) {
  if (nargs > index) return tm_arg(args[index], out);
  time_t t = ::time(nullptr);
  ::localtime_r(&t, out);
  return true;
}

Object* time_strftime(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("strftime", nargs, 1, 2, kw)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "strftime() argument 1 must be str, not %s",
                  type_name(args[0]));
    return nullptr;
  }
  struct tm tm;
  if (!tm_or_now(args, nargs, 1, &tm)) return nullptr;
  std::string fmt(str_view(args[0]));
  if (fmt.empty()) return str_from("");
  std::string buf(256, '\0');
  for (;;) {
    size_t n = ::strftime(buf.data(), buf.size(), fmt.c_str(), &tm);
    if (n > 0 || buf.size() > 256 * fmt.size()) return str_from(std::string_view(buf.data(), n));
    buf.resize(buf.size() * 2);
  }
}

Object* time_mktime(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("mktime", nargs, 1, 1, kw)) return nullptr;
  struct tm tm;
  if (!tm_arg(args[0], &tm)) return nullptr;
  tm.tm_wday = -1;
  time_t t = ::mktime(&tm);
  if (t == static_cast<time_t>(-1) && tm.tm_wday == -1) {
    set_error(&kOverflowErrorType, "mktime argument out of range");
    return nullptr;
  }
  return float_from(static_cast<double>(t));
}

std::string asctime_text(const struct tm& tm) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return absl::StrFormat("%s %s %2d %02d:%02d:%02d %d", kDays[((tm.tm_wday % 7) + 7) % 7],
                         kMonths[((tm.tm_mon % 12) + 12) % 12], tm.tm_mday, tm.tm_hour,
                         tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
}

Object* time_asctime(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("asctime", nargs, 0, 1, kw)) return nullptr;
  struct tm tm;
  if (!tm_or_now(args, nargs, 0, &tm)) return nullptr;
  return str_from(asctime_text(tm));
}

Object* time_ctime(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("ctime", nargs, 0, 1, kw)) return nullptr;
  time_t t;
  if (!time_t_arg(args, nargs, &t)) return nullptr;
  struct tm tm;
  ::localtime_r(&t, &tm);
  return str_from(asctime_text(tm));
}

const MethodDef kTimeFunctions[] = {
    {"time", time_time, kMethodDefault, nullptr},
    {"time_ns", time_time_ns, kMethodDefault, nullptr},
    {"monotonic", time_monotonic, kMethodDefault, nullptr},
    {"monotonic_ns", time_monotonic_ns, kMethodDefault, nullptr},
    {"perf_counter", time_perf_counter, kMethodDefault, nullptr},
    {"perf_counter_ns", time_perf_counter_ns, kMethodDefault, nullptr},
    {"process_time", time_process_time, kMethodDefault, nullptr},
    {"process_time_ns", time_process_time_ns, kMethodDefault, nullptr},
    {"thread_time", time_thread_time, kMethodDefault, nullptr},
    {"sleep", time_sleep, kMethodDefault, nullptr},
    {"localtime", time_localtime, kMethodDefault, nullptr},
    {"gmtime", time_gmtime, kMethodDefault, nullptr},
    {"strftime", time_strftime, kMethodDefault, nullptr},
    {"mktime", time_mktime, kMethodDefault, nullptr},
    {"asctime", time_asctime, kMethodDefault, nullptr},
    {"ctime", time_ctime, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* init_time_module() {
  static bool types_ready = false;
  if (!types_ready) {
    structseq_init_type(&kStructTimeType, "time.struct_time",
                        {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                         "tm_wday", "tm_yday", "tm_isdst"});
    types_ready = true;
  }
  Ref<> m = steal(module_new("time"));
  if (!m || module_add_functions(m.get(), kTimeFunctions) < 0) return nullptr;
  if (module_add_object(m.get(), "struct_time", &kStructTimeType) < 0) return nullptr;
  tzset();
  Ref<> tz = steal(int_from_i64(timezone));
  if (!tz || module_add_object(m.get(), "timezone", tz.get()) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
