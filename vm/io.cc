// File objects: buffers, reading, writing, methods and slots (see io.h for
// the design and invariants; open() and the standard streams are io_open.cc).
#include "vm/io.h"
#include "vm/io_file.h"

#include <errno.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "vm/abstract.h"
#include "vm/gil.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/runtime.h"
#include "vm/types.h"

namespace conch::vm {

Type kTextIOWrapperType;
Type kBufferedReaderType;
Type kBufferedWriterType;
Type kBufferedRandomType;
Type kUnsupportedOperationType;

namespace {


// ---------------------------------------------------------------------------
// The blocking system calls.  The only two places a file waits on the OS:
// the GIL will be released around them (DESIGN.md: "every blocking call").

// Both run without the GIL (vm/gil.h), so `buf` must be memory no other
// thread can touch meanwhile (not a file's shared buffer): callers pass
// their own copies.  errno survives re-taking the GIL.
ssize_t blocking_read(int fd, char* buf, size_t n) {
  int err = 0;
  ssize_t r = without_gil([&] {
    for (;;) {
      ssize_t got = ::read(fd, buf, n);
      if (got >= 0 || errno != EINTR) {
        err = errno;
        return got;
      }
    }
  });
  errno = err;
  return r;
}

// Writes all n bytes; -1 with errno on failure.  Copies first: another
// thread may append to the file's buffer while this one waits.
int blocking_write(int fd, const char* data, size_t size) {
  std::string copy(data, size);
  int err = 0;
  int rc = without_gil([&] {
    const char* buf = copy.data();
    size_t n = copy.size();
    while (n > 0) {
      ssize_t r = ::write(fd, buf, n);
      if (r < 0) {
        if (errno == EINTR) continue;
        err = errno;
        return -1;
      }
      buf += r;
      n -= static_cast<size_t>(r);
    }
    return 0;
  });
  errno = err;
  return rc;
}

// ---------------------------------------------------------------------------
// The file lock (io_file.h).  A thread that finds it taken parks detached
// (lock_detaching): it gives up the GIL and suspends its critical sections,
// so the holder can take the GIL back to finish its system call.  Not
// reentrant, so no Python code may run while it is held.
class FileLock {
 public:
  explicit FileLock(FileObject* f) : f_(f) { f_->lock.lock_detaching(); }
  ~FileLock() { f_->lock.unlock(); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  FileObject* f_;
};

// ---------------------------------------------------------------------------
// Checks shared by the methods.

bool check_open(FileObject* f) {
  if (!f->closed) return true;
  set_error(&kValueErrorType, "I/O operation on closed file.");
  return false;
}

int flush_write_buffer(FileObject* f) {
  if (f->wlen == 0) return 0;
  size_t n = f->wlen;
  f->wlen = 0;
  if (blocking_write(f->fd, f->wbuf, n) < 0) {
    set_error_from_errno(errno, nullptr);
    return -1;
  }
  return 0;
}

// Gives unread buffered bytes back to the OS position so a write or seek
// lands where the program thinks the file is.
void drop_read_buffer(FileObject* f) {
  if (f->rpos < f->rlen) ::lseek(f->fd, -static_cast<off_t>(f->rlen - f->rpos), SEEK_CUR);
  f->rpos = f->rlen = 0;
}

bool prepare_read(FileObject* f) {
  if (!check_open(f)) return false;
  if (!f->readable) {
    set_error(&kUnsupportedOperationType, "not readable");
    return false;
  }
  return flush_write_buffer(f) == 0;
}

bool prepare_write(FileObject* f) {
  if (!check_open(f)) return false;
  if (!f->writable) {
    set_error(&kUnsupportedOperationType, "not writable");
    return false;
  }
  if (f->rlen != 0) drop_read_buffer(f);
  return true;
}

// ---------------------------------------------------------------------------
// Reading.

bool ensure_capacity(char** buf, size_t* cap, size_t need) {
  if (need <= *cap) return true;
  size_t ncap = *cap == 0 ? kFileBufferSize : *cap;
  while (ncap < need) ncap *= 2;
  void* p = gc::reallocate_raw(*buf, ncap);
  if (p == nullptr) {
    no_memory();
    return false;
  }
  *buf = static_cast<char*>(p);
  *cap = ncap;
  return true;
}

// Appends more raw bytes to the read buffer.  Returns the count read, 0 at
// end of file, -1 with an exception set.
ssize_t fill_read_buffer(FileObject* f) {
  if (f->rpos > 0 && f->rpos == f->rlen) f->rpos = f->rlen = 0;
  if (f->rpos > kFileBufferSize) {  // compact so the buffer does not grow forever
    std::memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
    f->rlen -= f->rpos;
    f->rpos = 0;
  }
  // Read into a private chunk (the GIL is released meanwhile and another
  // thread may use this file's buffer), then append under the GIL.
  std::string chunk(kFileBufferSize, '\0');
  ssize_t r = blocking_read(f->fd, chunk.data(), chunk.size());
  if (r < 0) {
    set_error_from_errno(errno, nullptr);
    return -1;
  }
  if (!ensure_capacity(&f->rbuf, &f->rcap, f->rlen + static_cast<size_t>(r))) return -1;
  std::memcpy(f->rbuf + f->rlen, chunk.data(), static_cast<size_t>(r));
  f->rlen += static_cast<size_t>(r);
  return r;
}

int fill_to_eof(FileObject* f) {
  for (;;) {
    ssize_t r = fill_read_buffer(f);
    if (r < 0) return -1;
    if (r == 0) return 0;
  }
}

// UnicodeDecodeError('utf-8', data, pos, pos + 1, reason), as CPython's
// decoder raises it (str(e) is "'utf-8' codec can't decode byte 0xff in
// position 0: invalid start byte").
void raise_decode_error(const std::string& data, size_t pos, const char* reason) {
  Ref<> enc = steal(str_from("utf-8"));
  Ref<> obj = steal(bytes_from(data));
  Ref<> start = steal(int_from_i64(static_cast<int64_t>(pos)));
  Ref<> end = steal(int_from_i64(static_cast<int64_t>(pos) + 1));
  Ref<> why = steal(str_from(reason));
  if (!enc || !obj || !start || !end || !why) return;
  Ref<> exc = steal(call_args(&kUnicodeDecodeErrorType,
                              {enc.get(), obj.get(), start.get(), end.get(), why.get()}));
  if (exc) set_error_object(exc.get());
}

// Checks UTF-8 as CPython's decoder does and raises its UnicodeDecodeError
// message on the first bad byte.
bool check_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    const char* reason = nullptr;
    if (c < 0xC2 || c > 0xF4) {
      reason = "invalid start byte";
    } else {
      for (size_t k = 1; k < len && reason == nullptr; ++k) {
        if (i + k >= n) {
          reason = "unexpected end of data";
          break;
        }
        unsigned char d = p[i + k];
        bool ok = (d & 0xC0) == 0x80;
        if (k == 1 && c == 0xE0) ok = ok && d >= 0xA0;
        if (k == 1 && c == 0xED) ok = ok && d < 0xA0;
        if (k == 1 && c == 0xF0) ok = ok && d >= 0x90;
        if (k == 1 && c == 0xF4) ok = ok && d < 0x90;
        if (!ok) reason = "invalid continuation byte";
      }
    }
    if (reason != nullptr) {
      raise_decode_error(s, i, reason);
      return false;
    }
    i += len;
  }
  return true;
}

Object* text_result(const std::string& s) {
  if (!check_utf8(s)) return nullptr;
  return str_from(s);
}

void translate_newlines(const char* p, size_t n, std::string* out) {
  out->reserve(out->size() + n);
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != '\r') {
      out->push_back(p[i]);
      continue;
    }
    out->push_back('\n');
    if (i + 1 < n && p[i + 1] == '\n') ++i;
  }
}

