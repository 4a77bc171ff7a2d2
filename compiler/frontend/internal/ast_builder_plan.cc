#include <cstdlib>

#include "compiler/frontend/internal/builder.h"

namespace mskc::frontend::internal {

using P = mskc_grammar::MskParser;
using Kind = ast::PlanItem::Kind;

namespace {
double NumberOf(antlr4::tree::TerminalNode* node) {
  return node ? std::strtod(node->getText().c_str(), nullptr) : 0;
}
}  // namespace

ast::PlanDecl AstBuilder::BuildPlan(P::PlanDeclContext* ctx) {
  ast::PlanDecl plan;
  plan.span = SpanOf(ctx);
  auto codes = ctx->planCode();
  auto code_of = [&](P::PlanCodeContext* c) { return ast::Name{c->getText(), SpanOf(c)}; };
  if (!codes.empty()) plan.code = code_of(codes[0]);
  if (ctx->EXTENDS() && codes.size() > 1) plan.extends = code_of(codes[1]);
  plan.title = StringOf(ctx->STRING());
  for (auto* item : ctx->planItem()) {
    ast::PlanItem p;
    p.span = SpanOf(item);
    if (dynamic_cast<P::ManagesAllItemContext*>(item)) {
      p.kind = Kind::kManagesAll;
    } else if (auto* m = dynamic_cast<P::ManagesItemContext*>(item)) {
      p.kind = Kind::kManages;
      for (auto* q : m->qualifiedName()) p.names.push_back(NameOf(q));
    } else if (auto* s = dynamic_cast<P::ProgramStartItemContext*>(item)) {
      p.kind = Kind::kProgramStart;
      p.dates.push_back(DateOf(s->DATE()));
    } else if (auto* s = dynamic_cast<P::SoftLaunchItemContext*>(item)) {
      p.kind = Kind::kSoftLaunch;
      for (auto* d : s->DATE()) p.dates.push_back(DateOf(d));
      for (auto* n : s->name()) p.names.push_back(NameOf(n));
    } else if (auto* g = dynamic_cast<P::GoalStayItemContext*>(item)) {
      p.kind = Kind::kGoalStay;
      if (g->qualifiedName()) {
        ast::Name n = NameOf(g->qualifiedName());
        if (n.text == "default") p.is_default = true;
        else p.names.push_back(n);
      } else {
        p.is_default = true;
      }
      p.number = NumberOf(g->NUMBER());
    } else if (auto* s = dynamic_cast<P::SiteOfCareItemContext*>(item)) {
      p.kind = Kind::kSiteOfCare;
      p.codes = BuildCodeSet(s->codeSet());
    } else if (auto* m = dynamic_cast<P::ManualReviewItemContext*>(item)) {
      p.kind = Kind::kManualReview;
      p.codes = BuildCodeSet(m->codeSet());
    } else if (auto* d = dynamic_cast<P::PendDeadlineItemContext*>(item)) {
      p.kind = Kind::kPendDeadline;
      p.number = NumberOf(d->NUMBER());
    } else if (auto* s = dynamic_cast<P::StateOverrideItemContext*>(item)) {
      p.kind = Kind::kStateOverride;
      for (auto* n : s->name()) p.names.push_back(NameOf(n));
      p.number = NumberOf(s->NUMBER());
    } else if (auto* c = dynamic_cast<P::ClosedItemContext*>(item)) {
      p.kind = Kind::kClosed;
      for (auto* d : c->DATE()) p.dates.push_back(DateOf(d));
    } else {
      continue;
    }
    plan.items.push_back(std::move(p));
  }
  return plan;
}

}  // namespace mskc::frontend::internal
