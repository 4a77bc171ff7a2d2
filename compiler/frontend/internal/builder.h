// Parse tree → AST. One builder per file; null-safe on partial trees.
#pragma once
#include <string>

#include "MskParser.h"
#include "compiler/ast/ast.h"
#include "compiler/source/source_manager.h"

namespace mskc::frontend::internal {

class AstBuilder {
 public:
  AstBuilder(source::FileId file, const source::SourceManager& sources)
      : file_(file), sources_(sources) {}

  ast::File BuildFile(mskc_grammar::MskParser::FileContext* ctx);

  // Declarations (ast_builder_decl.cc).
  ast::FactDecl BuildFact(mskc_grammar::MskParser::FactDeclContext* ctx);
  ast::CodesDecl BuildCodes(mskc_grammar::MskParser::CodesDeclContext* ctx);
  ast::LetDecl BuildLet(mskc_grammar::MskParser::LetDeclContext* ctx);
  ast::GuidelineDecl BuildGuideline(mskc_grammar::MskParser::GuidelineDeclContext* ctx);
  ast::CriterionDecl BuildCriterion(mskc_grammar::MskParser::CriterionDeclContext* ctx);
  ast::NoteDecl BuildNote(mskc_grammar::MskParser::NoteDeclContext* ctx);
  std::vector<ast::SetItem> BuildCodeSet(mskc_grammar::MskParser::CodeSetContext* ctx);

  // Plans (ast_builder_plan.cc).
  ast::PlanDecl BuildPlan(mskc_grammar::MskParser::PlanDeclContext* ctx);

  // Expressions (ast_builder_expr.cc).
  ast::ExprPtr BuildExpr(mskc_grammar::MskParser::ExprContext* ctx);

  // Helpers (ast_builder.cc).
  ast::Span SpanOf(antlr4::ParserRuleContext* ctx) const;
  ast::Span SpanOf(antlr4::tree::TerminalNode* node) const;
  ast::Span SpanOf(antlr4::Token* token) const;
  ast::Name NameOf(mskc_grammar::MskParser::NameContext* ctx) const;
  ast::Name NameOf(mskc_grammar::MskParser::QualifiedNameContext* ctx) const;
  ast::DateText DateOf(antlr4::tree::TerminalNode* node) const;
  static std::string Unquote(const std::string& literal);
  std::string StringOf(antlr4::tree::TerminalNode* node) const {
    return node ? Unquote(node->getText()) : std::string();
  }
  ast::ExprPtr ErrorExpr(antlr4::ParserRuleContext* ctx) const;

 private:
  ast::ExprPtr BuildQuantifier(mskc_grammar::MskParser::QuantifierContext* ctx);
  ast::ExprPtr BuildOr(mskc_grammar::MskParser::OrExprContext* ctx);
  ast::ExprPtr BuildAnd(mskc_grammar::MskParser::AndExprContext* ctx);
  ast::ExprPtr BuildNot(mskc_grammar::MskParser::NotExprContext* ctx);
  ast::ExprPtr BuildComparison(mskc_grammar::MskParser::ComparisonContext* ctx);
  ast::ExprPtr BuildAdditive(mskc_grammar::MskParser::AdditiveContext* ctx);
  ast::ExprPtr BuildMultiplicative(mskc_grammar::MskParser::MultiplicativeContext* ctx);
  ast::ExprPtr BuildUnary(mskc_grammar::MskParser::UnaryContext* ctx);
  ast::ExprPtr BuildPostfix(mskc_grammar::MskParser::PostfixContext* ctx);
  ast::ExprPtr BuildPrimary(mskc_grammar::MskParser::PrimaryContext* ctx);
  void BuildSet(mskc_grammar::MskParser::SetOrRefContext* ctx, ast::Expr& into);

  source::FileId file_;
  const source::SourceManager& sources_;
};

}  // namespace mskc::frontend::internal