// Everything up to end of file, translated.
Object* read_all(FileObject* f) {
  if (fill_to_eof(f) < 0) return nullptr;
  const char* p = f->rbuf + f->rpos;
  size_t n = f->rlen - f->rpos;
  f->rpos = f->rlen = 0;
  if (!f->text) return bytes_from(std::string_view(p, n));
  std::string s;
  if (f->translate_newlines && std::memchr(p, '\r', n) != nullptr) {
    translate_newlines(p, n, &s);
  } else {
    s.assign(p, n);
  }
  return text_result(s);
}

// Consumes text: at most `max_chars` code points (-1: no limit), stopping
// after a newline when `line`.  Decoding happens as bytes are consumed, so
// the loop never splits a character.  Returns false with an error set.
bool take_text(FileObject* f, ssize_t max_chars, bool line, std::string* out) {
  ssize_t chars = 0;
  for (;;) {
    if (f->rpos == f->rlen) {
      ssize_t r = fill_read_buffer(f);
      if (r < 0) return false;
      if (r == 0) return true;
    }
    auto c = static_cast<unsigned char>(f->rbuf[f->rpos]);
    bool continuation = (c & 0xC0) == 0x80;
    if (max_chars >= 0 && chars >= max_chars && !continuation) return true;
    if (c == '\r' && f->translate_newlines) {
      if (f->rpos + 1 == f->rlen && fill_read_buffer(f) < 0) return false;
      ++f->rpos;
      if (f->rpos < f->rlen && f->rbuf[f->rpos] == '\n') ++f->rpos;
      out->push_back('\n');
      ++chars;
      if (line) return true;
      continue;
    }
    ++f->rpos;
    out->push_back(static_cast<char>(c));
    if (!continuation) ++chars;
    if (line && c == '\n') return true;
  }
}

