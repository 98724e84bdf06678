// The posix module: the operating-system primitives vm/lib/os.py and
// vm/lib/posixpath.py build the `os` module from (as CPython's os.py sits
// on its posix C module).  Errors are OSError subclasses from errno with the
// path as filename ("[Errno 2] No such file or directory: 'x'").
//
// File descriptors (pipe, read, write, close, dup): read and write may block
// (an empty pipe, a full one), so each system call runs without the GIL
// (vm/gil.h without_gil), into or out of memory no other thread can touch:
// read fills a private buffer, write sends an immutable bytes object the
// caller's arguments keep alive.  On EINTR the GIL is re-taken and pending
// signals are checked first -- Ctrl-C in the main thread raises
// KeyboardInterrupt -- then the call is retried, as CPython's _Py_read and
// _Py_write do.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/gil.h"
#include "vm/io.h"
#include "vm/modules/modules.h"
#include "vm/modules/structseq.h"
#include "vm/types.h"

extern char** environ;

namespace conch::vm {
namespace {

Type kStatResultType;

// A path argument: str or bytes (os.PathLike objects through __fspath__).
bool path_arg(const char* fname, Object* o, std::string* out) {
  Ref<> p = borrow(o);
  if (!str_check(o) && !bytes_check(o)) {
    Ref<> fs = steal(lookup_attr(o, str_intern("__fspath__")));
    if (!fs) {
      if (!has_error()) {
        set_error_fmt(&kTypeErrorType,
                      "%s: path should be string, bytes or os.PathLike, not %s", fname,
                      type_name(o));
      }
      return false;
    }
    p = steal(call(fs.get(), nullptr, 0));
    if (!p) return false;
  }
  *out = str_check(p.get()) ? std::string(str_view(p.get())) : std::string(bytes_view(p.get()));
  if (out->find('\0') == std::string::npos) return true;
  set_error_fmt(&kValueErrorType, "%s: embedded null character in path", fname);
  return false;
}

Object* os_error(const std::string& path) {
  set_error_from_errno(errno, path.empty() ? nullptr : path.c_str());
  return nullptr;
}

Object* posix_getcwd(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("posix.getcwd", nargs, 0, 0, kwnames)) return nullptr;
  char buf[PATH_MAX];
  if (::getcwd(buf, sizeof buf) == nullptr) return os_error("");
  return str_from(buf);
}

Object* posix_chdir(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  std::string path;
  if (!check_nargs("chdir", nargs, 1, 1, kwnames) || !path_arg("chdir", args[0], &path)) {
    return nullptr;
  }
  if (::chdir(path.c_str()) < 0) return os_error(path);
  return new_none();
}

Object* posix_getpid(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("posix.getpid", nargs, 0, 0, kwnames)) return nullptr;
  return int_from_i64(::getpid());
}

Object* posix_getppid(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("posix.getppid", nargs, 0, 0, kwnames)) return nullptr;
  return int_from_i64(::getppid());
}

Object* posix_cpu_count(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("posix.cpu_count", nargs, 0, 0, kwnames)) return nullptr;
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? int_from_i64(n) : new_none();
}

Object* posix_listdir(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("listdir", nargs, 0, 1, kwnames)) return nullptr;
  std::string path = ".";
  if (nargs == 1 && args[0] != kNone && !path_arg("listdir", args[0], &path)) return nullptr;
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) return os_error(path);
  Ref<> list = steal(list_new(0));
  while (list) {
    errno = 0;
    struct dirent* e = ::readdir(dir);
    if (e == nullptr) break;
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    Ref<> name = steal(str_from(e->d_name));
    if (!name || list_append(list.get(), name.get()) < 0) list.reset();
  }
  int err = errno;
  ::closedir(dir);
  if (list && err != 0) {
    errno = err;
    return os_error(path);
  }
  return list.release();
}

