// File objects: open(), sys.stdin/stdout/stderr, the `io` module.
//
// One object layout (FileObject, private to io.cc) serves four type names, as
// CPython's open() returns different classes for different modes:
//   _io.TextIOWrapper   text mode (str in, str out; UTF-8; universal newlines)
//   _io.BufferedReader  'rb'
//   _io.BufferedWriter  'wb', 'ab', 'xb'
//   _io.BufferedRandom  'r+b', 'w+b' ...
// They share every slot and method; only the name differs.
//
// State and invariants
//   * A file owns one fd (closed on close() or dealloc when closefd).
//   * Read buffer: raw bytes [rpos, rlen) not yet consumed; text decoding and
//     newline translation happen as bytes are consumed, so the OS file
//     position minus the unconsumed bytes is always the logical position
//     (tell() is exact).
//   * Write buffer: bytes written but not yet passed to write(2).  At most one
//     of the two buffers is non-empty: switching direction flushes writes or
//     seeks back over unread bytes.
//   * Every blocking read(2)/write(2) goes through blocking_read/blocking_write
//     in io.cc: the one place that will release the GIL around the syscall.
//   * sys.stderr flushes sys.stdout before every write, so the two streams
//     interleave in program order even when stdout is a pipe.
//
// Thread safety: the GIL build needs nothing more.  The free-threaded build
// will take the file's critical section around each method (a file is a
// mutable container of buffered bytes).
#pragma once

#include <string_view>

#include "vm/object.h"

namespace conch::vm {

extern Type kTextIOWrapperType;
extern Type kBufferedReaderType;
extern Type kBufferedWriterType;
extern Type kBufferedRandomType;
extern Type kUnsupportedOperationType;  // io.UnsupportedOperation (an OSError)

// Readies the file types and io.UnsupportedOperation.  Called by runtime_init
// after the exception types exist.
void init_io_types();

bool file_check(const Object* o);

enum class StdBuffering { kLine, kBlock, kUnbuffered };
// A text file over an fd the runtime does not own (closefd false): the
// standard streams.  `name` like "<stdout>".
Object* file_from_std_fd(int fd, const char* name, const char* mode, StdBuffering buffering);
// Marks f as the stream that flushes sys.stdout before each of its writes.
void file_set_flushes_stdout(Object* f);

// open(file, mode='r', buffering=-1, encoding=None, errors=None,
// newline=None, closefd=True, opener=None): the builtin.
Object* io_open(Object* self, Object* const* args, size_t nargs, Object* kwnames);

// Fast paths for print(): write UTF-8 text to a text file / flush it.
// Return -1 with an exception set on failure.
int file_write_text(Object* f, std::string_view utf8);
int file_flush(Object* f);

// Flushes sys.stdout and sys.stderr (whatever objects they currently are),
// reporting nothing: used at exit and before tracebacks.
void flush_std_streams();

// The `io` module (open, UnsupportedOperation, the file types).
Object* init_io_module();

}  // namespace conch::vm
