// The compiler: AST (vm/parse/ast.h) to code objects (vm/compile/code.h).
//
// compile_source (vm/interp.h) parses, builds the symbol table
// (symtable.h), and compiles.  Code generation follows CPython 3.11's
// compile.c closely -- same opcode names, same call convention, same
// placement of line numbers (each instruction carries the line of the
// innermost expression or statement being compiled) -- with a 3.10-style
// block stack for exceptions (see opcodes.h for why).
//
// Per code object a CodeUnit collects instructions with symbolic jump
// targets (labels), constants (deduplicated by type and value), names and
// the frame-block stack used to unwind `return`/`break`/`continue` through
// `try`/`with`/`for`.  assemble() resolves labels to absolute instruction
// indices, computes the maximum stack depth by walking every path, builds
// the run-length line table and makes the code object.
//
// Errors: SyntaxError (compile-time checks CPython's compiler makes) set as
// a Python exception with (filename, lineno, offset, text, end_lineno,
// end_offset), as CPython's SyntaxError carries.
#pragma once

#include <string_view>

#include "vm/interp.h"
#include "vm/object.h"
#include "vm/parse/ast.h"

namespace conch::vm {

// Compiles an already parsed tree.  `source` supplies SyntaxError.text.
Object* compile_ast(const ast::mod* root, std::string_view filename, std::string_view source,
                    CompileMode mode);

// Raises SyntaxError(msg, (filename, lineno, offset, text, end_lineno,
// end_offset)); offsets are 1-based as Python reports them.  text is taken
// from `source` (the whole file) when lineno is valid.
void raise_syntax_error(Type* type, std::string_view msg, std::string_view filename,
                        std::string_view source, int lineno, int offset, int end_lineno,
                        int end_offset);

}  // namespace conch::vm
