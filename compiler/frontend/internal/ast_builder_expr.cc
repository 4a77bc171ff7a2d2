#include <cstdlib>

#include "compiler/frontend/internal/builder.h"

namespace mskc::frontend::internal {

using P = mskc_grammar::MskParser;

namespace {

ast::ExprPtr Make(ast::ExprKind kind, ast::Span span) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = span;
  return e;
}

ast::BinaryOp CompOpOf(P::CompOpContext* op) {
  std::string t = op ? op->getText() : "==";
  if (t == "<") return ast::BinaryOp::kLt;
  if (t == "<=") return ast::BinaryOp::kLe;
  if (t == ">") return ast::BinaryOp::kGt;
  if (t == ">=") return ast::BinaryOp::kGe;
  if (t == "!=") return ast::BinaryOp::kNe;
  return ast::BinaryOp::kEq;
}

}  // namespace

ast::ExprPtr AstBuilder::BuildExpr(P::ExprContext* ctx) {
  if (!ctx) return ErrorExpr(nullptr);
  if (auto* i = dynamic_cast<P::IfExprContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kIf, SpanOf(ctx));
    auto parts = i->expr();
    if (parts.size() != 3) return ErrorExpr(ctx);
    for (auto* p : parts) e->args.push_back(BuildExpr(p));
    return e;
  }
  if (auto* q = dynamic_cast<P::QuantExprContext*>(ctx)) return BuildQuantifier(q->quantifier());
  if (auto* p = dynamic_cast<P::PlainExprContext*>(ctx)) return BuildOr(p->orExpr());
  return ErrorExpr(ctx);
}

ast::ExprPtr AstBuilder::BuildQuantifier(P::QuantifierContext* ctx) {
  if (!ctx) return ErrorExpr(nullptr);
  auto e = Make(ast::ExprKind::kQuantifier, SpanOf(ctx));
  if (auto* p = dynamic_cast<P::PredicateQuantContext*>(ctx)) {
    e->quant = p->ANY() ? ast::QuantKind::kAny
             : p->ALL() ? ast::QuantKind::kAll : ast::QuantKind::kLatest;
    ast::Name binder = NameOf(p->name());
    e->text = binder.text;
    e->text_span = binder.span;
    e->args.push_back(p->postfix() ? BuildPostfix(p->postfix()) : ErrorExpr(p));
    e->args.push_back(p->orExpr() ? BuildOr(p->orExpr()) : nullptr);
    e->args.push_back(p->expr() ? BuildExpr(p->expr()) : ErrorExpr(p));
    return e;
  }
  if (auto* c = dynamic_cast<P::CountQuantContext*>(ctx)) {
    e->quant = ast::QuantKind::kCount;
    ast::Name binder = NameOf(c->name());
    e->text = binder.text;
    e->text_span = binder.span;
    e->args.push_back(c->postfix() ? BuildPostfix(c->postfix()) : ErrorExpr(c));
    auto ors = c->orExpr();
    // `where F` and/or `by K`: tell them apart by which keyword is present.
    ast::ExprPtr filter, key;
    size_t i = 0;
    if (c->WHERE() && i < ors.size()) filter = BuildOr(ors[i++]);
    if (c->BY() && i < ors.size()) key = BuildOr(ors[i++]);
    e->args.push_back(std::move(filter));
    e->args.push_back(std::move(key));
    return e;
  }
  return ErrorExpr(ctx);
}

ast::ExprPtr AstBuilder::BuildOr(P::OrExprContext* ctx) {
  if (!ctx) return ErrorExpr(nullptr);
  auto parts = ctx->andExpr();
  if (parts.size() == 1) return BuildAnd(parts[0]);
  auto e = Make(ast::ExprKind::kBinary, SpanOf(ctx));
  e->op = ast::BinaryOp::kOr;
  for (auto* p : parts) e->args.push_back(BuildAnd(p));
  return e;
}

ast::ExprPtr AstBuilder::BuildAnd(P::AndExprContext* ctx) {
  if (!ctx) return ErrorExpr(nullptr);
  auto parts = ctx->notExpr();
  if (parts.size() == 1) return BuildNot(parts[0]);
  auto e = Make(ast::ExprKind::kBinary, SpanOf(ctx));
  e->op = ast::BinaryOp::kAnd;
  for (auto* p : parts) e->args.push_back(BuildNot(p));
  return e;
}

