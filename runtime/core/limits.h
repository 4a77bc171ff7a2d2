// The input limits of mskc, in one place. Every bound that protects the compiler, the case
// reader or the store from hostile or runaway input is defined here and only here; the code that
// enforces a limit names the constant, and docs/limits.md lists each one with the message a user
// gets when it is exceeded. Change a value here and in docs/limits.md together.
#pragma once
#include <cstddef>
#include <cstdint>

namespace mskc::limits {

// ---- Guideline sources (.msk) -------------------------------------------------------------
// Bytes in one .msk file; the shipped library's largest file is a few kilobytes.
inline constexpr size_t kMaxSourceBytes = 4 * 1024 * 1024;
// Bracket nesting, `(` and `{`, checked on the raw text before parsing (the parser recurses).
inline constexpr int kMaxNesting = 128;
// Errors reported in one run before the rest are summarised as "too many errors".
inline constexpr size_t kMaxErrors = 50;
// Syntax errors reported per file: after a few, the parser's recovery only adds noise.
inline constexpr size_t kMaxSyntaxErrorsPerFile = 20;

// ---- Case JSON ------------------------------------------------------------------------------
// Characters of an input value quoted back in a message (never a member or clinical value:
// only keys and vocabulary words are ever quoted).
inline constexpr size_t kMaxQuotedChars = 60;

// ---- Dates ----------------------------------------------------------------------------------
// Every date is written YYYY-MM-DD, so no date an input gives or mskc derives (windows,
// deadlines, `--at`) may fall after 9999-12-31. Years before 1900 are not real requests.
inline constexpr int kEarliestYear = 1900;
inline constexpr int kLatestYear = 9999;

// ---- JIT object cache -----------------------------------------------------------------------
// Bytes of one cache entry read back (object + optimised IR; a guideline's is tens of kilobytes).
// A larger entry is not read: it is recompiled and replaced.
inline constexpr size_t kMaxJitCacheEntryBytes = 64 * 1024 * 1024;

}  // namespace mskc::limits
