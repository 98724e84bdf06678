// Symbol table construction and scope analysis.  See symtable.h.
#include "vm/compile/symtable.h"

#include <set>
#include <unordered_set>

namespace conch::vm {

using NameSet = std::unordered_set<std::string_view>;

NameScope Scope::lookup(std::string_view n) const {
  auto it = resolved.find(n);
  return it == resolved.end() ? NameScope::kGlobalImplicit : it->second;
}

std::string mangle(std::string_view private_name, std::string_view name) {
  if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') {
    return std::string(name);
  }
  if ((name.size() >= 4 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') ||
      name.find('.') != std::string_view::npos) {
    return std::string(name);
  }
  size_t skip = private_name.find_first_not_of('_');
  if (skip == std::string_view::npos) return std::string(name);
  return "_" + std::string(private_name.substr(skip)) + std::string(name);
}

Scope* Symtable::scope_for(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

// Pass 1: walk the tree recording definitions and uses.
class SymtableBuilder {
 public:
  explicit SymtableBuilder(Symtable* st) : st_(st) {}

  bool run(const ast::mod* root) {
    st_->top_ = std::make_unique<Scope>();
    cur_ = st_->top_.get();
    cur_->kind = ScopeKind::kModule;
    cur_->name = "top";
    switch (root->kind) {
      case ast::ModKind::Module:
        visit_body(ast::cast<ast::Module>(root)->body);
        break;
      case ast::ModKind::Interactive:
        visit_body(ast::cast<ast::Interactive>(root)->body);
        break;
      case ast::ModKind::Expression:
        visit_expr(ast::cast<ast::Expression>(root)->body);
        break;
    }
    if (!ok_) return false;
    NameSet free, global;
    analyze(st_->top_.get(), nullptr, &free, &global);
    return ok_;
  }

 private:
  template <class N>
  void fail(const N* node, std::string msg) {
    if (!ok_) return;
    ok_ = false;
    st_->error_.message = std::move(msg);
    st_->error_.lineno = node->lineno;
    st_->error_.col_offset = node->col_offset;
    st_->error_.end_lineno = node->end_lineno;
    st_->error_.end_col_offset = node->end_col_offset;
  }

  Scope* enter(ScopeKind kind, std::string_view name, const void* node, int lineno) {
    auto s = std::make_unique<Scope>();
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->lineno = lineno;
    s->parent = cur_;
    s->is_nested = cur_->is_function_like() || cur_->is_nested;
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    st_->by_node_[node] = raw;
    cur_ = raw;
    return raw;
  }
  void leave() { cur_ = cur_->parent; }

  // The name as stored: mangled inside a class.
  std::string_view mangled(std::string_view name) {
    if (private_.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
    std::string m = mangle(private_, name);
    if (m == name) return name;
    st_->mangled_.push_back(std::move(m));
    return st_->mangled_.back();
  }

  void add_def(Scope* s, std::string_view name, uint32_t flag) {
    auto it = s->flags.find(name);
    if (it == s->flags.end()) {
      s->names.push_back(name);
      s->flags.emplace(name, flag);
    } else {
      it->second |= flag;
    }
  }
  template <class N>
  void add_def(std::string_view name, uint32_t flag, const N* node) {
    name = mangled(name);
    if ((flag & kDefParam) != 0) {
      auto it = cur_->flags.find(name);
      if (it != cur_->flags.end() && (it->second & kDefParam)) {
        fail(node, "duplicate argument '" + std::string(name) + "' in function definition");
        return;
      }
      cur_->params.push_back(name);
    }
    add_def(cur_, name, flag);
  }

  void visit_body(const ast::Seq<ast::stmt*>& body) {
    for (ast::stmt* s : body) {
      if (!ok_) return;
      visit_stmt(s);
    }
  }
  void visit_exprs(const ast::Seq<ast::expr*>& es) {
    for (ast::expr* e : es) {
      if (e != nullptr) visit_expr(e);
    }
  }

  void visit_arguments_defaults(const ast::arguments* a) {
    visit_exprs(a->defaults);
    visit_exprs(a->kw_defaults);
  }
  void visit_annotations(const ast::arguments* a, const ast::expr* returns) {
    auto ann = [&](const ast::Seq<ast::arg*>& args) {
      for (ast::arg* p : args) {
        if (p->annotation != nullptr) visit_expr(p->annotation);
      }
    };
    ann(a->posonlyargs);
    ann(a->args);
    ann(a->kwonlyargs);
    if (a->vararg != nullptr && a->vararg->annotation != nullptr) visit_expr(a->vararg->annotation);
    if (a->kwarg != nullptr && a->kwarg->annotation != nullptr) visit_expr(a->kwarg->annotation);
    if (returns != nullptr) visit_expr(const_cast<ast::expr*>(returns));
  }
  void add_params(const ast::arguments* a) {
    for (ast::arg* p : a->posonlyargs) add_def(p->arg, kDefParam, p);
    for (ast::arg* p : a->args) add_def(p->arg, kDefParam, p);
    for (ast::arg* p : a->kwonlyargs) add_def(p->arg, kDefParam, p);
    if (a->vararg != nullptr) {
      add_def(a->vararg->arg, kDefParam, a->vararg);
      cur_->has_varargs = true;
    }
    if (a->kwarg != nullptr) {
      add_def(a->kwarg->arg, kDefParam, a->kwarg);
      cur_->has_varkeywords = true;
    }
  }

  template <class N>
  void declare(const ast::Seq<ast::Identifier>& names, bool global, const N* node) {
    const char* kw = global ? "global" : "nonlocal";
    for (ast::Identifier raw : names) {
      std::string_view n = mangled(raw);
      auto it = cur_->flags.find(n);
      uint32_t cur = it == cur_->flags.end() ? 0 : it->second;
      std::string name(n);
      if (cur & (kDefParam | kDefLocal | kUse | kDefImport)) {
        std::string msg;
        if (cur & kDefParam) msg = "name '" + name + "' is parameter and " + kw;
        else if (cur & kUse) msg = "name '" + name + "' is used prior to " + kw + " declaration";
        else msg = "name '" + name + "' is assigned to before " + kw + " declaration";
        fail(node, msg);
        return;
      }
      if (global) {
        if (cur & kDefNonlocal) {
          fail(node, "name '" + name + "' is nonlocal and global");
          return;
        }
        add_def(cur_, n, kDefGlobal);
      } else {
        if (cur_->kind == ScopeKind::kModule) {
          fail(node, "nonlocal declaration not allowed at module level");
          return;
        }
        if (cur & kDefGlobal) {
          fail(node, "name '" + name + "' is nonlocal and global");
          return;
        }
        add_def(cur_, n, kDefNonlocal);
      }
    }
  }

  void visit_stmt(ast::stmt* s) {
    using K = ast::StmtKind;
    switch (s->kind) {
      case K::FunctionDef: {
        auto* d = ast::cast<ast::FunctionDef>(s);
        add_def(d->name, kDefLocal, d);
        visit_exprs(d->decorator_list);
        visit_arguments_defaults(d->args);
        visit_annotations(d->args, d->returns);
        enter(ScopeKind::kFunction, d->name, d, d->lineno)->is_coroutine = d->is_async;
        add_params(d->args);
        visit_body(d->body);
        leave();
        break;
      }
      case K::ClassDef: {
        auto* d = ast::cast<ast::ClassDef>(s);
        add_def(d->name, kDefLocal, d);
        visit_exprs(d->bases);
        for (ast::keyword* k : d->keywords) visit_expr(k->value);
        visit_exprs(d->decorator_list);
        enter(ScopeKind::kClass, d->name, d, d->lineno);
        std::string_view saved_private = private_;
        private_ = d->name;
        visit_body(d->body);
        private_ = saved_private;
        leave();
        break;
      }
      case K::Return: {
        auto* r = ast::cast<ast::Return>(s);
        if (r->value != nullptr) visit_expr(r->value);
        break;
      }
      case K::Delete:
        visit_exprs(ast::cast<ast::Delete>(s)->targets);
        break;
      case K::Assign: {
        auto* a = ast::cast<ast::Assign>(s);
        visit_exprs(a->targets);
        visit_expr(a->value);
        break;
      }
      case K::AugAssign: {
        auto* a = ast::cast<ast::AugAssign>(s);
        visit_expr(a->target);
        visit_expr(a->value);
        break;
      }
      case K::AnnAssign: {
        auto* a = ast::cast<ast::AnnAssign>(s);
        if (auto* n = ast::dyn_cast<ast::Name>(a->target)) {
          auto it = cur_->flags.find(n->id);
          if (it != cur_->flags.end() && (it->second & (kDefGlobal | kDefNonlocal)) && a->simple) {
            fail(s, "annotated name '" + std::string(n->id) + "' can't be " +
                        ((it->second & kDefGlobal) ? "global" : "nonlocal"));
            return;
          }
          add_def(n->id, kDefLocal, n);
        } else {
          visit_expr(a->target);
        }
        if (!cur_->is_function_like()) visit_expr(a->annotation);
        if (a->value != nullptr) visit_expr(a->value);
        break;
      }
      case K::For: {
        auto* f = ast::cast<ast::For>(s);
        if (f->is_async && !check_async(s, "'async for' outside async function")) return;
        visit_expr(f->target);
        visit_expr(f->iter);
        visit_body(f->body);
        visit_body(f->orelse);
        break;
      }
      case K::While: {
        auto* w = ast::cast<ast::While>(s);
        visit_expr(w->test);
        visit_body(w->body);
        visit_body(w->orelse);
        break;
      }
      case K::If: {
        auto* i = ast::cast<ast::If>(s);
        visit_expr(i->test);
        visit_body(i->body);
        visit_body(i->orelse);
        break;
      }
      case K::With: {
        auto* w = ast::cast<ast::With>(s);
        if (w->is_async && !check_async(s, "'async with' outside async function")) return;
        for (ast::withitem* item : w->items) {
          visit_expr(item->context_expr);
          if (item->optional_vars != nullptr) visit_expr(item->optional_vars);
        }
        visit_body(w->body);
        break;
      }
      case K::Raise: {
        auto* r = ast::cast<ast::Raise>(s);
        if (r->exc != nullptr) visit_expr(r->exc);
        if (r->cause != nullptr) visit_expr(r->cause);
        break;
      }
      case K::Try: {
        auto* t = ast::cast<ast::Try>(s);
        visit_body(t->body);
        for (ast::ExceptHandler* h : t->handlers) {
          if (h->type != nullptr) visit_expr(h->type);
          if (!h->name.empty()) add_def(h->name, kDefLocal, h);
          visit_body(h->body);
        }
        visit_body(t->orelse);
        visit_body(t->finalbody);
        break;
      }
      case K::Assert: {
        auto* a = ast::cast<ast::Assert>(s);
        visit_expr(a->test);
        if (a->msg != nullptr) visit_expr(a->msg);
        break;
      }
      case K::Import:
        for (ast::alias* a : ast::cast<ast::Import>(s)->names) {
          std::string_view bound = a->asname.empty() ? a->name.substr(0, a->name.find('.'))
                                                     : a->asname;
          add_def(bound, kDefImport, a);
        }
        break;
      case K::ImportFrom:
        for (ast::alias* a : ast::cast<ast::ImportFrom>(s)->names) {
          if (a->name == "*") {
            if (cur_->kind != ScopeKind::kModule) {
              fail(s, "import * only allowed at module level");
              return;
            }
            continue;
          }
          add_def(a->asname.empty() ? a->name : a->asname, kDefImport, a);
        }
        break;
      case K::Global:
        declare(ast::cast<ast::Global>(s)->names, true, s);
        break;
      case K::Nonlocal:
        declare(ast::cast<ast::Nonlocal>(s)->names, false, s);
        break;
      case K::Expr:
        visit_expr(ast::cast<ast::Expr>(s)->value);
        break;
      case K::Pass:
      case K::Break:
      case K::Continue:
        break;
      case K::Match: {
        auto* m = ast::cast<ast::Match>(s);
        visit_expr(m->subject);
        for (ast::match_case* c : m->cases) {
          visit_pattern(c->pattern);
          if (c->guard != nullptr) visit_expr(c->guard);
          visit_body(c->body);
        }
        break;
      }
    }
  }

  // Capture names are local bindings; value patterns, class names and
  // mapping keys are loads.
  void visit_pattern(ast::pattern* p) {
    using P = ast::PatternKind;
    switch (p->kind) {
      case P::MatchValue: visit_expr(ast::cast<ast::MatchValue>(p)->value); break;
      case P::MatchSingleton: break;
      case P::MatchSequence:
        for (ast::pattern* q : ast::cast<ast::MatchSequence>(p)->patterns) visit_pattern(q);
        break;
      case P::MatchMapping: {
        auto* m = ast::cast<ast::MatchMapping>(p);
        visit_exprs(m->keys);
        for (ast::pattern* q : m->patterns) visit_pattern(q);
        if (!m->rest.empty()) add_def(m->rest, kDefLocal, p);
        break;
      }
      case P::MatchClass: {
        auto* c = ast::cast<ast::MatchClass>(p);
        visit_expr(c->cls);
        for (ast::pattern* q : c->patterns) visit_pattern(q);
        for (ast::pattern* q : c->kwd_patterns) visit_pattern(q);
        break;
      }
      case P::MatchStar: {
        auto* st = ast::cast<ast::MatchStar>(p);
        if (!st->name.empty()) add_def(st->name, kDefLocal, p);
        break;
      }
      case P::MatchAs: {
        auto* a = ast::cast<ast::MatchAs>(p);
        if (a->pattern != nullptr) visit_pattern(a->pattern);
        if (!a->name.empty()) add_def(a->name, kDefLocal, p);
        break;
      }
      case P::MatchOr:
        for (ast::pattern* q : ast::cast<ast::MatchOr>(p)->patterns) visit_pattern(q);
        break;
    }
  }

  void visit_comprehension(ast::expr* e, std::string_view name,
                           const ast::Seq<ast::comprehension*>& gens, ast::expr* elt,
                           ast::expr* value, bool is_generator) {
    // The first iterator is evaluated in the enclosing scope.
    visit_expr(gens[0]->iter);
    Scope* s = enter(ScopeKind::kComprehension, name, e, e->lineno);
    s->is_generator = is_generator;
    add_def(".0", kDefParam, e);
    for (size_t i = 0; i < gens.size(); i++) {
      ast::comprehension* g = gens[i];
      visit_expr(g->target);
      if (i > 0) visit_expr(g->iter);
      visit_exprs(g->ifs);
    }
    if (elt != nullptr) visit_expr(elt);
    if (value != nullptr) visit_expr(value);
    leave();
  }

  void visit_named_expr_target(ast::NamedExpr* ne) {
    auto* target = ast::cast<ast::Name>(ne->target);
    if (cur_->kind != ScopeKind::kComprehension) {
      add_def(target->id, kDefLocal, target);
      return;
    }
    std::string_view id = mangled(target->id);
    // PEP 572: binds in the nearest enclosing non-comprehension scope.
    Scope* s = cur_;
    while (s->kind == ScopeKind::kComprehension) s = s->parent;
    if (s->kind == ScopeKind::kClass) {
      fail(ne, "assignment expression within a comprehension cannot be used in a class body");
      return;
    }
    if (s->kind == ScopeKind::kModule) {
      add_def(cur_, id, kDefGlobal);
      add_def(s, id, kDefLocal);
    } else {
      add_def(cur_, id, kDefNonlocal);
      add_def(s, id, kDefLocal);
    }
    for (Scope* c = cur_->parent; c != s; c = c->parent) add_def(c, id, kDefNonlocal);
  }

  void check_yield(ast::expr* e) {
    if (cur_->kind == ScopeKind::kModule || cur_->kind == ScopeKind::kClass) {
      fail(e, "'yield' outside function");
      return;
    }
    if (cur_->kind == ScopeKind::kComprehension) {
      std::string_view n = cur_->name;
      const char* what = n == "<listcomp>"  ? "list comprehension"
                         : n == "<setcomp>" ? "set comprehension"
                         : n == "<dictcomp>" ? "dict comprehension"
                                             : "generator expression";
      fail(e, std::string("'yield' inside ") + what);
      return;
    }
    if (cur_->is_coroutine) {
      fail(e, "asynchronous generators are not supported");
      return;
    }
    cur_->is_generator = true;
  }

  // `await`, `async for`, `async with` belong in an async def (CPython's
  // messages; asynchronous comprehensions are not supported).
  template <class N>
  bool check_async(const N* node, const char* outside_msg) {
    if (cur_->kind == ScopeKind::kComprehension) {
      fail(node, "asynchronous comprehensions are not supported");
      return false;
    }
    if (!cur_->is_coroutine) {
      fail(node, outside_msg);
      return false;
    }
    return true;
  }

  void visit_expr(ast::expr* e) {
    if (!ok_) return;
    using K = ast::ExprKind;
    switch (e->kind) {
      case K::BoolOp:
        visit_exprs(ast::cast<ast::BoolOp>(e)->values);
        break;
      case K::NamedExpr: {
        auto* n = ast::cast<ast::NamedExpr>(e);
        visit_expr(n->value);
        visit_named_expr_target(n);
        break;
      }
      case K::BinOp: {
        auto* b = ast::cast<ast::BinOp>(e);
        visit_expr(b->left);
        visit_expr(b->right);
        break;
      }
      case K::UnaryOp:
        visit_expr(ast::cast<ast::UnaryOp>(e)->operand);
        break;
      case K::Lambda: {
        auto* l = ast::cast<ast::Lambda>(e);
        visit_arguments_defaults(l->args);
        enter(ScopeKind::kLambda, "<lambda>", l, l->lineno);
        add_params(l->args);
        visit_expr(l->body);
        leave();
        break;
      }
      case K::IfExp: {
        auto* i = ast::cast<ast::IfExp>(e);
        visit_expr(i->test);
        visit_expr(i->body);
        visit_expr(i->orelse);
        break;
      }
      case K::Dict: {
        auto* d = ast::cast<ast::Dict>(e);
        visit_exprs(d->keys);
        visit_exprs(d->values);
        break;
      }
      case K::Set:
        visit_exprs(ast::cast<ast::Set>(e)->elts);
        break;
      case K::ListComp: {
        auto* c = ast::cast<ast::ListComp>(e);
        visit_comprehension(e, "<listcomp>", c->generators, c->elt, nullptr, false);
        break;
      }
      case K::SetComp: {
        auto* c = ast::cast<ast::SetComp>(e);
        visit_comprehension(e, "<setcomp>", c->generators, c->elt, nullptr, false);
        break;
      }
      case K::DictComp: {
        auto* c = ast::cast<ast::DictComp>(e);
        visit_comprehension(e, "<dictcomp>", c->generators, c->key, c->value, false);
        break;
      }
      case K::GeneratorExp: {
        auto* c = ast::cast<ast::GeneratorExp>(e);
        visit_comprehension(e, "<genexpr>", c->generators, c->elt, nullptr, true);
        break;
      }
      case K::Yield: {
        auto* y = ast::cast<ast::Yield>(e);
        if (y->value != nullptr) visit_expr(y->value);
        check_yield(e);
        break;
      }
      case K::YieldFrom:
        visit_expr(ast::cast<ast::YieldFrom>(e)->value);
        check_yield(e);
        break;
      case K::Await:
        if (!check_async(e, cur_->is_function_like() ? "'await' outside async function"
                                                     : "'await' outside function"))
          return;
        visit_expr(ast::cast<ast::Await>(e)->value);
        break;
      case K::Compare: {
        auto* c = ast::cast<ast::Compare>(e);
        visit_expr(c->left);
        visit_exprs(c->comparators);
        break;
      }
      case K::Call: {
        auto* c = ast::cast<ast::Call>(e);
        visit_expr(c->func);
        visit_exprs(c->args);
        for (ast::keyword* k : c->keywords) visit_expr(k->value);
        break;
      }
      case K::FormattedValue: {
        auto* f = ast::cast<ast::FormattedValue>(e);
        visit_expr(f->value);
        if (f->format_spec != nullptr) visit_expr(f->format_spec);
        break;
      }
      case K::JoinedStr:
        visit_exprs(ast::cast<ast::JoinedStr>(e)->values);
        break;
      case K::Constant:
        break;
      case K::Attribute:
        visit_expr(ast::cast<ast::Attribute>(e)->value);
        break;
      case K::Subscript: {
        auto* s = ast::cast<ast::Subscript>(e);
        visit_expr(s->value);
        visit_expr(s->slice);
        break;
      }
      case K::Starred:
        visit_expr(ast::cast<ast::Starred>(e)->value);
        break;
      case K::Name: {
        auto* n = ast::cast<ast::Name>(e);
        if (n->ctx == ast::ExprContext::Load) {
          add_def(n->id, kUse, n);
          // Zero-argument super() needs the __class__ cell.
          if (cur_->is_function_like() && n->id == "super") add_def("__class__", kUse, n);
        } else {
          add_def(n->id, kDefLocal, n);
        }
        break;
      }
      case K::List:
        visit_exprs(ast::cast<ast::List>(e)->elts);
        break;
      case K::Tuple:
        visit_exprs(ast::cast<ast::Tuple>(e)->elts);
        break;
      case K::Slice: {
        auto* s = ast::cast<ast::Slice>(e);
        if (s->lower != nullptr) visit_expr(s->lower);
        if (s->upper != nullptr) visit_expr(s->upper);
        if (s->step != nullptr) visit_expr(s->step);
        break;
      }
    }
  }

  // ---- Pass 2 (CPython's analyze_block). ----

  void analyze_name(Scope* s, std::string_view name, uint32_t flags, const NameSet* bound,
                    NameSet* local, NameSet* free, NameSet* global) {
    if (flags & kDefGlobal) {
      s->resolved[name] = NameScope::kGlobalExplicit;
      global->insert(name);
      return;
    }
    if (flags & kDefNonlocal) {
      if (bound == nullptr || bound->count(name) == 0) {
        ok_ = false;
        st_->error_.message = "no binding for nonlocal '" + std::string(name) + "' found";
        st_->error_.lineno = s->lineno;
        return;
      }
      s->resolved[name] = NameScope::kFree;
      free->insert(name);
      return;
    }
    if (flags & kDefBound) {
      s->resolved[name] = NameScope::kLocal;
      local->insert(name);
      global->erase(name);
      return;
    }
    if (bound != nullptr && bound->count(name) != 0) {
      s->resolved[name] = NameScope::kFree;
      free->insert(name);
      return;
    }
    s->resolved[name] = NameScope::kGlobalImplicit;
  }

  // `free` receives the names free in s (for the parent to resolve).
  void analyze(Scope* s, const NameSet* bound, NameSet* free, NameSet* global) {
    NameSet local, newbound, newglobal, newfree;
    NameSet scope_global = *global;
    for (std::string_view n : s->names) {
      analyze_name(s, n, s->flags[n], bound, &local, free, &scope_global);
      if (!ok_) return;
    }
    if (s->kind != ScopeKind::kClass) {
      if (s->is_function_like()) newbound.insert(local.begin(), local.end());
      if (bound != nullptr) newbound.insert(bound->begin(), bound->end());
      newglobal = scope_global;
    } else {
      newglobal = scope_global;
      if (bound != nullptr) newbound = *bound;
      newbound.insert("__class__");
    }
    for (auto& child : s->children) {
      NameSet child_free;
      NameSet child_global = newglobal;
      analyze(child.get(), &newbound, &child_free, &child_global);
      if (!ok_) return;
      newfree.insert(child_free.begin(), child_free.end());
    }
    // Locals that children capture become cells.
    if (s->is_function_like()) {
      for (auto it = newfree.begin(); it != newfree.end();) {
        auto r = s->resolved.find(*it);
        if (r != s->resolved.end() && r->second == NameScope::kLocal) {
          r->second = NameScope::kCell;
          it = newfree.erase(it);
        } else {
          ++it;
        }
      }
    }
    if (s->kind == ScopeKind::kClass && newfree.erase("__class__") > 0) {
      s->needs_class_closure = true;
      s->resolved["__class__"] = NameScope::kCell;
    }
    // Free names of children pass through this scope.
    for (std::string_view n : newfree) {
      auto it = s->flags.find(n);
      if (it != s->flags.end()) {
        if (s->kind == ScopeKind::kClass && (it->second & (kDefBound | kDefGlobal))) {
          it->second |= kDefFreeClass;
        }
        continue;
      }
      if (bound == nullptr || bound->count(n) == 0) continue;
      s->names.push_back(n);
      s->flags[n] = kDefFree;
      s->resolved[n] = NameScope::kFree;
    }
    free->insert(newfree.begin(), newfree.end());
    *global = scope_global;
  }

  Symtable* st_;
  Scope* cur_ = nullptr;
  std::string_view private_;  // innermost enclosing class name (mangling)
  bool ok_ = true;
};

bool Symtable::build(const ast::mod* root) {
  SymtableBuilder b(this);
  return b.run(root);
}

}  // namespace conch::vm
