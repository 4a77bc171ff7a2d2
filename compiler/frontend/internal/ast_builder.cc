#include "compiler/frontend/internal/builder.h"

namespace mskc::frontend::internal {

using P = mskc_grammar::MskParser;

ast::Span AstBuilder::SpanOf(antlr4::Token* token) const {
  if (!token) return {file_, 0, 0};
  uint32_t begin = sources_.OffsetOf(file_, token->getLine(),
                                     token->getCharPositionInLine() + 1);
  std::string text = token->getType() == antlr4::Token::EOF ? "" : token->getText();
  return {file_, begin, begin + static_cast<uint32_t>(text.size())};
}

ast::Span AstBuilder::SpanOf(antlr4::tree::TerminalNode* node) const {
  return node ? SpanOf(node->getSymbol()) : ast::Span{file_, 0, 0};
}

ast::Span AstBuilder::SpanOf(antlr4::ParserRuleContext* ctx) const {
  if (!ctx || !ctx->getStart()) return {file_, 0, 0};
  ast::Span begin = SpanOf(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  if (!stop || stop->getTokenIndex() < ctx->getStart()->getTokenIndex()) return begin;
  ast::Span end = SpanOf(stop);
  return {file_, begin.begin, std::max(begin.end, end.end)};
}

ast::Name AstBuilder::NameOf(P::NameContext* ctx) const {
  if (!ctx) return {"", {file_, 0, 0}};
  return {ctx->getText(), SpanOf(ctx)};
}

ast::Name AstBuilder::NameOf(P::QualifiedNameContext* ctx) const {
  if (!ctx) return {"", {file_, 0, 0}};
  std::string text;
  for (auto* n : ctx->name()) {
    if (!text.empty()) text += '.';
    text += n->getText();
  }
  return {text, SpanOf(ctx)};
}

ast::DateText AstBuilder::DateOf(antlr4::tree::TerminalNode* node) const {
  if (!node) return {"", {file_, 0, 0}};
  return {node->getText(), SpanOf(node)};
}

std::string AstBuilder::Unquote(const std::string& literal) {
  if (literal.size() < 2) return literal;
  std::string out;
  for (size_t i = 1; i + 1 < literal.size(); ++i) {
    char c = literal[i];
    if (c == '\\' && i + 2 < literal.size()) {
      char next = literal[++i];
      out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else {
      out += c;
    }
  }
  return out;
}

ast::ExprPtr AstBuilder::ErrorExpr(antlr4::ParserRuleContext* ctx) const {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::kError;
  e->span = SpanOf(ctx);
  return e;
}

ast::File AstBuilder::BuildFile(P::FileContext* ctx) {
  ast::File file;
  file.file = file_;
  if (!ctx) return file;
  for (auto* imp : ctx->importDecl()) {
    if (!imp || !imp->qualifiedName()) continue;
    ast::Name n = NameOf(imp->qualifiedName());
    file.imports.push_back({n.text, SpanOf(imp)});
  }
  for (auto* d : ctx->decl()) {
    if (!d) continue;
    if (d->factDecl()) file.facts.push_back(BuildFact(d->factDecl()));
    else if (d->codesDecl()) file.codes.push_back(BuildCodes(d->codesDecl()));
    else if (d->letDecl()) file.lets.push_back(BuildLet(d->letDecl()));
    else if (d->guidelineDecl()) file.guidelines.push_back(BuildGuideline(d->guidelineDecl()));
    else if (d->planDecl()) file.plans.push_back(BuildPlan(d->planDecl()));
  }
  return file;
}

}  // namespace mskc::frontend::internal