// A line from the buffer without decoding byte by byte: the common case of a
// whole line already buffered and no '\r' in it.
bool take_buffered_line(FileObject* f, std::string* out) {
  const char* p = f->rbuf + f->rpos;
  size_t n = f->rlen - f->rpos;
  const void* nl = std::memchr(p, '\n', n);
  if (nl == nullptr) return false;
  size_t len = static_cast<const char*>(nl) - p + 1;
  if (f->translate_newlines && std::memchr(p, '\r', len) != nullptr) return false;
  out->assign(p, len);
  f->rpos += len;
  return true;
}

Object* read_text_line(FileObject* f, ssize_t limit) {
  std::string s;
  if (limit < 0 && take_buffered_line(f, &s)) return text_result(s);
  if (!take_text(f, limit, /*line=*/true, &s)) return nullptr;
  return text_result(s);
}

Object* read_binary_line(FileObject* f, ssize_t limit) {
  if (limit == 0) return bytes_from("");
  size_t scanned = 0;
  for (;;) {
    size_t avail = f->rlen - f->rpos;
    size_t want = limit >= 0 ? std::min(avail, static_cast<size_t>(limit)) : avail;
    const char* p = f->rbuf + f->rpos;
    const void* nl = want > scanned ? std::memchr(p + scanned, '\n', want - scanned) : nullptr;
    size_t take = nl != nullptr ? static_cast<const char*>(nl) - p + 1 : 0;
    if (nl == nullptr && limit >= 0 && avail >= static_cast<size_t>(limit)) take = limit;
    if (take == 0) {
      scanned = want;
      ssize_t r = fill_read_buffer(f);
      if (r < 0) return nullptr;
      if (r == 0) take = f->rlen - f->rpos;
      else continue;
    }
    Object* b = bytes_from(std::string_view(f->rbuf + f->rpos, take));
    f->rpos += take;
    return b;
  }
}

Object* read_line(FileObject* f, ssize_t limit) {
  return f->text ? read_text_line(f, limit) : read_binary_line(f, limit);
}

Object* read_count(FileObject* f, ssize_t n) {
  if (f->text) {
    std::string s;
    if (!take_text(f, n, /*line=*/false, &s)) return nullptr;
    return text_result(s);
  }
  while (f->rlen - f->rpos < static_cast<size_t>(n)) {
    ssize_t r = fill_read_buffer(f);
    if (r < 0) return nullptr;
    if (r == 0) break;
  }
  size_t take = std::min(f->rlen - f->rpos, static_cast<size_t>(n));
  Object* b = bytes_from(std::string_view(f->rbuf + f->rpos, take));
  f->rpos += take;
  return b;
}

