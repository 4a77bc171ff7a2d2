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

// Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0. Surrogates
// (CESU-8, 0xED 0xA0..0xBF), overlong forms and code points above U+10FFFF are not UTF-8.
uint32_t Utf8SequenceLength(std::string_view text, uint32_t i) {
  auto byte = [&](uint32_t k) { return static_cast<unsigned char>(text[i + k]); };
  unsigned char c = byte(0);
  if (c < 0x80) return 1;
  uint32_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (c == 0xE0) low = 0xA0;
  else if (c == 0xED) high = 0x9F;
  else if (c == 0xF0) low = 0x90;
  else if (c == 0xF4) high = 0x8F;
  if (byte(1) < low || byte(1) > high) return 0;
  for (uint32_t k = 2; k < len; ++k)
    if ((byte(k) & 0xC0) != 0x80) return 0;
  return len;
}

// ANTLR decodes UTF-8 and throws on invalid bytes: find them first and report the first one.
bool CheckUtf8(source::FileId file, std::string_view text, diag::DiagnosticEngine& diags) {
  for (uint32_t i = 0; i < text.size();) {
    uint32_t len = Utf8SequenceLength(text, i);
    if (len == 0) {
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