Object* stat_result(const struct stat& st) {
  int64_t fields[10] = {st.st_mode, static_cast<int64_t>(st.st_ino),
                        static_cast<int64_t>(st.st_dev), static_cast<int64_t>(st.st_nlink),
                        st.st_uid, st.st_gid, st.st_size, st.st_atime, st.st_mtime, st.st_ctime};
  Ref<> items[10];
  for (int i = 0; i < 10; ++i) {
    items[i] = steal(int_from_i64(fields[i]));
    if (!items[i]) return nullptr;
  }
  return structseq_new(&kStatResultType,
                       {items[0].get(), items[1].get(), items[2].get(), items[3].get(),
                        items[4].get(), items[5].get(), items[6].get(), items[7].get(),
                        items[8].get(), items[9].get()});
}

Object* do_stat(const char* fname, bool follow, Object* const* args, size_t nargs,
                Object* kwnames) {
  std::string path;
  if (!check_nargs(fname, nargs, 1, 1, kwnames)) return nullptr;
  struct stat st;
  if (int_check(args[0]) && !bool_check(args[0])) {
    ssize_t fd = index_as_ssize(args[0]);
    if (fd == -1 && has_error()) return nullptr;
    if (::fstat(static_cast<int>(fd), &st) < 0) return os_error("");
    return stat_result(st);
  }
  if (!path_arg(fname, args[0], &path)) return nullptr;
  if ((follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) < 0) {
    return os_error(path);
  }
  return stat_result(st);
}

Object* posix_stat(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return do_stat("stat", true, args, nargs, kwnames);
}

Object* posix_lstat(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return do_stat("lstat", false, args, nargs, kwnames);
}

// Functions of one path that return None: unlink, remove, rmdir.
Object* path_call(const char* fname, int (*fn)(const char*), Object* const* args, size_t nargs,
                  Object* kwnames) {
  std::string path;
  if (!check_nargs(fname, nargs, 1, 1, kwnames) || !path_arg(fname, args[0], &path)) {
    return nullptr;
  }
  if (fn(path.c_str()) < 0) return os_error(path);
  return new_none();
}

Object* posix_unlink(Object*, Object* const* args, size_t nargs, Object* kw) {
  return path_call("unlink", ::unlink, args, nargs, kw);
}
Object* posix_remove(Object*, Object* const* args, size_t nargs, Object* kw) {
  return path_call("remove", ::unlink, args, nargs, kw);
}
Object* posix_rmdir(Object*, Object* const* args, size_t nargs, Object* kw) {
  return path_call("rmdir", ::rmdir, args, nargs, kw);
}

Object* posix_mkdir(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"mkdir", {"path", "mode"}, 1, 2, 0};
  Object* a[2];
  std::string path;
  if (!parse_args(spec, args, nargs, kwnames, a) || !path_arg("mkdir", a[0], &path)) {
    return nullptr;
  }
  ssize_t mode = a[1] != nullptr ? index_as_ssize(a[1]) : 0777;
  if (mode == -1 && has_error()) return nullptr;
  if (::mkdir(path.c_str(), static_cast<mode_t>(mode)) < 0) return os_error(path);
  return new_none();
}

Object* posix_rename(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  std::string from, to;
  if (!check_nargs("rename", nargs, 2, 2, kwnames) || !path_arg("rename", args[0], &from) ||
      !path_arg("rename", args[1], &to)) {
    return nullptr;
  }
  if (::rename(from.c_str(), to.c_str()) < 0) return os_error(from);
  return new_none();
}

Object* posix_strerror(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("posix.strerror", nargs, 1, 1, kwnames)) return nullptr;
  ssize_t code = index_as_ssize(args[0]);
  if (code == -1 && has_error()) return nullptr;
  return str_from(std::strerror(static_cast<int>(code)));
}

Object* posix_exit(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("_exit", nargs, 1, 1, kwnames)) return nullptr;
  ssize_t code = index_as_ssize(args[0]);
  if (code == -1 && has_error()) return nullptr;
  ::_exit(static_cast<int>(code));
}