// "size" arguments: int or None (-1).
bool size_arg(Object* o, ssize_t* out) {
  *out = -1;
  if (o == nullptr || o == kNone) return true;
  if (!int_check(o)) {
    set_error_fmt(&kTypeErrorType, "argument should be integer or None, not '%s'", type_name(o));
    return false;
  }
  *out = int_as_ssize(o);
  return !(*out == -1 && has_error());
}

// ---------------------------------------------------------------------------
// Writing.

int write_bytes(FileObject* f, std::string_view data) {
  if (f->wlen + data.size() > kFileBufferSize && flush_write_buffer(f) < 0) return -1;
  if (data.size() >= kFileBufferSize) {
    if (blocking_write(f->fd, data.data(), data.size()) < 0) {
      set_error_from_errno(errno, nullptr);
      return -1;
    }
    return 0;
  }
  if (!ensure_capacity(&f->wbuf, &f->wcap, f->wlen + data.size())) return -1;
  std::memcpy(f->wbuf + f->wlen, data.data(), data.size());
  f->wlen += data.size();
  bool flush_now = f->write_through ||
                   (f->line_buffered && std::memchr(data.data(), '\n', data.size()) != nullptr);
  return flush_now ? flush_write_buffer(f) : 0;
}

void flush_stdout_before(FileObject* f) {
  Object* out = sys_module() != nullptr ? dict_get_item_str(module_dict(sys_module()), "stdout")
                                        : nullptr;
  if (out == nullptr || out == f || !file_check(out)) return;
  FileObject* o = as_file(out);
  FileLock lock(o);  // nested inside f's: always stderr, then stdout
  if (o->closed) return;
  if (flush_write_buffer(o) < 0) clear_error();
}

int write_text(FileObject* f, std::string_view text) {
  if (f->flushes_stdout) flush_stdout_before(f);
  if (!f->write_crlf || text.find('\n') == std::string_view::npos) return write_bytes(f, text);
  std::string s;
  for (char c : text) {
    if (c == '\n') s.push_back('\r');
    s.push_back(c);
  }
  return write_bytes(f, s);
}

// ---------------------------------------------------------------------------
// Methods.

Object* file_read(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"read", {"size"}, 0, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize_t n;
  if (!size_arg(a[0], &n)) return nullptr;
  FileObject* f = as_file(self);
  FileLock lock(f);
  if (!prepare_read(f)) return nullptr;
  return n < 0 ? read_all(f) : read_count(f, n);
}

Object* file_readline(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"readline", {"size"}, 0, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize_t n;
  if (!size_arg(a[0], &n)) return nullptr;
  FileObject* f = as_file(self);
  FileLock lock(f);
  if (!prepare_read(f)) return nullptr;
  return read_line(f, n);
}

Object* file_readlines(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"readlines", {"hint"}, 0, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize_t hint;
  if (!size_arg(a[0], &hint)) return nullptr;
  FileObject* f = as_file(self);
  FileLock lock(f);
  if (!prepare_read(f)) return nullptr;
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  ssize_t total = 0;
  for (;;) {
    Ref<> line = steal(read_line(f, -1));
    if (!line) return nullptr;
    ssize_t len = length(line.get());
    if (len == 0) break;
    if (list_append(list.get(), line.get()) < 0) return nullptr;
    total += len;
    if (hint > 0 && total >= hint) break;
  }
  return list.release();
}

int write_object(FileObject* f, Object* data, ssize_t* count) {
  if (f->text) {
    if (!str_check(data)) {
      set_error_fmt(&kTypeErrorType, "write() argument must be str, not %s", type_name(data));
      return -1;
    }
    *count = str_length(data);
    return write_text(f, str_view(data));
  }
  if (!bytes_check(data)) {
    set_error_fmt(&kTypeErrorType, "a bytes-like object is required, not '%s'", type_name(data));
    return -1;
  }
  std::string_view v = bytes_view(data);
  *count = static_cast<ssize_t>(v.size());
  return write_bytes(f, v);
}