ast::ExprPtr AstBuilder::BuildNot(P::NotExprContext* ctx) {
  if (auto* n = dynamic_cast<P::NotOpContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kNot, SpanOf(ctx));
    e->args.push_back(BuildNot(n->notExpr()));
    return e;
  }
  if (auto* n = dynamic_cast<P::NotNoneContext*>(ctx)) return BuildComparison(n->comparison());
  return ErrorExpr(ctx);
}

void AstBuilder::BuildSet(P::SetOrRefContext* ctx, ast::Expr& into) {
  if (auto* lit = dynamic_cast<P::SetLiteralContext*>(ctx)) {
    into.has_set_literal = true;
    for (auto* item : lit->setItem()) {
      ast::SetItem s;
      s.span = SpanOf(item);
      if (auto* code = dynamic_cast<P::SetCodeContext*>(item)) {
        auto strings = code->STRING();
        if (!strings.empty()) s.low = Unquote(strings[0]->getText());
        if (strings.size() > 1) s.high = Unquote(strings[1]->getText());
      } else if (auto* name = dynamic_cast<P::SetNameContext*>(item)) {
        s.kind = ast::SetItem::Kind::kName;
        s.low = name->name() ? name->name()->getText() : "";
      }
      into.set_items.push_back(std::move(s));
    }
  } else if (auto* ref = dynamic_cast<P::SetExprContext*>(ctx)) {
    into.args.push_back(BuildAdditive(ref->additive()));
  } else {
    into.args.push_back(ErrorExpr(ctx));
  }
}

ast::ExprPtr AstBuilder::BuildComparison(P::ComparisonContext* ctx) {
  if (auto* c = dynamic_cast<P::CompareContext*>(ctx)) {
    auto sides = c->additive();
    if (sides.size() == 1) return BuildAdditive(sides[0]);
    auto e = Make(ast::ExprKind::kBinary, SpanOf(ctx));
    e->op = CompOpOf(c->compOp());
    e->text_span = SpanOf(c->compOp());
    e->args.push_back(BuildAdditive(sides[0]));
    e->args.push_back(sides.size() > 1 ? BuildAdditive(sides[1]) : ErrorExpr(c));
    return e;
  }
  if (auto* m = dynamic_cast<P::MembershipContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kIn, SpanOf(ctx));
    e->negated = m->NOT() != nullptr;
    e->args.push_back(BuildAdditive(m->additive()));
    BuildSet(m->setOrRef(), *e);
    return e;
  }
  if (auto* c = dynamic_cast<P::ContainsContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kContains, SpanOf(ctx));
    e->any_of = c->ANY() != nullptr;
    e->args.push_back(BuildAdditive(c->additive()));
    BuildSet(c->setOrRef(), *e);
    return e;
  }
  return ErrorExpr(ctx);
}

ast::ExprPtr AstBuilder::BuildAdditive(P::AdditiveContext* ctx) {
  if (!ctx) return ErrorExpr(nullptr);
  auto parts = ctx->multiplicative();
  if (parts.empty()) return ErrorExpr(ctx);
  ast::ExprPtr left = BuildMultiplicative(parts[0]);
  // Operators are the terminal children between operands, in order.
  size_t operand = 1;
  for (auto* child : ctx->children) {
    auto* term = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    if (!term || operand >= parts.size()) continue;
    auto e = Make(ast::ExprKind::kBinary, {file_, left->span.begin, SpanOf(parts[operand]).end});
    e->op = term->getText() == "+" ? ast::BinaryOp::kAdd : ast::BinaryOp::kSub;
    e->text_span = SpanOf(term);
    e->args.push_back(std::move(left));
    e->args.push_back(BuildMultiplicative(parts[operand++]));
    left = std::move(e);
  }
  return left;
}

