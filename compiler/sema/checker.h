// The checker's shared state: symbol tables, the program being built, and the expression
// lowering context. Split across checker_*.cc by construct.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/sema/sema.h"
#include "compiler/sema/types.h"

namespace mskc::sema {

struct Typed {
  Type type;
  const ir::Node* node = nullptr;  // null for kError / kCodeSet / kNamespace / kDuration
  int32_t code_set = -1;           // kCodeSet: index into program.code_sets
  const ir::Node* amount = nullptr;  // kDuration: the amount (number node)
};

// A let's parameter bound at a call site.
struct Binding {
  std::string name;
  Typed value;
};

class Checker {
 public:
  Checker(const std::vector<Module>& modules, const source::SourceManager& sources,
          diag::DiagnosticEngine& diags);
  std::unique_ptr<ir::Program> Run();

 private:
  // ---- declarations (checker_decl.cc) ----
  void CollectDeclarations();
  void DeclareBuiltins();
  void DeclareFact(size_t module, const ast::FactDecl& f);
  void LayoutFrame();
  bool Visible(size_t from_module, size_t decl_module) const;
  std::optional<Date> ParseDate(const ast::DateText& d);
  // Builds a code set from items (codes, ranges, names of `codes` declarations).
  void CheckDeclaredCodeSets();
  CodeSet BuildCodeSet(const std::vector<ast::SetItem>& items, size_t module);
  void AddCodeItems(const std::vector<ast::SetItem>& items, size_t module, CodeSet& out,
                    std::set<std::string>& visiting);
  bool ValidCodePattern(const std::string& code) const;

  // ---- guidelines (checker_guideline.cc) ----
  void CheckGuidelines();
  void CheckGuideline(size_t module, const ast::GuidelineDecl& g);
  void CheckCodeOverlaps();

  // ---- plans (checker_plan.cc) ----
  void CheckPlans();

  // ---- expressions (checker_expr*.cc) ----
  Typed Lower(const ast::Expr& e);
  Typed LowerName(const ast::Expr& e);
  Typed LowerMember(const ast::Expr& e);
  Typed LowerCall(const ast::Expr& e);
  Typed LowerBinary(const ast::Expr& e);
  Typed LowerCompare(const ast::Expr& e);
  Typed LowerArith(const ast::Expr& e);
  Typed LowerIn(const ast::Expr& e);
  Typed LowerContains(const ast::Expr& e);
  Typed LowerQuantifier(const ast::Expr& e);
  Typed LowerLet(const ast::Expr& use, size_t let_index, std::vector<Typed> args);
  // A bool-typed operand: reports "expected a condition" otherwise.
  const ir::Node* ExpectBool(const ast::Expr& e, const Typed& t);
  // Resolves `name` as a member of enum `enum_id` (type-directed enum values).
  std::optional<int32_t> EnumMember(int32_t enum_id, const std::string& name) const;
  // The set literal / set reference of an `in` / `contains`, for a code or enum element.
  bool LowerSetOperand(const ast::Expr& e, const Type& element, int32_t* code_set,
                       uint64_t* enum_set);
  void ReportUnknownName(const ast::Expr& e, const std::string& name);
  std::vector<std::string> NamesInScope() const;

  ir::Node* NewNode(ir::Op op, ir::ValueType type, ast::Span span);
  const ir::Node* SlotNode(const std::string& key, ast::Span span);
  Typed Error() { return Typed{}; }
  diag::Diagnostic& Err(diag::DiagId id, ast::Span span, std::string message);
  std::string TypeName(const Type& t) const { return Describe(t, program_->enums); }

  const std::vector<Module>& modules_;
  const source::SourceManager& sources_;
  diag::DiagnosticEngine& diags_;
  std::unique_ptr<ir::Program> program_;

  // Symbols. Facts, codes and lets are global names; a use must see the declaring module
  // (the same file or a transitive import).
  struct FactSym { size_t module; const ast::FactDecl* decl; Type type; };
  struct CodesSym { size_t module; const ast::CodesDecl* decl; };
  struct LetSym { size_t module; const ast::LetDecl* decl; std::string guideline; };
  std::map<std::string, FactSym> facts_;
  std::map<std::string, CodesSym> codes_;
  std::vector<LetSym> lets_;
  std::map<std::string, Type> builtins_;          // top-level builtin names → type
  std::map<std::string, Type> member_fields_;     // member.*
  std::map<std::string, Type> line_fields_;       // line.*
  std::vector<std::set<size_t>> reach_;           // transitive imports incl. self
  std::map<std::string, int32_t> code_set_cache_; // canonical text → id

  // Expression context.
  size_t module_ = 0;
  std::string guideline_;                         // current guideline id ("" at top level)
  std::vector<std::pair<std::string, Type>> binders_;   // quantifier variables, innermost last
  std::vector<std::vector<Binding>> bindings_;          // let parameters, innermost last
  std::map<size_t, Typed> let_cache_;                   // parameterless lets, lowered once
  std::vector<size_t> let_stack_;                       // recursion guard
  int suppress_ = 0;                                     // >0: re-lowering a checked let body
};

}  // namespace mskc::sema