Object* file_write(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("write", nargs, 1, 1, kwnames)) return nullptr;
  FileObject* f = as_file(self);
  FileLock lock(f);
  if (!prepare_write(f)) return nullptr;
  ssize_t count = 0;
  if (write_object(f, args[0], &count) < 0) return nullptr;
  return int_from_i64(count);
}

Object* file_writelines(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("writelines", nargs, 1, 1, kwnames)) return nullptr;
  FileObject* f = as_file(self);
  if (!prepare_write(f)) return nullptr;
  Ref<> it = steal(get_iter(args[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) break;
    ssize_t count;
    FileLock lock(f);  // per item: the iterator may run Python code
    if (!prepare_write(f) || write_object(f, item.get(), &count) < 0) return nullptr;
  }
  if (has_error()) return nullptr;
  return new_none();
}

// Closes the fd and frees the buffers; the first flush error is reported
// after the fd is closed (as CPython's close() does).
int close_file(FileObject* f) {
  if (f->closed) return 0;
  int rc = flush_write_buffer(f);
  f->closed = true;
  if (f->closefd && ::close(f->fd) < 0 && rc == 0) {
    set_error_from_errno(errno, nullptr);
    rc = -1;
  }
  gc::free_raw(f->rbuf);
  gc::free_raw(f->wbuf);
  f->rbuf = f->wbuf = nullptr;
  f->rpos = f->rlen = f->rcap = f->wlen = f->wcap = 0;
  return rc;
}

Object* file_close(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("close", nargs, 0, 0, kwnames)) return nullptr;
  FileLock lock(as_file(self));
  if (close_file(as_file(self)) < 0) return nullptr;
  return new_none();
}

Object* file_flush_method(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("flush", nargs, 0, 0, kwnames)) return nullptr;
  if (file_flush(self) < 0) return nullptr;
  return new_none();
}

Object* file_seek(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("seek", nargs, 1, 2, kwnames)) return nullptr;
  FileObject* f = as_file(self);
  if (!check_open(f)) return nullptr;
  ssize_t offset = index_as_ssize(args[0]);
  if (offset == -1 && has_error()) return nullptr;
  ssize_t whence = nargs > 1 ? index_as_ssize(args[1]) : 0;
  if (whence == -1 && has_error()) return nullptr;
  FileLock lock(f);  // after the arguments: __index__ may run Python code
  if (!check_open(f)) return nullptr;
  if (whence < 0 || whence > 2) {
    // Two calls, not a ternary: absl's format check needs a constant string.
    if (f->text) {
      set_error_fmt(&kValueErrorType, "invalid whence (%d, should be 0, 1 or 2)",
                    static_cast<int64_t>(whence));
    } else {
      set_error_fmt(&kValueErrorType, "whence value %d unsupported", static_cast<int64_t>(whence));
    }
    return nullptr;
  }
  if (f->text && whence != 0 && offset != 0) {
    set_error(&kUnsupportedOperationType, whence == 1 ? "can't do nonzero cur-relative seeks"
                                                      : "can't do nonzero end-relative seeks");
    return nullptr;
  }
  if (flush_write_buffer(f) < 0) return nullptr;
  drop_read_buffer(f);
  off_t pos = ::lseek(f->fd, offset, static_cast<int>(whence));
  if (pos < 0) {
    set_error_from_errno(errno, nullptr);
    return nullptr;
  }
  return int_from_i64(pos);
}

Object* file_tell(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("tell", nargs, 0, 0, kwnames)) return nullptr;
  FileObject* f = as_file(self);
  FileLock lock(f);
  if (!check_open(f)) return nullptr;
  off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
  if (pos < 0) {
    set_error_from_errno(errno, nullptr);
    return nullptr;
  }
  return int_from_i64(pos - static_cast<off_t>(f->rlen - f->rpos) + static_cast<off_t>(f->wlen));
}

