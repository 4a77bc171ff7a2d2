// PostgreSQL behind the store's SQL surface (libpq, synchronous). Writers run SERIALIZABLE, so a
// lost race surfaces as SQLSTATE 40001/40P01 and becomes kRetry; the caller reruns the command.
// Parameters travel as untyped text: the server infers each `$N`'s type from its use.
#include <libpq-fe.h>

#include <cctype>
#include <memory>
#include <string>
#include <utility>

#include "runtime/store/sql_connection.h"

namespace mskc::store {
namespace {

using Kind = StoreError::Kind;

// Array entries before the expanded URI are defaults the URI may override.
constexpr const char* kConnectTimeoutSeconds = "10";

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void IgnoreNotice(void* /*arg*/, const char* /*message*/) {}

std::string Trimmed(const char* text) {
  // libpq's messages are multi-line with tab-indented hints: make them one line.
  std::string s;
  for (const char* p = text ? text : ""; *p; ++p) {
    char c = (*p == '\n' || *p == '\t') ? ' ' : *p;
    if (c == ' ' && (s.empty() || s.back() == ' ')) continue;
    s += c;
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// SQLSTATE classes that mean the server or the link is gone rather than the statement is wrong:
// 08 connection exception, 53 insufficient resources, 57P01-03 shutdown / cannot connect now.
bool IsUnavailable(const std::string& state) {
  return state.rfind("08", 0) == 0 || state.rfind("53", 0) == 0 || state == "57P01" ||
         state == "57P02" || state == "57P03";
}

std::string PercentDecoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Every spelling of a password the connection string may carry: the `user:password@` part of a
// URI, `password=` in its query or in a key=value string, raw and percent-decoded.
std::vector<std::string> Secrets(const std::string& uri) {
  std::vector<std::string> secrets;
  auto add = [&secrets](std::string_view raw) {
    if (raw.empty()) return;
    secrets.emplace_back(raw);
    std::string decoded = PercentDecoded(raw);
    if (decoded != raw) secrets.push_back(std::move(decoded));
  };
  size_t scheme = uri.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t end = uri.find_first_of("/?", start);
    std::string_view authority = std::string_view(uri).substr(
        start, end == std::string::npos ? std::string::npos : end - start);
    size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
      std::string_view userinfo = authority.substr(0, at);
      size_t colon = userinfo.find(':');
      if (colon != std::string_view::npos) add(userinfo.substr(colon + 1));
    }
  }
  for (size_t pos = uri.find("password"); pos != std::string::npos;
       pos = uri.find("password", pos + 1)) {
    size_t eq = uri.find_first_not_of(' ', pos + 8);
    if (eq == std::string::npos || uri[eq] != '=') continue;
    size_t begin = uri.find_first_not_of(' ', eq + 1);
    if (begin == std::string::npos) continue;
    if (uri[begin] == '\'') {
      size_t close = uri.find('\'', begin + 1);
      add(std::string_view(uri).substr(
          begin + 1, close == std::string::npos ? std::string::npos : close - begin - 1));
    } else {
      size_t stop = uri.find_first_of("& \t\n", begin);
      add(std::string_view(uri).substr(
          begin, stop == std::string::npos ? std::string::npos : stop - begin));
    }
  }
  char* error = nullptr;
  if (PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error)) {
    for (PQconninfoOption* o = options; o->keyword; ++o)
      if (std::string_view(o->keyword) == "password" && o->val) add(o->val);
    PQconninfoFree(options);
  }
  if (error) PQfreemem(error);
  return secrets;
}

// libpq's messages about a malformed string may quote pieces of it; a password never leaves.
std::string Redacted(std::string message, const std::string& uri) {
  for (const std::string& secret : Secrets(uri)) {
    for (size_t pos = message.find(secret); pos != std::string::npos;
         pos = message.find(secret, pos + 3)) {
      message.replace(pos, secret.size(), "***");
    }
  }
  return message;
}

// Names the server for messages: database and host only, never user or password.
std::string Describe(PGconn* conn, const std::string& uri) {
  const char* db = PQdb(conn);
  const char* host = PQhost(conn);
  const char* port = PQport(conn);
  if (!db || !*db) return "unparsable connection string";
  std::string label = "database '" + Redacted(db, uri) + "'";
  if (host && *host) {
    label += " on ";
    label += host[0] == '/' ? "socket directory '" : "host '";
    label += Redacted(host, uri) + "'";
    if (port && *port) label += std::string(" port ") + port;
  }
  return label;
}

class PostgresConnection final : public SqlConnection {
 public:
  PostgresConnection(PGconn* conn, std::string label) : conn_(conn), label_(std::move(label)) {}
  ~PostgresConnection() override { PQfinish(conn_); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  std::vector<SqlRow> Exec(std::string_view sql, const std::vector<SqlValue>& params) override {
    std::string text(sql);
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const SqlValue& v : params) values.push_back(v ? v->c_str() : nullptr);
    // Text format both ways; nullptr types let the server infer each parameter's type.
    Result res(PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr,
                            values.empty() ? nullptr : values.data(), nullptr, nullptr, 0));
    if (!res) Fail(nullptr);
    switch (PQresultStatus(res.get())) {
      case PGRES_COMMAND_OK:
      case PGRES_EMPTY_QUERY:
        return {};
      case PGRES_TUPLES_OK:
        return Rows(res.get());
      case PGRES_FATAL_ERROR:
      case PGRES_NONFATAL_ERROR:
      case PGRES_BAD_RESPONSE:
        Fail(res.get());
      default:
        throw StoreError(Kind::kInternal, Prefix() + "unexpected result (" +
                                              PQresStatus(PQresultStatus(res.get())) +
                                              ") for: " + text);
    }
  }

