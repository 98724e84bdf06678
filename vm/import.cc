// The import system (see import.h for the design).
#include "vm/import.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/gil.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

// ---------------------------------------------------------------------------
// Per-module import locks (CPython's _ModuleLock, simplified).
//
// A module imports once: the thread that finds it missing takes the lock
// for its name, searches, caches and runs the body; another thread importing
// the same name meanwhile waits (GIL released, critical sections suspended:
// vm/gil.h's GilReleased) and then finds it in sys.modules.  The owner
// re-entering its own lock (a circular import in one thread) proceeds and
// gets the partially initialised module, as before.  Two threads importing
// each other's modules would wait for each other: before waiting, a thread
// follows the waits-for chain (owner -> the lock it waits for -> its owner
// ...) and, if it leads back to itself, proceeds without the lock and gets
// the partial module (CPython's _DeadlockError path accepts the same).
//
// State, all guarded by `mu` (a std::mutex: held for a few instructions,
// never across Python code; a waiter sleeps on `cv` with the GIL released):
//   locks    name -> {owner, waiters}; an entry exists while owned or awaited
//   waiting  thread -> the name it waits for (deadlock detection)
//   busy     locks.size(), also readable without mu: when 0 (the steady
//            state) a cached module is returned with no lock at all.
// A module is "initializing" (IMPORT_FROM's partially-initialized wording)
// while its lock is owned.

struct ModuleLock {
  ThreadState* owner = nullptr;  // null: released, handed to the next waiter
  int waiters = 0;
};

struct ImportState {
  std::mutex mu;
  std::condition_variable cv;
  std::map<std::string, ModuleLock, std::less<>> locks;
  std::map<ThreadState*, std::string> waiting;
  std::atomic<size_t> busy{0};
};

ImportState& import_state() {
  static ImportState* state = new ImportState;  // never destroyed: daemon threads may import late
  return *state;
}

enum class LockResult { kAcquired, kReentrant, kDeadlock };

// Does `owner` (transitively) wait for a lock `me` holds?  Caller holds mu.
bool would_deadlock(ImportState& st, ThreadState* me, ThreadState* owner) {
  for (int steps = 0; owner != nullptr && steps < 1000; ++steps) {
    if (owner == me) return true;
    auto w = st.waiting.find(owner);
    if (w == st.waiting.end()) return false;
    auto l = st.locks.find(w->second);
    if (l == st.locks.end()) return false;
    owner = l->second.owner;
  }
  return false;
}

LockResult acquire_module_lock(std::string_view name) {
  ImportState& st = import_state();
  ThreadState* me = current_thread();
  {
    std::lock_guard<std::mutex> lk(st.mu);
    auto it = st.locks.find(name);
    if (it == st.locks.end()) {
      st.locks.emplace(std::string(name), ModuleLock{me, 0});
      st.busy.store(st.locks.size(), std::memory_order_release);
      return LockResult::kAcquired;
    }
    ModuleLock& l = it->second;
    if (l.owner == me) return LockResult::kReentrant;
    if (l.owner == nullptr && l.waiters == 0) {
      l.owner = me;
      return LockResult::kAcquired;
    }
    if (would_deadlock(st, me, l.owner)) return LockResult::kDeadlock;
    l.waiters++;
    st.waiting[me] = std::string(name);
  }
  // Declared in this order so the std::mutex is released before the GIL is
  // taken back (the GIL is never awaited while holding mu).
  GilReleased released;
  std::unique_lock<std::mutex> lk(st.mu);
  auto it = st.locks.find(name);  // stable: an awaited entry is never erased
  st.cv.wait(lk, [&] { return it->second.owner == nullptr; });
  it->second.owner = me;
  it->second.waiters--;
  st.waiting.erase(me);
  return LockResult::kAcquired;
}

void release_module_lock(std::string_view name) {
  ImportState& st = import_state();
  std::lock_guard<std::mutex> lk(st.mu);
  auto it = st.locks.find(name);
  if (it == st.locks.end()) return;
  if (it->second.waiters == 0) {
    st.locks.erase(it);
    st.busy.store(st.locks.size(), std::memory_order_release);
  } else {
    it->second.owner = nullptr;
    st.cv.notify_all();
  }
}

// sys.modules lookups: a NEW reference (another thread may replace the
// entry), nullptr when absent or on error.
Object* cached_module(std::string_view name) { return dict_get_item_str_ref(sys_modules(), name); }

