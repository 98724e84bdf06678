// The `conch` command line: python3's interface for the parts conch has.
//
//   conch [options] script.py [args]   run a file (sys.path[0] = its directory)
//   conch [options] -c CODE [args]     run a string (sys.argv[0] == '-c')
//   conch [options] -m module [args]   run a module found along sys.path as __main__
//   conch [options] [-] [args]         run the program read from stdin
//   conch -V | --version               name the build and the allocator
// Options: -u (unbuffered stdout/stderr), -X name[=value] (sys._xoptions;
// -X gil=0/1 accepted), and python3's no-op flags (-B -E -s -S -I -O -q ...).
//
// Exit status as python3: 0, the SystemExit code, 1 for an uncaught
// exception (traceback on stderr), 130 for KeyboardInterrupt, 2 for a usage
// error or a script that cannot be opened.  The debug preset exits 70 when
// objects leaked.
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "base/config.h"
#include "gc/alloc.h"
#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/io.h"
#include "vm/modules/modules.h"
#include "vm/runtime.h"
#include "vm/runtime_internal.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

enum class RunKind { kFile, kCommand, kModule, kStdin };

struct Options {
  RunKind kind = RunKind::kStdin;
  std::string target;  // file, code or module name
  std::vector<std::string> args;  // after the target
  std::string source;             // kFile: the script, read before start-up
  StartupOptions startup;
};

constexpr const char* kUsage =
    "usage: conch [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

[[noreturn]] void usage_error(const std::string& msg) {
  std::fprintf(stderr, "%s\n%sTry `conch -h' for more information.\n", msg.c_str(), kUsage);
  std::exit(2);
}

[[noreturn]] void print_version() {
  std::printf("conch 0.1 (Python 3.11 subset), %s build, %s\n", kBuildName, gc::allocator_name());
  std::exit(0);
}

[[noreturn]] void print_help() {
  std::printf(
      "%s"
      "-c cmd : program passed in as string (terminates option list)\n"
      "-m mod : run library module as a script (terminates option list)\n"
      "-u     : force the stdout and stderr streams to be unbuffered\n"
      "-V     : print the conch version, build and allocator, and exit (also --version)\n"
      "-X opt : set implementation-specific option (-X gil=0|1 accepted)\n"
      "file   : program read from script file\n"
      "-      : program read from stdin (default)\n"
      "arg ...: arguments passed to program in sys.argv[1:]\n",
      kUsage);
  std::exit(0);
}

void add_xoption(Options* o, const std::string& text) {
  size_t eq = text.find('=');
  if (eq == std::string::npos) {
    o->startup.xoptions.emplace_back(text, "");
  } else {
    o->startup.xoptions.emplace_back(text.substr(0, eq), text.substr(eq + 1));
  }
}

// Parses one "-abc" cluster.  Returns true when it ended the option list
// (-c / -m consumed their argument).
bool parse_flags(int argc, char** argv, int* i, Options* o) {
  const char* arg = argv[*i];
  for (size_t k = 1; arg[k] != '\0'; ++k) {
    char c = arg[k];
    if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
      std::string value = arg + k + 1;
      if (value.empty()) {
        if (*i + 1 >= argc) usage_error(std::string("Argument expected for the -") + c + " option");
        value = argv[++*i];
      }
      if (c == 'X') add_xoption(o, value);
      if (c == 'c' || c == 'm') {
        o->kind = c == 'c' ? RunKind::kCommand : RunKind::kModule;
        o->target = value;
        return true;
      }
      return false;
    }
    if (c == 'u') {
      o->startup.unbuffered = true;
    } else if (c == 'V') {
      print_version();
    } else if (c == 'h' || c == '?') {
      print_help();
    } else if (std::strchr("BEsSIOqdvbiP", c) == nullptr) {
      usage_error(std::string("Unknown option: -") + c);
    }
  }
  return false;
}

Options parse_options(int argc, char** argv) {
  Options o;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--version") print_version();
    if (a == "--help") print_help();
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    if (parse_flags(argc, argv, &i, &o)) {
      ++i;
      for (; i < argc; ++i) o.args.emplace_back(argv[i]);
      return o;
    }
  }
  if (i < argc) {
    std::string target = argv[i++];
    o.kind = target == "-" ? RunKind::kStdin : RunKind::kFile;
    o.target = target;
  }
  for (; i < argc; ++i) o.args.emplace_back(argv[i]);
  return o;
}

std::string current_dir() {
  char buf[PATH_MAX];
  return ::getcwd(buf, sizeof buf) != nullptr ? std::string(buf) : std::string(".");
}

std::string absolute_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  return current_dir() + "/" + path;
}

// sys.path[0] for a script: the directory of the file it really is.
std::string script_directory(const std::string& path) {
  char buf[PATH_MAX];
  std::string real = ::realpath(path.c_str(), buf) != nullptr ? std::string(buf)
                                                             : absolute_path(path);
  size_t slash = real.rfind('/');
  return slash == 0 ? "/" : real.substr(0, slash);
}

