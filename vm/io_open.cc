// open() and the standard streams: how file objects are made (see io.h).
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/io.h"
#include "vm/io_file.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

struct OpenMode {
  bool reading = false, writing = false, appending = false, creating = false;
  bool plus = false, binary = false, text = false;
};

bool parse_mode(std::string_view mode, OpenMode* m) {
  for (size_t i = 0; i < mode.size(); ++i) {
    char c = mode[i];
    bool dup = mode.find(c, i + 1) != std::string_view::npos;
    if (dup || std::strchr("rwxabt+", c) == nullptr || c == '\0') {
      set_error_fmt(&kValueErrorType, "invalid mode: '%s'", mode);
      return false;
    }
    m->reading |= c == 'r';
    m->writing |= c == 'w';
    m->appending |= c == 'a';
    m->creating |= c == 'x';
    m->plus |= c == '+';
    m->binary |= c == 'b';
    m->text |= c == 't';
  }
  if (m->text && m->binary) {
    set_error(&kValueErrorType, "can't have text and binary mode at once");
    return false;
  }
  int kinds = m->reading + m->writing + m->appending + m->creating;
  if (kinds > 1) {
    set_error(&kValueErrorType, "must have exactly one of create/read/write/append mode");
    return false;
  }
  if (kinds == 0) {
    set_error(&kValueErrorType,
              "Must have exactly one of create/read/write/append mode and at most one plus");
    return false;
  }
  return true;
}