int cache_module(std::string_view name, Object* m) {
  return dict_set_item_str(sys_modules(), name, m);
}

void uncache_module(std::string_view name) {
  Ref<> key = steal(str_from(name));
  if (key && dict_get_item(sys_modules(), key.get()) != nullptr) {
    if (dict_del_item(sys_modules(), key.get()) < 0) clear_error();
  }
}


// ---------------------------------------------------------------------------
// Errors.

// Raises `type(msg)` with its `name` attribute set, as CPython's import does.
void raise_import_error(Type* type, const std::string& msg, std::string_view name) {
  Ref<> text = steal(str_from(msg));
  Ref<> exc = text ? steal(call_args(type, {text.get()})) : Ref<>();
  if (!exc) return;
  Ref<> name_obj = steal(str_from(name));
  if (name_obj && setattr(exc.get(), str_intern("name"), name_obj.get()) < 0) clear_error();
  set_error_object(exc.get());
}

void module_not_found(std::string_view name) {
  raise_import_error(&kModuleNotFoundErrorType, "No module named '" + std::string(name) + "'",
                     name);
}

// ---------------------------------------------------------------------------
// Files.

bool is_regular_file(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool is_directory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string current_dir() {
  char buf[4096];
  return ::getcwd(buf, sizeof buf) != nullptr ? std::string(buf) : std::string(".");
}

std::string join_path(std::string_view dir, std::string_view leaf) {
  std::string d = dir.empty() ? current_dir() : std::string(dir);
  if (!d.empty() && d.back() != '/') d += '/';
  return d + std::string(leaf);
}

// What a search of one name along a path list found.
struct Found {
  enum Kind { kNone, kModule, kPackage, kNamespace } kind = kNone;
  std::string file;                        // the .py (or __init__.py)
  std::vector<std::string> namespace_dirs; // kNamespace: every matching dir
};

Found search_dirs(const std::vector<std::string>& dirs, std::string_view leaf) {
  Found ns;
  for (const std::string& dir : dirs) {
    std::string base = join_path(dir, leaf);
    bool dir_exists = is_directory(base);
    if (dir_exists && is_regular_file(base + "/__init__.py")) {
      return Found{Found::kPackage, base + "/__init__.py", {}};
    }
    if (is_regular_file(base + ".py")) return Found{Found::kModule, base + ".py", {}};
    if (dir_exists) ns.namespace_dirs.push_back(base);
  }
  if (!ns.namespace_dirs.empty()) ns.kind = Found::kNamespace;
  return ns;
}

// The str entries of a path list (sys.path or a package's __path__).
bool path_entries(Object* list, std::vector<std::string>* out) {
  Ref<> it = steal(get_iter(list));
  if (!it) return false;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) return !has_error();
    if (str_check(item.get())) out->emplace_back(str_view(item.get()));
  }
}

// ---------------------------------------------------------------------------
// Loading.

int set_module_attrs(Object* m, const Found& found, std::string_view fullname, bool is_package) {
  Object* d = module_dict(m);
  std::string_view parent = fullname.substr(0, std::min(fullname.size(), fullname.rfind('.')));
  if (fullname.rfind('.') == std::string_view::npos) parent = "";
  Ref<> package = steal(str_from(is_package ? fullname : parent));
  if (!package || dict_set_item_str(d, "__package__", package.get()) < 0) return -1;
  if (dict_set_item_str(d, "__spec__", kNone) < 0 || dict_set_item_str(d, "__loader__", kNone) < 0)
    return -1;
  if (dict_set_item_str(d, "__builtins__", builtins_dict()) < 0) return -1;
  if (!found.file.empty()) {
    Ref<> file = steal(str_from(found.file));
    if (!file || dict_set_item_str(d, "__file__", file.get()) < 0) return -1;
  }
  if (!is_package) return 0;
  std::vector<std::string> dirs = found.namespace_dirs;
  if (found.kind == Found::kPackage) dirs.push_back(found.file.substr(0, found.file.rfind('/')));
  Ref<> path = steal(list_new(0));
  if (!path) return -1;
  for (const std::string& dir : dirs) {
    Ref<> entry = steal(str_from(dir));
    if (!entry || list_append(path.get(), entry.get()) < 0) return -1;
  }
  return dict_set_item_str(d, "__path__", path.get());
}

