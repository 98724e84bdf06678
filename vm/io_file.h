// The file object's layout, shared by io.cc (the object: buffers, reading,
// writing, methods) and io_open.cc (open(), the standard streams, the io
// module).  Private to those two files; everyone else uses vm/io.h.
#pragma once

#include <cstddef>

#include "locking/byte_mutex.h"
#include "vm/io.h"
#include "vm/object.h"

namespace conch::vm {

inline constexpr size_t kFileBufferSize = 8192;

// Zero-initialised by generic_alloc; no constructor runs, so only PODs.
struct FileObject : Object {
  // Held across a whole operation, including the blocking read or write it
  // makes without the GIL, so the buffers and positions below never change
  // under it (CPython's buffered objects keep such a lock too).  Both builds:
  // in the GIL build the GIL is dropped during the system call.  All-zero
  // bytes are the unlocked state, so zero-initialisation is construction.
  locking::ByteMutex lock;
  int fd;
  bool readable, writable, appending, text, closefd, closed;
  bool translate_newlines;  // newline=None: "\r\n" and "\r" read as "\n"
  bool write_crlf;          // newline='\r\n': "\n" written as "\r\n"
  bool line_buffered, write_through, flushes_stdout;
  Object* name;      // str or int, as given to open()
  Object* mode;      // str, as the `mode` attribute reports it
  Object* encoding;  // str (text files), else null
  char* rbuf;
  size_t rpos, rlen, rcap;
  char* wbuf;
  size_t wlen, wcap;
};

inline FileObject* as_file(Object* o) { return static_cast<FileObject*>(o); }

}  // namespace conch::vm
