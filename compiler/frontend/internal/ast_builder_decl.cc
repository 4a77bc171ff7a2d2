#include <cstdlib>

#include "compiler/frontend/internal/builder.h"

namespace mskc::frontend::internal {

using P = mskc_grammar::MskParser;

ast::FactDecl AstBuilder::BuildFact(P::FactDeclContext* ctx) {
  ast::FactDecl f;
  f.span = SpanOf(ctx);
  f.name = NameOf(ctx->name());
  f.description = StringOf(ctx->STRING());
  auto* t = ctx->factType();
  if (!t) return f;
  f.type.span = SpanOf(t);
  if (dynamic_cast<P::BoolTypeContext*>(t)) {
    f.type.kind = ast::FactType::Kind::kBool;
  } else if (auto* n = dynamic_cast<P::NumberTypeContext*>(t)) {
    f.type.kind = ast::FactType::Kind::kNumber;
    if (auto* r = n->numberRange()) {
      auto numbers = r->NUMBER();
      if (!numbers.empty()) f.type.min = std::strtod(numbers[0]->getText().c_str(), nullptr);
      if (numbers.size() > 1) f.type.max = std::strtod(numbers[1]->getText().c_str(), nullptr);
    }
  } else if (dynamic_cast<P::DateTypeContext*>(t)) {
    f.type.kind = ast::FactType::Kind::kDate;
  } else if (auto* e = dynamic_cast<P::EnumTypeContext*>(t)) {
    f.type.kind = ast::FactType::Kind::kEnum;
    if (e->nameList())
      for (auto* n : e->nameList()->name()) f.type.members.push_back(NameOf(n));
  } else if (auto* l = dynamic_cast<P::ListTypeContext*>(t)) {
    f.type.kind = ast::FactType::Kind::kList;
    if (l->nameList())
      for (auto* n : l->nameList()->name()) f.type.members.push_back(NameOf(n));
  }
  return f;
}

std::vector<ast::SetItem> AstBuilder::BuildCodeSet(P::CodeSetContext* ctx) {
  std::vector<ast::SetItem> items;
  if (!ctx) return items;
  for (auto* item : ctx->codeItem()) {
    ast::SetItem s;
    s.span = SpanOf(item);
    if (auto* lit = dynamic_cast<P::CodeLiteralContext*>(item)) {
      auto strings = lit->STRING();
      s.kind = ast::SetItem::Kind::kCode;
      if (!strings.empty()) s.low = Unquote(strings[0]->getText());
      if (strings.size() > 1) s.high = Unquote(strings[1]->getText());
    } else if (auto* ref = dynamic_cast<P::CodeRefContext*>(item)) {
      s.kind = ast::SetItem::Kind::kName;
      s.low = ref->name() ? ref->name()->getText() : "";
    }
    items.push_back(std::move(s));
  }
  return items;
}

ast::CodesDecl AstBuilder::BuildCodes(P::CodesDeclContext* ctx) {
  ast::CodesDecl c;
  c.span = SpanOf(ctx);
  c.name = NameOf(ctx->name());
  c.items = BuildCodeSet(ctx->codeSet());
  return c;
}

ast::LetDecl AstBuilder::BuildLet(P::LetDeclContext* ctx) {
  ast::LetDecl l;
  l.span = SpanOf(ctx);
  l.name = NameOf(ctx->name());
  if (auto* params = ctx->paramList()) {
    l.has_params = true;
    for (auto* p : params->param()) {
      ast::Param param;
      param.name = NameOf(p->name());
      if (auto* t = p->paramType()) {
        if (t->BOOL()) param.type = ast::ParamType::kBool;
        else if (t->DATE_T()) param.type = ast::ParamType::kDate;
        else if (t->CODES()) param.type = ast::ParamType::kCodes;
        else param.type = ast::ParamType::kNumber;
      }
      l.params.push_back(std::move(param));
    }
  }
  l.body = ctx->expr() ? BuildExpr(ctx->expr()) : ErrorExpr(ctx);
  return l;
}

namespace {

void ApplyRange(const AstBuilder& b, P::VersionRangeContext* r,
                std::optional<ast::DateText>& from, std::optional<ast::DateText>& before) {
  if (!r) return;
  auto dates = r->DATE();
  if (r->FROM()) {
    if (!dates.empty()) from = b.DateOf(dates[0]);
    if (r->BEFORE() && dates.size() > 1) before = b.DateOf(dates[1]);
  } else if (!dates.empty()) {
    before = b.DateOf(dates[0]);
  }
}

}  // namespace

ast::CriterionDecl AstBuilder::BuildCriterion(P::CriterionDeclContext* ctx) {
  ast::CriterionDecl c;
  c.span = SpanOf(ctx);
  if (auto* s = dynamic_cast<P::SimpleCriterionContext*>(ctx)) {
    c.id = NameOf(s->name());
    c.text = StringOf(s->STRING());
    if (s->citation()) c.citation = StringOf(s->citation()->STRING());
    if (s->unmetReason()) c.unmet_reason = NameOf(s->unmetReason()->name());
    ast::CriterionBody body;
    body.span = SpanOf(s);
    ApplyRange(*this, s->versionRange(), body.from, body.before);
    body.expr = s->expr() ? BuildExpr(s->expr()) : ErrorExpr(s);
    c.bodies.push_back(std::move(body));
  } else if (auto* v = dynamic_cast<P::VersionedCriterionContext*>(ctx)) {
    c.id = NameOf(v->name());
    c.text = StringOf(v->STRING());
    if (v->citation()) c.citation = StringOf(v->citation()->STRING());
    if (v->unmetReason()) c.unmet_reason = NameOf(v->unmetReason()->name());
    for (auto* b : v->criterionBody()) {
      ast::CriterionBody body;
      body.span = SpanOf(b);
      body.from = DateOf(b->DATE());
      if (b->STRING()) body.text = StringOf(b->STRING());
      body.expr = b->expr() ? BuildExpr(b->expr()) : ErrorExpr(b);
      c.bodies.push_back(std::move(body));
    }
  }
  return c;
}

ast::NoteDecl AstBuilder::BuildNote(P::NoteDeclContext* ctx) {
  ast::NoteDecl n;
  n.span = SpanOf(ctx);
  if (auto* k = ctx->noteKind()) {
    if (k->RECOMMENDATION()) n.kind = ast::NoteKind::kRecommendation;
    else if (k->EDUCATION()) n.kind = ast::NoteKind::kEducation;
    else n.kind = ast::NoteKind::kNotice;
  }
  n.text = StringOf(ctx->STRING());
  ApplyRange(*this, ctx->versionRange(), n.from, n.before);
  if (ctx->expr()) n.when = BuildExpr(ctx->expr());
  return n;
}

ast::GuidelineDecl AstBuilder::BuildGuideline(P::GuidelineDeclContext* ctx) {
  ast::GuidelineDecl g;
  g.span = SpanOf(ctx);
  g.id = NameOf(ctx->qualifiedName());
  for (auto* item : ctx->guidelineItem()) {
    if (auto* t = dynamic_cast<P::TitleItemContext*>(item)) {
      g.title = StringOf(t->STRING());
    } else if (auto* k = dynamic_cast<P::KindItemContext*>(item)) {
      g.kind = NameOf(k->name());
    } else if (auto* c = dynamic_cast<P::CodesItemContext*>(item)) {
      g.has_codes = true;
      g.codes_span = SpanOf(c);
      auto items = BuildCodeSet(c->codeSet());
      g.codes.insert(g.codes.end(), items.begin(), items.end());
    } else if (auto* s = dynamic_cast<P::SourceItemContext*>(item)) {
      g.source = StringOf(s->STRING());
    } else if (auto* v = dynamic_cast<P::VersionItemContext*>(item)) {
      ast::VersionDecl version;
      version.span = SpanOf(v);
      auto dates = v->DATE();
      if (!dates.empty()) version.start = DateOf(dates[0]);
      if (v->UNTIL() && dates.size() > 1) version.until = DateOf(dates[1]);
      version.description = StringOf(v->STRING());
      g.versions.push_back(std::move(version));
    } else if (auto* l = dynamic_cast<P::LetItemContext*>(item)) {
      if (l->letDecl()) g.lets.push_back(BuildLet(l->letDecl()));
    } else if (auto* c = dynamic_cast<P::CriterionItemContext*>(item)) {
      if (c->criterionDecl()) g.criteria.push_back(BuildCriterion(c->criterionDecl()));
    } else if (auto* n = dynamic_cast<P::NoteItemContext*>(item)) {
      if (n->noteDecl()) g.notes.push_back(BuildNote(n->noteDecl()));
    }
  }
  return g;
}

}  // namespace mskc::frontend::internal