// Creates, caches and runs a module found on the path; new reference.
Object* load_module(std::string_view fullname, const Found& found) {
  Ref<> m = steal(module_new(fullname));
  if (!m) return nullptr;
  bool is_package = found.kind != Found::kModule;
  if (set_module_attrs(m.get(), found, fullname, is_package) < 0) return nullptr;
  if (cache_module(fullname, m.get()) < 0) return nullptr;
  if (found.kind == Found::kNamespace) return m.release();
  Ref<> result = steal(exec_source_file(m.get(), found.file));
  if (!result) {
    uncache_module(fullname);
    return nullptr;
  }
  // The body may have replaced its own sys.modules entry.
  Object* cached = cached_module(fullname);
  return cached != nullptr ? cached : m.release();
}

// Built-in module init functions keep lazily initialised statics (type
// set-up flags, the struct-sequence registry) and two names may share one
// (io and _io): they run one at a time, under one more import lock whose
// name no module can have.
constexpr std::string_view kBuiltinInitLock = "\x01builtin-init";

Object* load_builtin(std::string_view name, const BuiltinModule* b) {
  LockResult r = acquire_module_lock(kBuiltinInitLock);
  Object* made = b->init();
  if (r == LockResult::kAcquired) release_module_lock(kBuiltinInitLock);
  Ref<> m = steal(made);
  if (!m) return nullptr;
  if (cache_module(name, m.get()) < 0) return nullptr;
  return m.release();
}

Object* import_absolute(std::string_view fullname);

// Imports one absolute dotted name, the caller holding its module lock (or
// re-entering it); returns the leaf (new reference).
Object* import_absolute_locked(std::string_view fullname) {
  if (Object* m = cached_module(fullname)) {
    if (m != kNone) return m;
    decref(m);
    raise_import_error(&kModuleNotFoundErrorType,
                       "import of " + std::string(fullname) + " halted; None in sys.modules",
                       fullname);
    return nullptr;
  }
  if (has_error()) return nullptr;
  size_t dot = fullname.rfind('.');
  std::vector<std::string> dirs;
  Ref<> parent;
  if (dot == std::string_view::npos) {
    if (const BuiltinModule* b = find_builtin_module(fullname)) return load_builtin(fullname, b);
    Ref<> sys_path = steal(dict_get_item_str_ref(module_dict(sys_module()), "path"));
    if (sys_path && !path_entries(sys_path.get(), &dirs)) return nullptr;
  } else {
    parent = steal(import_absolute(fullname.substr(0, dot)));
    if (!parent) return nullptr;
    if (Object* m = cached_module(fullname)) return m;  // imported by the parent
    Ref<> path = steal(lookup_attr(parent.get(), str_intern("__path__")));
    if (!path) {
      if (has_error()) return nullptr;
      raise_import_error(&kModuleNotFoundErrorType,
                         "No module named '" + std::string(fullname) + "'; '" +
                             std::string(fullname.substr(0, dot)) + "' is not a package",
                         fullname);
      return nullptr;
    }
    if (!path_entries(path.get(), &dirs)) return nullptr;
  }
  std::string_view leaf = dot == std::string_view::npos ? fullname : fullname.substr(dot + 1);
  Found found = search_dirs(dirs, leaf);
  if (found.kind == Found::kNone) {
    module_not_found(fullname);
    return nullptr;
  }
  Ref<> m = steal(load_module(fullname, found));
  if (!m) return nullptr;
  if (parent) {
    Ref<> leaf_name = steal(str_from(leaf));
    if (!leaf_name || setattr(parent.get(), leaf_name.get(), m.get()) < 0) return nullptr;
  }
  return m.release();
}

// The steady state (no import running anywhere) returns a cached module
// without touching the import locks; otherwise the module lock decides.
Object* import_absolute(std::string_view fullname) {
  if (import_state().busy.load(std::memory_order_acquire) == 0) {
    Object* m = cached_module(fullname);
    if (m != nullptr && m != kNone) return m;
    xdecref(m);
    if (has_error()) return nullptr;
  }
  LockResult r = acquire_module_lock(fullname);
  Object* m = import_absolute_locked(fullname);
  if (r == LockResult::kAcquired) release_module_lock(fullname);
  return m;
}

// ---------------------------------------------------------------------------
// Relative names and fromlist.

Ref<> globals_get(Object* globals, const char* key) {
  return steal(globals != nullptr && dict_check(globals) ? dict_get_item_str_ref(globals, key)
                                                         : nullptr);
}