Object* file_truncate(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("truncate", nargs, 0, 1, kwnames)) return nullptr;
  FileObject* f = as_file(self);
  ssize_t asked = -1;
  if (nargs == 1 && args[0] != kNone) {
    asked = index_as_ssize(args[0]);  // before the lock: __index__ may run Python code
    if (asked == -1 && has_error()) return nullptr;
  }
  FileLock lock(f);
  if (!prepare_write(f) || flush_write_buffer(f) < 0) return nullptr;
  off_t size = nargs == 1 && args[0] != kNone ? asked : ::lseek(f->fd, 0, SEEK_CUR);
  if (::ftruncate(f->fd, size) < 0) {
    set_error_from_errno(errno, nullptr);
    return nullptr;
  }
  return int_from_i64(size);
}

Object* file_fileno(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("fileno", nargs, 0, 0, kwnames)) return nullptr;
  FileObject* f = as_file(self);
  if (f->closed) {
    set_error(&kValueErrorType, "I/O operation on closed file");
    return nullptr;
  }
  return int_from_i64(f->fd);
}

Object* file_isatty(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("isatty", nargs, 0, 0, kwnames)) return nullptr;
  FileObject* f = as_file(self);
  if (!check_open(f)) return nullptr;
  return new_bool(::isatty(f->fd) != 0);
}

Object* file_readable(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("readable", nargs, 0, 0, kwnames)) return nullptr;
  if (!check_open(as_file(self))) return nullptr;
  return new_bool(as_file(self)->readable);
}

Object* file_writable(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("writable", nargs, 0, 0, kwnames)) return nullptr;
  if (!check_open(as_file(self))) return nullptr;
  return new_bool(as_file(self)->writable);
}

Object* file_seekable(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("seekable", nargs, 0, 0, kwnames)) return nullptr;
  FileObject* f = as_file(self);
  if (!check_open(f)) return nullptr;
  return new_bool(::lseek(f->fd, 0, SEEK_CUR) >= 0);
}

Object* file_enter(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__enter__", nargs, 0, 0, kwnames)) return nullptr;
  if (!check_open(as_file(self))) return nullptr;
  return new_ref(self);
}

Object* file_exit(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("__exit__", kwnames)) return nullptr;
  FileLock lock(as_file(self));
  if (close_file(as_file(self)) < 0) return nullptr;
  return new_none();
}