Object* posix_urandom(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("posix.urandom", nargs, 1, 1, kwnames)) return nullptr;
  ssize_t n = index_as_ssize(args[0]);
  if (n == -1 && has_error()) return nullptr;
  if (n < 0) {
    set_error(&kValueErrorType, "negative argument not allowed");
    return nullptr;
  }
  std::string buf(static_cast<size_t>(n), '\0');
  int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return os_error("/dev/urandom");
  size_t got = 0;
  while (got < buf.size()) {
    ssize_t r = ::read(fd, buf.data() + got, buf.size() - got);
    if (r <= 0 && errno != EINTR) break;
    if (r > 0) got += static_cast<size_t>(r);
  }
  ::close(fd);
  return bytes_from(std::string_view(buf.data(), got));
}

Object* posix_fspath(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("fspath", nargs, 1, 1, kwnames)) return nullptr;
  if (str_check(args[0]) || bytes_check(args[0])) return new_ref(args[0]);
  Ref<> fs = steal(lookup_attr(args[0], str_intern("__fspath__")));
  if (!fs) {
    if (!has_error()) {
      set_error_fmt(&kTypeErrorType, "expected str, bytes or os.PathLike object, not %s",
                    type_name(args[0]));
    }
    return nullptr;
  }
  return call(fs.get(), nullptr, 0);
}

// ---------------------------------------------------------------------------
// File descriptors.

// A C int argument (a file descriptor), with CPython's OverflowError.
bool c_int_arg(Object* o, int* out) {
  ssize_t v = index_as_ssize(o);
  if (v == -1 && has_error()) {
    if (!error_matches(&kOverflowErrorType)) return false;
    clear_error();
  } else if (v >= INT_MIN && v <= INT_MAX) {
    *out = static_cast<int>(v);
    return true;
  }
  set_error(&kOverflowErrorType, "Python int too large to convert to C int");
  return false;
}

// Runs one blocking system call `op` (returning -1 with errno on failure)
// without the GIL, retrying on EINTR after a signal check.  Returns op's
// result, or -1 with a Python exception set.
template <class Op>
ssize_t blocking_fd_call(Op op) {
  for (;;) {
    int err = 0;
    ssize_t r = without_gil([&] {
      ssize_t n = op();
      err = errno;
      return n;
    });
    if (r >= 0) return r;
    if (err != EINTR) {
      set_error_from_errno(err, nullptr);
      return -1;
    }
    if (gil_check_signals() < 0) return -1;
  }
}

Object* posix_pipe(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("posix.pipe", nargs, 0, 0, kwnames)) return nullptr;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return os_error("");  // not inheritable, as CPython's
  Ref<> r = steal(int_from_i64(fds[0]));
  Ref<> w = steal(int_from_i64(fds[1]));
  Object* t = r && w ? tuple_pack({r.get(), w.get()}) : nullptr;
  if (t == nullptr) {
    ::close(fds[0]);
    ::close(fds[1]);
  }
  return t;
}

Object* posix_read(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("read", nargs, 2, 2, kwnames)) return nullptr;
  int fd;
  if (!c_int_arg(args[0], &fd)) return nullptr;
  ssize_t length = index_as_ssize(args[1]);
  if (length == -1 && has_error()) return nullptr;
  if (length < 0) {
    set_error_from_errno(EINVAL, nullptr);
    return nullptr;
  }
  std::unique_ptr<char[]> buf(new (std::nothrow) char[length == 0 ? 1 : length]);
  if (!buf) return no_memory();
  char* data = buf.get();
  ssize_t got = blocking_fd_call([&] { return ::read(fd, data, static_cast<size_t>(length)); });
  if (got < 0) return nullptr;
  return bytes_from(std::string_view(data, static_cast<size_t>(got)));
}