// The package a relative import is relative to ("" when unknown).
bool calling_package(Object* globals, std::string* out) {
  Ref<> package_ref = globals_get(globals, "__package__");
  Object* package = package_ref.get();
  if (package != nullptr && package != kNone) {
    if (!str_check(package)) {
      set_error(&kTypeErrorType, "package must be a string");
      return false;
    }
    *out = std::string(str_view(package));
    return true;
  }
  Ref<> name_ref = globals_get(globals, "__name__");
  Object* name = name_ref.get();
  if (name == nullptr || !str_check(name)) {
    if (globals == nullptr) return true;
    set_error(&kKeyErrorType, "'__name__' not in globals");
    return false;
  }
  std::string_view n = str_view(name);
  if (globals_get(globals, "__path__")) {
    *out = std::string(n);
  } else {
    size_t dot = n.rfind('.');
    *out = dot == std::string_view::npos ? "" : std::string(n.substr(0, dot));
  }
  return true;
}

bool resolve_name(std::string_view name, Object* globals, int level, std::string* out) {
  std::string package;
  if (!calling_package(globals, &package)) return false;
  if (package.empty()) {
    set_error(&kImportErrorType, "attempted relative import with no known parent package");
    return false;
  }
  std::string_view base = package;
  for (int i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string_view::npos) {
      set_error(&kImportErrorType, "attempted relative import beyond top-level package");
      return false;
    }
    base = base.substr(0, dot);
  }
  *out = std::string(base);
  if (!name.empty()) *out += "." + std::string(name);
  return true;
}

std::string module_name_of(Object* m) {
  Ref<> name = steal(lookup_attr(m, str_intern("__name__")));
  if (!name) clear_error();
  return name && str_check(name.get()) ? std::string(str_view(name.get())) : std::string();
}

// `from package import sub`: imports submodules named in fromlist that are
// not attributes yet.  A missing submodule is not an error here: IMPORT_FROM
// reports it.
int handle_fromlist(Object* module, Object* fromlist, bool recursive = false) {
  Ref<> it = steal(get_iter(fromlist));
  if (!it) return -1;
  std::string base = module_name_of(module);
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) return has_error() ? -1 : 0;
    if (!str_check(item.get())) {
      set_error_fmt(&kTypeErrorType, "%s must be str, not %s",
                    recursive ? "Item in " + base + ".__all__" : std::string("Item in ``from list''"),
                    type_name(item.get()));
      return -1;
    }
    if (str_equal_cstr(item.get(), "*")) {
      if (recursive) continue;
      Ref<> all = steal(lookup_attr(module, str_intern("__all__")));
      if (!all && has_error()) return -1;
      if (all && handle_fromlist(module, all.get(), true) < 0) return -1;
      continue;
    }
    int has = hasattr(module, item.get());
    if (has < 0) return -1;
    if (has) continue;
    std::string sub = base + "." + std::string(str_view(item.get()));
    Ref<> m = steal(import_absolute(sub));
    if (m) continue;
    Ref<> exc = steal(fetch_error());
    Ref<> msg = exc ? steal(str(exc.get())) : Ref<>();
    bool not_found = exc && exception_matches(exc.get(), &kModuleNotFoundErrorType) && msg &&
                     str_view(msg.get()) == "No module named '" + sub + "'";
    if (!msg) clear_error();
    if (!not_found) {
      restore_error(exc.release());
      return -1;
    }
  }
}

bool fromlist_empty(Object* fromlist) {
  if (fromlist == nullptr || fromlist == kNone) return true;
  if (tuple_check(fromlist)) return tuple_size(fromlist) == 0;
  if (list_check(fromlist)) return list_size(fromlist) == 0;
  return is_true(fromlist) == 0;
}