bool read_stdin(std::string* out) {
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(0, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out->append(buf, static_cast<size_t>(n));
  }
}

// ---------------------------------------------------------------------------
// Running and exit status.

void write_stderr_line(Object* text) {
  Object* err = dict_get_item_str(module_dict(sys_module()), "stderr");
  std::string line = std::string(str_view(text)) + "\n";
  if (err != nullptr && file_check(err)) {
    if (file_write_text(err, line) == 0) return;
    clear_error();
  }
  std::fputs(line.c_str(), stderr);
}

// SystemExit's status: None → 0, an int → itself, anything else is printed.
int system_exit_status(Object* exc) {
  Ref<> code = steal(lookup_attr(exc, str_intern("code")));
  if (!code) {
    clear_error();
    Object* args = exception_args(exc);
    ssize_t n = args != nullptr ? tuple_size(args) : 0;
    code = n == 0 ? borrow(kNone) : n == 1 ? borrow(tuple_get(args, 0)) : borrow(args);
  }
  if (code.get() == kNone) return 0;
  if (int_check(code.get())) {
    int64_t v;
    if (!int_to_i64(code.get(), &v) || v < INT_MIN || v > INT_MAX) return -1;
    return static_cast<int>(v);
  }
  Ref<> text = steal(str(code.get()));
  if (text) {
    write_stderr_line(text.get());
  } else {
    clear_error();
  }
  return 1;
}

int handle_uncaught() {
  Ref<> exc = steal(fetch_error());
  if (!exc) return 1;
  if (exception_matches(exc.get(), &kSystemExitType)) return system_exit_status(exc.get());
  flush_std_streams();
  print_exception(exc.get());
  flush_std_streams();
  return exception_matches(exc.get(), &kKeyboardInterruptType) ? 130 : 1;
}

// A fresh __main__ module, entered in sys.modules.
Object* create_main_module(const char* file /*nullable*/, Object* package /*nullable*/) {
  Ref<> m = steal(module_new("__main__"));
  if (!m) return nullptr;
  Object* d = module_dict(m.get());
  if (dict_set_item_str(d, "__builtins__", builtins_module()) < 0) return nullptr;
  for (const char* name : {"__spec__", "__loader__", "__doc__"}) {
    if (dict_set_item_str(d, name, kNone) < 0) return nullptr;
  }
  if (dict_set_item_str(d, "__package__", package != nullptr ? package : kNone) < 0) return nullptr;
  if (file != nullptr) {
    Ref<> f = steal(str_from_cstr(file));
    if (!f || dict_set_item_str(d, "__file__", f.get()) < 0) return nullptr;
  }
  if (dict_set_item_str(sys_modules(), "__main__", m.get()) < 0) return nullptr;
  return m.release();
}

int run_source(const std::string& source, const std::string& filename, const char* file_attr) {
  Ref<> main = steal(create_main_module(file_attr, nullptr));
  if (!main) return handle_uncaught();
  Ref<> code = steal(compile_source(source, filename, CompileMode::kExec));
  if (!code) return handle_uncaught();
  Object* d = module_dict(main.get());
  Ref<> result = steal(eval_code(code.get(), d, d));
  return result ? 0 : handle_uncaught();
}

// Replaces sys.argv[0] (the -m case learns the file only after start-up).
void set_argv0(const std::string& value) {
  Object* argv = dict_get_item_str(module_dict(sys_module()), "argv");
  Ref<> v = steal(str_from(value));
  if (argv == nullptr || !v || !list_check(argv) || list_size(argv) == 0) {
    clear_error();
    return;
  }
  Ref<> zero = steal(int_from_i64(0));
  if (setitem(argv, zero.get(), v.get()) < 0) clear_error();
}

int run_module(const std::string& name) {
  std::string path;
  if (!find_module_source(name, &path)) {
    Ref<> exc = steal(fetch_error());
    flush_std_streams();
    Ref<> msg = exc ? steal(str(exc.get())) : Ref<>();
    if (!msg) clear_error();
    bool plain = msg && str_view(msg.get()).substr(0, 17) == "No module named '";
    if (exc && exception_matches(exc.get(), &kModuleNotFoundErrorType)) {
      // python3 names the module without quotes here.
      std::fprintf(stderr, "conch: %s\n",
                   plain || !msg ? ("No module named " + name).c_str() : str_cstr(msg.get()));
    } else {
      Ref<> text = exc ? steal(str(exc.get())) : Ref<>();
      clear_error();
      std::fprintf(stderr, "conch: Error while finding module specification for '%s' (%s: %s)\n",
                   name.c_str(), exc ? type_name(exc.get()) : "ImportError",
                   text ? str_cstr(text.get()) : "");
    }
    return 1;
  }
  set_argv0(path);
  size_t dot = name.rfind('.');
  Ref<> package = steal(str_from(dot == std::string::npos ? "" : name.substr(0, dot)));
  Ref<> main = package ? steal(create_main_module(path.c_str(), package.get())) : Ref<>();
  if (!main) return handle_uncaught();
  Ref<> result = steal(exec_source_file(main.get(), path));
  return result ? 0 : handle_uncaught();
}