  void BeginWrite() override { Begin("BEGIN ISOLATION LEVEL SERIALIZABLE"); }
  void BeginRead() override { Begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }

  void Commit() override {
    PGTransactionStatusType status = PQtransactionStatus(conn_);
    if (status == PQTRANS_INERROR) {
      // PostgreSQL answers COMMIT of a failed transaction with a silent ROLLBACK: say so.
      Rollback();
      throw StoreError(Kind::kInternal,
                       Prefix() + "commit of a transaction in which a statement had failed");
    }
    if (status != PQTRANS_INTRANS) {
      if (status == PQTRANS_UNKNOWN) Fail(nullptr);
      throw StoreError(Kind::kInternal, Prefix() + "commit without a transaction");
    }
    Exec("COMMIT", {});
  }

  void Rollback() noexcept override {
    PGTransactionStatusType status = PQtransactionStatus(conn_);
    if (status == PQTRANS_INTRANS || status == PQTRANS_INERROR) PQclear(PQexec(conn_, "ROLLBACK"));
  }

  bool TableExists(std::string_view name) override {
    // Exact name (no identifier folding), ordinary tables only, in the schema statements use.
    return !Exec(
                "SELECT 1 FROM pg_catalog.pg_tables "
                "WHERE schemaname = current_schema() AND tablename = $1",
                {std::string(name)})
                .empty();
  }

  std::string_view Dialect() const override { return "postgresql"; }

 private:
  void Begin(const char* statement) {
    PGTransactionStatusType status = PQtransactionStatus(conn_);
    if (status == PQTRANS_UNKNOWN) Fail(nullptr);
    // PostgreSQL only warns about a nested BEGIN; SQLite refuses it, and so do we.
    if (status != PQTRANS_IDLE)
      throw StoreError(Kind::kInternal, Prefix() + "a transaction is already open");
    Exec(statement, {});
  }

  static std::vector<SqlRow> Rows(const PGresult* res) {
    int n_rows = PQntuples(res);
    int n_cols = PQnfields(res);
    std::vector<SqlRow> rows;
    rows.reserve(n_rows);
    for (int r = 0; r < n_rows; ++r) {
      SqlRow row;
      row.reserve(n_cols);
      for (int c = 0; c < n_cols; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
        }
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  std::string Prefix() const { return "the PostgreSQL case store (" + label_ + ") failed: "; }

  [[noreturn]] void Fail(const PGresult* res) {
    std::string state;
    std::string message;
    if (res) {
      const char* s = PQresultErrorField(res, PG_DIAG_SQLSTATE);
      if (s) state = s;
      message = Trimmed(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
    }
    if (message.empty()) message = Trimmed(PQerrorMessage(conn_));
    if (message.empty()) message = "no answer from the server";
    if (!state.empty()) message += " (SQLSTATE " + state + ")";
    message = Prefix() + message;
    if (state == "40001" || state == "40P01") throw StoreError(Kind::kRetry, message);
    if (PQstatus(conn_) == CONNECTION_BAD || IsUnavailable(state))
      throw StoreError(Kind::kUnavailable, message);
    throw StoreError(Kind::kInternal, message);
  }

  PGconn* conn_;
  std::string label_;
};

}  // namespace

std::unique_ptr<SqlConnection> OpenPostgres(const std::string& uri) {
  // Defaults first, then the URI expanded in place of dbname, so the URI's own settings win.
  const char* keywords[] = {"connect_timeout", "client_encoding", "fallback_application_name",
                            "dbname", nullptr};
  const char* values[] = {kConnectTimeoutSeconds, "UTF8", "mskc", uri.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (!conn)
    throw StoreError(Kind::kUnavailable,
                     "cannot connect to the PostgreSQL case store: out of memory");
  // Notices and warnings belong to the server log, never to our stdout/stderr.
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  std::string label = Describe(conn, uri);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = Redacted(Trimmed(PQerrorMessage(conn)), uri);
    PQfinish(conn);
    throw StoreError(Kind::kUnavailable,
                     "cannot connect to the PostgreSQL case store (" + label + "): " + reason);
  }
  auto connection = std::make_unique<PostgresConnection>(conn, std::move(label));
  connection->Exec("SET client_min_messages = warning", {});
  // "Durable when Commit returns" must hold whatever the server's default is.
  connection->Exec("SET synchronous_commit = on", {});
  return connection;
}

}  // namespace mskc::store