// What `import a.b.c` binds: the top-level package of the resolved name.
Object* top_level_module(Object* leaf, std::string_view name, std::string_view fullname,
                         int level) {
  if (level == 0) {
    std::string_view top = name.substr(0, name.find('.'));
    Object* m = cached_module(top);
    if (m == nullptr && !has_error()) set_error_fmt(&kKeyErrorType, "'%s'", top);
    return m;
  }
  if (name.empty()) return new_ref(leaf);
  size_t cut = name.size() - name.substr(0, name.find('.')).size();
  std::string_view head = fullname.substr(0, fullname.size() - cut);
  Object* m = cached_module(head);
  return m != nullptr ? m : new_ref(leaf);
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API.

bool read_file(const std::string& path, std::string* out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      errno = err;
      return false;
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

Object* exec_source_file(Object* module, const std::string& path) {
  std::string source;
  if (!read_file(path, &source)) {
    set_error_from_errno(errno, path.c_str());
    return nullptr;
  }
  Ref<> code = steal(compile_source(source, path, CompileMode::kExec));
  if (!code) return nullptr;
  Object* d = module_dict(module);
  return eval_code(code.get(), d, d);
}

bool module_is_initializing(std::string_view name) {
  ImportState& st = import_state();
  std::lock_guard<std::mutex> lk(st.mu);
  auto it = st.locks.find(name);
  return it != st.locks.end() && it->second.owner != nullptr;
}

Object* import_module(std::string_view name) { return import_absolute(name); }

Object* import_module_level(Object* name, Object* globals, Object* fromlist, int level) {
  if (!str_check(name)) {
    set_error_fmt(&kTypeErrorType, "module name must be str, not %s", type_name(name));
    return nullptr;
  }
  std::string_view n = str_view(name);
  if (level < 0) {
    set_error(&kValueErrorType, "level must be >= 0");
    return nullptr;
  }
  if (level == 0 && n.empty()) {
    set_error(&kValueErrorType, "Empty module name");
    return nullptr;
  }
  std::string fullname(n);
  if (level > 0 && !resolve_name(n, globals, level, &fullname)) return nullptr;
  Ref<> leaf = steal(import_absolute(fullname));
  if (!leaf) return nullptr;
  if (fromlist_empty(fromlist)) return top_level_module(leaf.get(), n, fullname, level);
  Ref<> path = steal(lookup_attr(leaf.get(), str_intern("__path__")));
  if (!path && has_error()) return nullptr;
  if (path && handle_fromlist(leaf.get(), fromlist) < 0) return nullptr;
  return leaf.release();
}

Object* import_name_from(Object* module, Object* name) {
  Object* v = lookup_attr(module, name);
  if (v != nullptr || has_error()) return v;
  std::string modname = module_name_of(module);
  if (!modname.empty()) {
    std::string sub = modname + "." + std::string(str_view(name));
    if (Object* m = cached_module(sub)) return m;
  }
  Ref<> file = steal(lookup_attr(module, str_intern("__file__")));
  if (!file) clear_error();
  std::string where = file && str_check(file.get()) ? std::string(str_view(file.get()))
                                                    : std::string("unknown location");
  std::string shown = modname.empty() ? "<unknown module name>" : modname;
  std::string msg = "cannot import name '" + std::string(str_view(name)) + "' from ";
  if (module_is_initializing(modname)) {
    msg += "partially initialized module '" + shown +
           "' (most likely due to a circular import) (" + where + ")";
  } else {
    msg += "'" + shown + "' (" + where + ")";
  }
  raise_import_error(&kImportErrorType, msg, modname);
  return nullptr;
}

bool find_module_source(std::string_view name, std::string* path) {
  size_t dot = name.rfind('.');
  std::vector<std::string> dirs;
  if (dot == std::string_view::npos) {
    Ref<> sys_path = steal(dict_get_item_str_ref(module_dict(sys_module()), "path"));
    if (sys_path && !path_entries(sys_path.get(), &dirs)) return false;
  } else {
    Ref<> parent = steal(import_absolute(name.substr(0, dot)));
    if (!parent) return false;
    Ref<> p = steal(lookup_attr(parent.get(), str_intern("__path__")));
    if (!p) {
      if (!has_error()) module_not_found(name);
      return false;
    }
    if (!path_entries(p.get(), &dirs)) return false;
  }
  std::string_view leaf = dot == std::string_view::npos ? name : name.substr(dot + 1);
  Found found = search_dirs(dirs, leaf);
  if (found.kind == Found::kModule) {
    *path = found.file;
    return true;
  }
  if (found.kind == Found::kNone) {
    module_not_found(name);
    return false;
  }
  // A package runs as its __main__ submodule, after the package itself.
  std::string main_name = std::string(name) + ".__main__";
  Ref<> pkg = steal(import_absolute(name));
  if (!pkg) return false;
  if (find_module_source(main_name, path)) return true;
  if (!error_matches(&kModuleNotFoundErrorType)) return false;
  clear_error();
  set_error_fmt(&kModuleNotFoundErrorType,
                "No module named %s; '%s' is a package and cannot be directly executed",
                main_name, name);
  return false;
}

}  // namespace conch::vm
