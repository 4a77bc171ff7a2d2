// Tests that need PostgreSQL share one throwaway server per build folder, started by the CTest
// fixture in tests/postgres/ (`FIXTURES_REQUIRED postgres`), and each create their own database:
//
//   environment: MSKC_TEST_POSTGRES_DIR=${CMAKE_BINARY_DIR}/postgres-test
//                MSKC_SOURCE_DIR=${PROJECT_SOURCE_DIR}   (see tests/postgres/CMakeLists.txt)
//
//   if (!mskc::pgtest::PostgresTestsEnabled()) GTEST_SKIP() << "no PostgreSQL test server";
//   std::optional<std::string> uri = mskc::pgtest::FreshPostgresDatabase("my_suite_case");
//   ASSERT_TRUE(uri);
#pragma once
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace mskc::pgtest {

// True when the test runs under the `postgres` fixture (MSKC_TEST_POSTGRES_DIR set).
inline bool PostgresTestsEnabled() {
  const char* dir = std::getenv("MSKC_TEST_POSTGRES_DIR");
  return dir != nullptr && *dir != '\0';
}

// `text` as one single-quoted shell word.
inline std::string ShellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Creates database `name` (letters, digits, '_' and '-'; dropped first when it exists) on the
// fixture's server and returns its connection URI. nullopt when no server is configured or the
// database could not be created (the script's message is then on stderr).
inline std::optional<std::string> FreshPostgresDatabase(const std::string& name) {
  if (!PostgresTestsEnabled()) return std::nullopt;
  const char* source = std::getenv("MSKC_SOURCE_DIR");
  if (source == nullptr || *source == '\0') {
    std::fprintf(stderr, "FreshPostgresDatabase: MSKC_SOURCE_DIR is not set\n");
    return std::nullopt;
  }
  std::string command =
      "bash " + ShellQuoted(std::string(source) + "/tools/scripts/pg-throwaway.sh") + " createdb " +
      ShellQuoted(std::getenv("MSKC_TEST_POSTGRES_DIR")) + " " + ShellQuoted(name);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string output;
  char buffer[512];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  if (pclose(pipe) != 0) return std::nullopt;
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  if (output.empty()) return std::nullopt;
  return output;
}

}  // namespace mskc::pgtest