int open_flags(const OpenMode& m) {
  int flags = O_CLOEXEC;
  if (m.reading) flags |= m.plus ? O_RDWR : O_RDONLY;
  if (m.writing) flags |= (m.plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
  if (m.appending) flags |= (m.plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
  if (m.creating) flags |= (m.plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;
  return flags;
}

// FileIO's normalised mode, which binary files report.
const char* binary_mode_name(const OpenMode& m) {
  if (m.creating) return m.plus ? "xb+" : "xb";
  if (m.appending) return m.plus ? "ab+" : "ab";
  if (m.plus) return "rb+";
  return m.reading ? "rb" : "wb";
}

Type* binary_type(const OpenMode& m) {
  if (m.plus) return &kBufferedRandomType;
  return m.reading ? &kBufferedReaderType : &kBufferedWriterType;
}

bool check_encoding(Object* encoding) {
  if (encoding == nullptr || encoding == kNone) return true;
  if (!str_check(encoding)) {
    set_error_fmt(&kTypeErrorType, "open() argument 'encoding' must be str or None, not %s",
                  type_name(encoding));
    return false;
  }
  std::string e(str_view(encoding));
  for (char& c : e) c = static_cast<char>(c == '_' ? '-' : std::tolower(c));
  if (e == "utf-8" || e == "utf8" || e == "u8" || e == "utf") return true;
  set_error_fmt(&kLookupErrorType, "unknown encoding: %s", str_view(encoding));
  return false;
}

bool check_newline(Object* newline) {
  if (newline == nullptr || newline == kNone) return true;
  if (!str_check(newline)) {
    set_error_fmt(&kTypeErrorType, "open() argument 'newline' must be str or None, not %s",
                  type_name(newline));
    return false;
  }
  std::string_view v = str_view(newline);
  if (v.empty() || v == "\n" || v == "\r\n" || v == "\r") return true;
  set_error_fmt(&kValueErrorType, "illegal newline value: %s", v);
  return false;
}

// The path argument: str, or an int fd.  Returns false with TypeError.
bool path_arg(Object* file, std::string* path, int* fd) {
  *fd = -1;
  if (str_check(file)) {
    *path = std::string(str_view(file));
    if (path->find('\0') != std::string::npos) {
      set_error(&kValueErrorType, "embedded null byte");
      return false;
    }
    return true;
  }
  if (bytes_check(file)) {
    *path = std::string(bytes_view(file));
    return true;
  }
  if (int_check(file) && !bool_check(file)) {
    ssize_t v = int_as_ssize(file);
    if (v == -1 && has_error()) return false;
    if (v < 0) {
      set_error(&kValueErrorType, "negative file descriptor");
      return false;
    }
    *fd = static_cast<int>(v);
    return true;
  }
  set_error_fmt(&kTypeErrorType, "expected str, bytes or os.PathLike object, not %s",
                type_name(file));
  return false;
}

int open_fd(const std::string& path, const OpenMode& m) {
  int fd;
  do {
    fd = ::open(path.c_str(), open_flags(m), 0666);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    set_error_from_errno(errno, path.c_str());
    return -1;
  }
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    set_error_from_errno(EISDIR, path.c_str());
    return -1;
  }
  return fd;
}

FileObject* new_file(Type* t, int fd, Object* name, Object* mode) {
  Object* o = generic_alloc(t, 0);
  if (o == nullptr) return nullptr;
  FileObject* f = as_file(o);
  f->fd = fd;
  f->name = new_ref(name);
  f->mode = new_ref(mode);
  return f;
}

struct OpenArgs {
  Object* file;
  Object* mode;
  Object* buffering;
  Object* encoding;
  Object* errors;
  Object* newline;
  Object* closefd;
  Object* opener;
};

bool validate_open_args(const OpenArgs& a, const OpenMode& m, ssize_t buffering) {
  if (m.binary) {
    const char* what = nullptr;
    if (a.encoding != nullptr && a.encoding != kNone) what = "an encoding";
    else if (a.errors != nullptr && a.errors != kNone) what = "an errors";
    else if (a.newline != nullptr && a.newline != kNone) what = "a newline";
    if (what != nullptr) {
      set_error_fmt(&kValueErrorType, "binary mode doesn't take %s argument", what);
      return false;
    }
    return true;
  }
  if (buffering == 0) {
    set_error(&kValueErrorType, "can't have unbuffered text I/O");
    return false;
  }
  return check_newline(a.newline);
}

void setup_text(FileObject* f, Object* encoding, Object* newline, ssize_t buffering) {
  f->text = true;
  bool given = encoding != nullptr && encoding != kNone;
  f->encoding = given ? new_ref(encoding) : str_from("UTF-8");
  bool nl_none = newline == nullptr || newline == kNone;
  f->translate_newlines = nl_none;
  f->write_crlf = !nl_none && str_view(newline) == "\r\n";
  f->line_buffered = buffering == 1;
}
}  // namespace

Object* io_open(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{
      "open",
      {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"},
      1, 8, 0};
  Object* v[8];
  if (!parse_args(spec, args, nargs, kwnames, v)) return nullptr;
  OpenArgs a{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]};
  std::string_view mode_text = "r";
  if (a.mode != nullptr) {
    if (!str_check(a.mode)) {
      set_error_fmt(&kTypeErrorType, "open() argument 'mode' must be str, not %s",
                    type_name(a.mode));
      return nullptr;
    }
    mode_text = str_view(a.mode);
  }
  OpenMode m;
  if (!parse_mode(mode_text, &m)) return nullptr;
  ssize_t buffering = -1;
  if (a.buffering != nullptr) {
    buffering = index_as_ssize(a.buffering);
    if (buffering == -1 && has_error()) return nullptr;
  }
  if (!validate_open_args(a, m, buffering)) return nullptr;
  std::string path;
  int fd;
  if (!path_arg(a.file, &path, &fd)) return nullptr;
  bool closefd = true;
  if (a.closefd != nullptr) {
    int t = is_true(a.closefd);
    if (t < 0) return nullptr;
    closefd = t != 0;
  }
  if (fd < 0 && !closefd) {
    set_error(&kValueErrorType, "Cannot use closefd=False with file name");
    return nullptr;
  }
  if (fd < 0 && (fd = open_fd(path, m)) < 0) return nullptr;
  if (!m.binary && !check_encoding(a.encoding)) {
    if (closefd) ::close(fd);
    return nullptr;
  }
  Ref<> mode = steal(m.binary ? str_from(binary_mode_name(m)) : str_from(mode_text));
  FileObject* f = mode ? new_file(m.binary ? binary_type(m) : &kTextIOWrapperType, fd, a.file,
                                  mode.get())
                       : nullptr;
  if (f == nullptr) {
    if (closefd) ::close(fd);
    return nullptr;
  }
  f->closefd = closefd;
  f->readable = m.reading || m.plus;
  f->writable = !m.reading || m.plus;
  f->appending = m.appending;
  f->write_through = m.binary && buffering == 0;
  if (!m.binary) setup_text(f, a.encoding, a.newline, buffering);
  return f;
}

Object* file_from_std_fd(int fd, const char* name, const char* mode, StdBuffering buffering) {
  Ref<> name_obj = steal(str_from_cstr(name));
  Ref<> mode_obj = steal(str_from_cstr(mode));
  if (!name_obj || !mode_obj) return nullptr;
  FileObject* f = new_file(&kTextIOWrapperType, fd, name_obj.get(), mode_obj.get());
  if (f == nullptr) return nullptr;
  f->readable = mode[0] == 'r';
  f->writable = mode[0] != 'r';
  f->text = true;
  f->translate_newlines = true;
  f->encoding = str_from("utf-8");
  f->line_buffered = buffering == StdBuffering::kLine;
  f->write_through = buffering == StdBuffering::kUnbuffered;
  if (f->encoding == nullptr) {
    decref(f);
    return nullptr;
  }
  return f;
}

Object* init_io_module() {
  Ref<> m = steal(module_new("io"));
  if (!m) return nullptr;
  static const MethodDef kFunctions[] = {
      {"open", io_open, kMethodDefault, nullptr},
      {nullptr, nullptr, 0, nullptr},
  };
  if (module_add_functions(m.get(), kFunctions) < 0) return nullptr;
  struct Named {
    const char* name;
    Type* type;
  };
  for (Named n : {Named{"UnsupportedOperation", &kUnsupportedOperationType},
                  Named{"TextIOWrapper", &kTextIOWrapperType},
                  Named{"BufferedReader", &kBufferedReaderType},
                  Named{"BufferedWriter", &kBufferedWriterType},
                  Named{"BufferedRandom", &kBufferedRandomType}}) {
    if (module_add_object(m.get(), n.name, n.type) < 0) return nullptr;
  }
  if (module_add_object(m.get(), "DEFAULT_BUFFER_SIZE", steal(int_from_i64(kFileBufferSize)).get()) <
      0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace conch::vm