// ---------------------------------------------------------------------------
// A minimal interactive loop for a terminal on stdin (no line editing).

// Does `text` still need lines: an open bracket, a trailing ':' or '\\', or
// an indented block not yet ended by an empty line?
bool needs_more(const std::string& text, const std::string& last_line) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    }
  }
  if (depth > 0) return true;
  size_t end = last_line.find_last_not_of(" \t\r\n");
  if (end != std::string::npos && (last_line[end] == ':' || last_line[end] == '\\')) return true;
  bool in_block = text.find(":\n") != std::string::npos;
  return in_block && last_line.find_first_not_of(" \t\r\n") != std::string::npos;
}

bool read_line(std::string* line) {
  line->clear();
  char c;
  for (;;) {
    ssize_t n = ::read(0, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return !line->empty();
    line->push_back(c);
    if (c == '\n') return true;
  }
}

int run_interactive() {
  Ref<> main = steal(create_main_module(nullptr, nullptr));
  if (!main) return handle_uncaught();
  std::fprintf(stderr, "conch 0.1 (Python 3.11 subset), %s build\n", kBuildName);
  Object* d = module_dict(main.get());
  for (;;) {
    std::string source, line;
    do {
      flush_std_streams();
      std::fputs(source.empty() ? ">>> " : "... ", stderr);
      std::fflush(stderr);
      if (!read_line(&line)) {
        std::fputs("\n", stderr);
        return 0;
      }
      source += line;
    } while (needs_more(source, line));
    if (source.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    Ref<> code = steal(compile_source(source, "<stdin>", CompileMode::kSingle));
    Ref<> result = code ? steal(eval_code(code.get(), d, d)) : Ref<>();
    if (result) continue;
    Ref<> exc = steal(fetch_error());
    if (exc && exception_matches(exc.get(), &kSystemExitType)) {
      return system_exit_status(exc.get());
    }
    flush_std_streams();
    if (exc) print_exception(exc.get());
  }
}

RuntimeConfig make_config(const Options& o) {
  RuntimeConfig cfg;
  switch (o.kind) {
    case RunKind::kFile:
      cfg.argv.push_back(o.target);
      cfg.script_dir = script_directory(o.target);
      break;
    case RunKind::kCommand:
      cfg.argv.emplace_back("-c");
      break;
    case RunKind::kModule:
      cfg.argv.emplace_back("-m");
      cfg.script_dir = current_dir();
      break;
    case RunKind::kStdin:
      cfg.argv.emplace_back(o.target.empty() ? "" : "-");
      break;
  }
  cfg.argv.insert(cfg.argv.end(), o.args.begin(), o.args.end());
  return cfg;
}

int run(const Options& o) {
  switch (o.kind) {
    case RunKind::kFile: {
      // As CPython 3.9+: __file__ and tracebacks name the script by its
      // absolute path (cwd joined, not normalised); sys.argv[0] stays as given.
      std::string path = absolute_path(o.target);
      return run_source(o.source, path, path.c_str());
    }
    case RunKind::kCommand:
      return run_source(o.target, "<string>", nullptr);
    case RunKind::kModule:
      return run_module(o.target);
    case RunKind::kStdin: {
      if (o.target.empty() && ::isatty(0)) return run_interactive();
      std::string source;
      read_stdin(&source);
      return run_source(source, "<stdin>", "<stdin>");
    }
  }
  return 1;
}

// The script must be readable before the runtime starts (python3 reports
// it without a traceback, status 2).
bool read_script(Options* o) {
  if (o->kind != RunKind::kFile) return true;
  if (read_file(o->target, &o->source)) return true;
  int err = errno;
  std::fprintf(stderr, "conch: can't open file '%s': [Errno %d] %s\n",
               absolute_path(o->target).c_str(), err, std::strerror(err));
  return false;
}

}  // namespace
}  // namespace conch::vm

int main(int argc, char** argv) {
  using namespace conch::vm;
  Options opts = parse_options(argc, argv);
  if (!read_script(&opts)) return 2;
  // As CPython: a closed pipe is an exception (BrokenPipeError), not a signal.
  ::signal(SIGPIPE, SIG_IGN);
  set_startup_options(opts.startup);
  // Every thread this executable starts goes through the thread module,
  // which ends the elision before pthread_create (gc/critical_section.h).
  conch::gc::critical_sections_elide_while_alone();
  runtime_init(make_config(opts));
  int status = run(opts);
  flush_std_streams();
  runtime_fini();
  if (runtime_leak_detected() && status == 0) status = 70;
  std::fflush(stdout);
  std::fflush(stderr);
  return status & 0xFF;
}
