#include "compiler/frontend/parse.h"

#include <fmt/format.h>

#include "MskLexer.h"
#include "MskParser.h"
#include "compiler/frontend/internal/builder.h"
#include "compiler/frontend/internal/syntax_errors.h"
#include "runtime/core/limits.h"

namespace mskc::frontend {
namespace {

// ANTLR parses by recursive descent: bound nesting before parsing so that no input can
// exhaust the stack.
constexpr int kMaxNesting = limits::kMaxNesting;

bool CheckNesting(source::FileId file, const source::SourceManager& sources,
                  diag::DiagnosticEngine& diags) {
  std::string_view text = sources.Text(file);
  int depth = 0;
  bool in_string = false, in_comment = false;
  for (uint32_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_comment) { if (c == '\n') in_comment = false; continue; }
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"' || c == '\n') in_string = false;
      continue;
    }
    if (c == '#') in_comment = true;
    else if (c == '"') in_string = true;
    else if (c == '(' || c == '{') {
      if (++depth > kMaxNesting) {
        diags.Error(diag::DiagId::kRecursion, {file, i, i + 1},
                    fmt::format("expression nested too deeply (more than {} levels)", kMaxNesting));
        return false;
      }
    } else if (c == ')' || c == '}') {
      if (depth > 0) --depth;
    }
  }
  return true;
}

// ANTLR decodes UTF-8 and throws on invalid bytes: find them first and report the first one.
bool CheckUtf8(source::FileId file, std::string_view text, diag::DiagnosticEngine& diags) {
  for (uint32_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    uint32_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (uint32_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      diags.Error(diag::DiagId::kSyntaxError, {file, i, i + 1},
                  "this file is not valid UTF-8 text");
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

ParseResult Parse(source::FileId file, const source::SourceManager& sources,
                  diag::DiagnosticEngine& diags) {
  ParseResult result;
  result.file.file = file;
  if (!CheckUtf8(file, sources.Text(file), diags) || !CheckNesting(file, sources, diags)) {
    result.had_syntax_errors = true;
    return result;
  }
  std::string_view text = sources.Text(file);
  antlr4::ANTLRInputStream input;
  try {
    input.load(std::string(text));
  } catch (...) {
    diags.Error(diag::DiagId::kSyntaxError, {file, 0, 0}, "this file is not valid UTF-8 text");
    result.had_syntax_errors = true;
    return result;
  }
  mskc_grammar::MskLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  mskc_grammar::MskParser parser(&tokens);
  parser.removeErrorListeners();
  internal::SyntaxErrorListener listener(file, sources, diags);
  parser.addErrorListener(&listener);
  lexer.addErrorListener(&listener);
  mskc_grammar::MskParser::FileContext* tree = nullptr;
  try {
    tree = parser.file();
  } catch (...) {
    // The default strategy recovers; anything escaping is still a syntax error, never a crash.
    diags.Error(diag::DiagId::kSyntaxError, {file, 0, 0}, "could not parse this file");
    result.had_syntax_errors = true;
    return result;
  }
  result.had_syntax_errors = listener.error_count() > 0;
  internal::AstBuilder builder(file, sources);
  result.file = builder.BuildFile(tree);
  return result;
}

}  // namespace mskc::frontend