Object* posix_write(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("write", nargs, 2, 2, kwnames)) return nullptr;
  int fd;
  if (!c_int_arg(args[0], &fd)) return nullptr;
  if (!bytes_check(args[1])) {
    set_error_fmt(&kTypeErrorType, "a bytes-like object is required, not '%s'",
                  type_name(args[1]));
    return nullptr;
  }
  std::string_view data = bytes_view(args[1]);  // immutable; args keep it alive
  ssize_t n = blocking_fd_call([&] { return ::write(fd, data.data(), data.size()); });
  return n < 0 ? nullptr : int_from_i64(n);
}

Object* posix_close(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"close", {"fd"}, 1, 1, 0};
  Object* a[1];
  int fd;
  if (!parse_args(spec, args, nargs, kwnames, a) || !c_int_arg(a[0], &fd)) return nullptr;
  // close(2) may block (a socket's lingering data, a slow device).  On
  // EINTR Linux has released the descriptor already: retrying could close
  // a descriptor another thread just opened, so EINTR counts as done.
  int err = 0;
  int rc = without_gil([&] {
    int r = ::close(fd);
    err = errno;
    return r;
  });
  if (rc < 0 && err != EINTR) {
    set_error_from_errno(err, nullptr);
    return nullptr;
  }
  return new_none();
}

Object* posix_dup(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  int fd;
  if (!check_nargs("posix.dup", nargs, 1, 1, kwnames) || !c_int_arg(args[0], &fd)) {
    return nullptr;
  }
  int nfd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);  // non-inheritable, as CPython's
  if (nfd < 0) return os_error("");
  return int_from_i64(nfd);
}

Object* environ_dict() {
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    size_t eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    Ref<> k = steal(str_from(entry.substr(0, eq)));
    Ref<> v = steal(str_from(entry.substr(eq + 1)));
    if (!k || !v || dict_set_item(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  return d.release();
}

const MethodDef kPosixFunctions[] = {
    {"getcwd", posix_getcwd, kMethodDefault, nullptr},
    {"chdir", posix_chdir, kMethodDefault, nullptr},
    {"getpid", posix_getpid, kMethodDefault, nullptr},
    {"getppid", posix_getppid, kMethodDefault, nullptr},
    {"cpu_count", posix_cpu_count, kMethodDefault, nullptr},
    {"listdir", posix_listdir, kMethodDefault, nullptr},
    {"stat", posix_stat, kMethodDefault, nullptr},
    {"lstat", posix_lstat, kMethodDefault, nullptr},
    {"unlink", posix_unlink, kMethodDefault, nullptr},
    {"remove", posix_remove, kMethodDefault, nullptr},
    {"rmdir", posix_rmdir, kMethodDefault, nullptr},
    {"mkdir", posix_mkdir, kMethodDefault, nullptr},
    {"rename", posix_rename, kMethodDefault, nullptr},
    {"strerror", posix_strerror, kMethodDefault, nullptr},
    {"_exit", posix_exit, kMethodDefault, nullptr},
    {"urandom", posix_urandom, kMethodDefault, nullptr},
    {"fspath", posix_fspath, kMethodDefault, nullptr},
    {"pipe", posix_pipe, kMethodDefault, nullptr},
    {"read", posix_read, kMethodDefault, nullptr},
    {"write", posix_write, kMethodDefault, nullptr},
    {"close", posix_close, kMethodDefault, nullptr},
    {"dup", posix_dup, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* init_posix_module() {
  static bool types_ready = false;
  if (!types_ready) {
    structseq_init_type(&kStatResultType, "os.stat_result",
                        {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                         "st_size", "st_atime", "st_mtime", "st_ctime"});
    types_ready = true;
  }
  Ref<> m = steal(module_new("posix"));
  if (!m || module_add_functions(m.get(), kPosixFunctions) < 0) return nullptr;
  Ref<> env = steal(environ_dict());
  if (!env || module_add_object(m.get(), "environ", env.get()) < 0) return nullptr;
  if (module_add_object(m.get(), "stat_result", &kStatResultType) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