ast::ExprPtr AstBuilder::BuildMultiplicative(P::MultiplicativeContext* ctx) {
  if (!ctx) return ErrorExpr(nullptr);
  auto parts = ctx->unary();
  if (parts.empty()) return ErrorExpr(ctx);
  ast::ExprPtr left = BuildUnary(parts[0]);
  size_t operand = 1;
  for (auto* child : ctx->children) {
    auto* term = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    if (!term || operand >= parts.size()) continue;
    auto e = Make(ast::ExprKind::kBinary, {file_, left->span.begin, SpanOf(parts[operand]).end});
    e->op = term->getText() == "*" ? ast::BinaryOp::kMul : ast::BinaryOp::kDiv;
    e->text_span = SpanOf(term);
    e->args.push_back(std::move(left));
    e->args.push_back(BuildUnary(parts[operand++]));
    left = std::move(e);
  }
  return left;
}

ast::ExprPtr AstBuilder::BuildUnary(P::UnaryContext* ctx) {
  if (auto* n = dynamic_cast<P::NegateContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kNegate, SpanOf(ctx));
    e->args.push_back(BuildUnary(n->unary()));
    return e;
  }
  if (auto* u = dynamic_cast<P::UnaryNoneContext*>(ctx)) return BuildPostfix(u->postfix());
  return ErrorExpr(ctx);
}

ast::ExprPtr AstBuilder::BuildPostfix(P::PostfixContext* ctx) {
  if (!ctx) return ErrorExpr(nullptr);
  ast::ExprPtr e = BuildPrimary(ctx->primary());
  for (auto* n : ctx->name()) {
    auto m = Make(ast::ExprKind::kMember, {file_, e->span.begin, SpanOf(n).end});
    ast::Name name = NameOf(n);
    m->text = name.text;
    m->text_span = name.span;
    m->args.push_back(std::move(e));
    e = std::move(m);
  }
  return e;
}

ast::ExprPtr AstBuilder::BuildPrimary(P::PrimaryContext* ctx) {
  if (!ctx) return ErrorExpr(nullptr);
  ast::Span span = SpanOf(ctx);
  if (auto* n = dynamic_cast<P::NumberLitContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kNumber, span);
    e->number = n->NUMBER() ? std::strtod(n->NUMBER()->getText().c_str(), nullptr) : 0;
    if (auto* u = n->durationUnit()) {
      e->unit = u->BUSINESS() ? ast::DurationUnit::kBusinessDays
              : u->DAYS()     ? ast::DurationUnit::kDays
              : u->WEEKS()    ? ast::DurationUnit::kWeeks
              : u->MONTHS()   ? ast::DurationUnit::kMonths
                              : ast::DurationUnit::kYears;
    }
    return e;
  }
  if (auto* d = dynamic_cast<P::DateLitContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kDate, span);
    e->text = d->DATE() ? d->DATE()->getText() : "";
    return e;
  }
  if (auto* s = dynamic_cast<P::StringLitContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kString, span);
    e->text = StringOf(s->STRING());
    return e;
  }
  if (auto* b = dynamic_cast<P::BoolLitContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kBool, span);
    e->bool_value = b->TRUE() != nullptr;
    return e;
  }
  if (auto* g = dynamic_cast<P::GroupCallContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kGroup, span);
    e->group = g->ALL() ? ast::GroupKind::kAll
             : g->ANY() ? ast::GroupKind::kAny : ast::GroupKind::kNone;
    for (auto* x : g->expr()) e->args.push_back(BuildExpr(x));
    return e;
  }
  if (auto* a = dynamic_cast<P::AtLeastCallContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kAtLeast, span);
    e->count = a->NUMBER() ? std::strtoll(a->NUMBER()->getText().c_str(), nullptr, 10) : 0;
    e->text_span = SpanOf(a->NUMBER());
    for (auto* x : a->expr()) e->args.push_back(BuildExpr(x));
    return e;
  }
  if (auto* c = dynamic_cast<P::CallContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kCall, span);
    ast::Name name = NameOf(c->name());
    e->text = name.text;
    e->text_span = name.span;
    for (auto* x : c->expr()) e->args.push_back(BuildExpr(x));
    return e;
  }
  if (auto* n = dynamic_cast<P::NameRefContext*>(ctx)) {
    auto e = Make(ast::ExprKind::kName, span);
    e->text = n->name() ? n->name()->getText() : "";
    e->text_span = span;
    return e;
  }
  if (auto* p = dynamic_cast<P::ParenContext*>(ctx)) {
    ast::ExprPtr inner = BuildExpr(p->expr());
    return inner;
  }
  return ErrorExpr(ctx);
}

}  // namespace mskc::frontend::internal