const MethodDef kFileMethods[] = {
    {"read", file_read, kMethodDefault, nullptr},
    {"readline", file_readline, kMethodDefault, nullptr},
    {"readlines", file_readlines, kMethodDefault, nullptr},
    {"write", file_write, kMethodDefault, nullptr},
    {"writelines", file_writelines, kMethodDefault, nullptr},
    {"close", file_close, kMethodDefault, nullptr},
    {"flush", file_flush_method, kMethodDefault, nullptr},
    {"seek", file_seek, kMethodDefault, nullptr},
    {"tell", file_tell, kMethodDefault, nullptr},
    {"truncate", file_truncate, kMethodDefault, nullptr},
    {"fileno", file_fileno, kMethodDefault, nullptr},
    {"isatty", file_isatty, kMethodDefault, nullptr},
    {"readable", file_readable, kMethodDefault, nullptr},
    {"writable", file_writable, kMethodDefault, nullptr},
    {"seekable", file_seekable, kMethodDefault, nullptr},
    {"__enter__", file_enter, kMethodDefault, nullptr},
    {"__exit__", file_exit, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* get_closed(Object* self) { return new_bool(as_file(self)->closed); }
Object* get_name(Object* self) { return new_ref(as_file(self)->name); }
Object* get_mode(Object* self) { return new_ref(as_file(self)->mode); }
Object* get_encoding(Object* self) {
  FileObject* f = as_file(self);
  if (f->encoding == nullptr) {
    set_error_fmt(&kAttributeErrorType, "'%s' object has no attribute 'encoding'",
                  type_name(self));
    return nullptr;
  }
  return new_ref(f->encoding);
}
Object* get_line_buffering(Object* self) { return new_bool(as_file(self)->line_buffered); }

const GetSetDef kFileGetSets[] = {
    {"closed", get_closed, nullptr, nullptr},
    {"name", get_name, nullptr, nullptr},
    {"mode", get_mode, nullptr, nullptr},
    {"encoding", get_encoding, nullptr, nullptr},
    {"line_buffering", get_line_buffering, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------
// Slots.

Object* file_iter(Object* self) {
  if (!check_open(as_file(self))) return nullptr;
  return new_ref(self);
}

Object* file_iternext(Object* self) {
  FileObject* f = as_file(self);
  FileLock lock(f);
  if (!prepare_read(f)) return nullptr;
  Object* line = read_line(f, -1);
  if (line == nullptr) return nullptr;
  if ((f->text ? str_length(line) : static_cast<ssize_t>(bytes_view(line).size())) == 0) {
    decref(line);
    return nullptr;
  }
  return line;
}

Object* file_repr(Object* self) {
  FileObject* f = as_file(self);
  Ref<> name = steal(repr(f->name));
  if (!name) return nullptr;
  std::string s = absl::StrFormat("<%s name=%s", self->type->name, str_view(name.get()));
  if (f->text) {
    Ref<> mode = steal(repr(f->mode));
    Ref<> enc = steal(repr(f->encoding));
    if (!mode || !enc) return nullptr;
    s += absl::StrFormat(" mode=%s encoding=%s", str_view(mode.get()), str_view(enc.get()));
  }
  s += ">";
  return str_from(s);
}

void file_dealloc(Object* self) {
  FileObject* f = as_file(self);
  Object* saved = fetch_error();
  if (close_file(f) < 0) clear_error();
  restore_error(saved);
  clear_slot(&f->name);
  clear_slot(&f->mode);
  clear_slot(&f->encoding);
  generic_free(self);
}

void init_file_type(Type* t, const char* name) {
  init_static_type(t, name, sizeof(FileObject), &kObjectType);
  t->methods = kFileMethods;
  t->getsets = kFileGetSets;
  t->dealloc = file_dealloc;
  t->repr = file_repr;
  t->iter = file_iter;
  t->iternext = file_iternext;
  type_ready(t);
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API.

bool file_check(const Object* o) {
  Type* t = o->type;
  return t == &kTextIOWrapperType || t == &kBufferedReaderType || t == &kBufferedWriterType ||
         t == &kBufferedRandomType;
}



void file_set_flushes_stdout(Object* f) { as_file(f)->flushes_stdout = true; }

int file_write_text(Object* o, std::string_view utf8) {
  FileObject* f = as_file(o);
  FileLock lock(f);
  if (!prepare_write(f)) return -1;
  if (!f->text) {
    set_error(&kTypeErrorType, "a bytes-like object is required, not 'str'");
    return -1;
  }
  return write_text(f, utf8);
}

int file_flush(Object* o) {
  FileObject* f = as_file(o);
  FileLock lock(f);
  if (!check_open(f)) return -1;
  return flush_write_buffer(f);
}

void flush_std_streams() {
  if (sys_module() == nullptr) return;
  Object* saved = fetch_error();
  for (const char* name : {"stdout", "stderr"}) {
    Object* s = dict_get_item_str(module_dict(sys_module()), name);
    if (s == nullptr || s == kNone) continue;
    if (file_check(s)) {
      if (!as_file(s)->closed && file_flush(s) < 0) clear_error();
      continue;
    }
    Object* r = call_method(s, "flush", {});
    if (r == nullptr) clear_error();
    xdecref(r);
  }
  restore_error(saved);
}

void init_io_types() {
  init_file_type(&kTextIOWrapperType, "_io.TextIOWrapper");
  init_file_type(&kBufferedReaderType, "_io.BufferedReader");
  init_file_type(&kBufferedWriterType, "_io.BufferedWriter");
  init_file_type(&kBufferedRandomType, "_io.BufferedRandom");
  Type* t = &kUnsupportedOperationType;
  init_static_type(t, "io.UnsupportedOperation", kOSErrorType.basicsize, &kOSErrorType);
  t->flags = kOSErrorType.flags & ~(kTypeReady | kTypeHeapType);
  t->dictoffset = kOSErrorType.dictoffset;
  type_ready(t);
}


}  // namespace conch::vm
