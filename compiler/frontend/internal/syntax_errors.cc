#include "compiler/frontend/internal/syntax_errors.h"

#include <fmt/format.h>

#include <set>

#include "runtime/core/limits.h"

namespace mskc::frontend::internal {

using P = mskc_grammar::MskParser;

namespace {

constexpr size_t kMaxSyntaxErrorsPerFile = limits::kMaxSyntaxErrorsPerFile;

std::string Describe(const antlr4::dfa::Vocabulary& vocab, size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case P::ID: return "a name";
    case P::NUMBER: return "a number";
    case P::STRING: return "a string";
    case P::DATE: return "a date";
    default: break;
  }
  std::string literal = vocab.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'') literal = literal.substr(1, literal.size() - 2);
  if (literal.empty()) literal = vocab.getDisplayName(type);
  return "`" + literal + "`";
}

// A friendly name for what the parser wanted, from the rule it was in.
std::string ExpectedFromRule(size_t rule) {
  switch (rule) {
    case P::RuleFile:
    case P::RuleDecl:
      return "a declaration (`import`, `fact`, `codes`, `let`, `guideline` or `plan`)";
    case P::RuleGuidelineDecl:
    case P::RuleGuidelineItem:
      return "a guideline item (`title`, `kind`, `codes`, `source`, `version`, `let`, "
             "`criterion`, `notice`, `recommendation` or `}`)";
    case P::RulePlanDecl:
    case P::RulePlanItem:
      return "a plan setting (`manages`, `program start`, `soft launch`, `goal stay`, "
             "`site of care`, `manual review`, `pend deadline`, `state`, `closed` or `}`)";
    case P::RuleFactType:
      return "a fact type (`bool`, `number`, `date`, `one of {...}` or `list of {...}`)";
    case P::RuleCriterionDecl:
    case P::RuleCriterionBody:
      return "`=` and the criterion's expression";
    case P::RuleCodeSet:
    case P::RuleCodeItem:
    case P::RuleSetItem:
      return "a code in quotes or a code-set name";
    default:
      return "an expression";
  }
}

}  // namespace

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending,
                                      size_t line, size_t column, const std::string& msg,
                                      std::exception_ptr) {
  // One error per line keeps recovery noise out; a cap keeps a broken file from flooding.
  if (line == last_line_ && count_ > 0) return;
  last_line_ = line;
  if (++count_ > kMaxSyntaxErrorsPerFile) {
    if (count_ == kMaxSyntaxErrorsPerFile + 1)
      diags_.Error(diag::DiagId::kTooManyErrors, {file_, 0, 0},
                   "too many syntax errors in this file; stopping");
    return;
  }
  uint32_t begin = sources_.OffsetOf(file_, line, column + 1);
  std::string found;
  uint32_t width = 1;
  if (offending && offending->getType() != antlr4::Token::EOF) {
    std::string text = offending->getText();
    width = std::max<uint32_t>(1, text.size());
    if (offending->getType() == P::ERROR_CHAR) {
      found = text == "\"" ? "an unterminated string" : fmt::format("unexpected character `{}`", text);
    } else {
      found = fmt::format("`{}`", text);
    }
  } else {
    found = "end of file";
  }

  std::string expected;
  if (auto* parser = dynamic_cast<antlr4::Parser*>(recognizer)) {
    antlr4::misc::IntervalSet set;
    try {
      set = parser->getExpectedTokens();
    } catch (...) {
    }
    std::vector<ssize_t> types = set.toList();
    if (!types.empty() && types.size() <= 3) {
      std::vector<std::string> names;
      for (ssize_t t : types) names.push_back(Describe(parser->getVocabulary(), t));
      for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) expected += (i + 1 == names.size()) ? " or " : ", ";
        expected += names[i];
      }
    } else if (parser->getContext()) {
      expected = ExpectedFromRule(parser->getContext()->getRuleIndex());
    }
  }
  std::string message;
  if (offending && offending->getType() == P::ERROR_CHAR) {
    message = found;
  } else if (!expected.empty()) {
    message = fmt::format("expected {}, found {}", expected, found);
  } else {
    message = fmt::format("unexpected {}", found);
  }
  diags_.Error(diag::DiagId::kSyntaxError, {file_, begin, begin + width}, message);
}

}  // namespace mskc::frontend::internal
