#include "runtime/store/case_repository.h"

#include <string>

namespace mskc::store {
namespace {

using lifecycle::AuditEvent;
using lifecycle::CaseRecord;
using lifecycle::LineRecord;
using lifecycle::Timestamp;

SqlValue Text(const std::string& s) { return s; }
SqlValue Int(int64_t n) { return std::to_string(n); }
SqlValue OptDate(const std::optional<Date>& d) { return d ? SqlValue(d->ToString()) : std::nullopt; }
SqlValue OptTime(const std::optional<Timestamp>& t) {
  return t ? SqlValue(t->ToString()) : std::nullopt;
}
SqlValue OptReason(const std::optional<lifecycle::ReasonCode>& c) {
  return c ? SqlValue(std::string(determination::ReasonCodeName(*c))) : std::nullopt;
}
SqlValue StatusText(lifecycle::CaseStatus s) {
  return std::string(determination::CaseStatusName(s));
}

[[noreturn]] void Corrupt(const std::string& what) {
  throw StoreError(StoreError::Kind::kBadRow,
                   "the case store holds a value it cannot read (" + what + ")");
}

const std::string& Req(const SqlValue& v, const char* what) {
  if (!v) Corrupt(what);
  return *v;
}
int64_t ToInt(const SqlValue& v, const char* what) {
  try {
    return std::stoll(Req(v, what));
  } catch (const std::exception&) {
    Corrupt(what);
  }
}
Date ToDate(const SqlValue& v, const char* what) {
  auto d = Date::Parse(Req(v, what));
  if (!d) Corrupt(what);
  return *d;
}
std::optional<Date> ToOptDate(const SqlValue& v, const char* what) {
  if (!v) return std::nullopt;
  return ToDate(v, what);
}
Timestamp ToTime(const SqlValue& v, const char* what) {
  auto t = Timestamp::Parse(Req(v, what));
  if (!t) Corrupt(what);
  return *t;
}
std::optional<Timestamp> ToOptTime(const SqlValue& v, const char* what) {
  if (!v) return std::nullopt;
  return ToTime(v, what);
}
std::optional<lifecycle::ReasonCode> ToOptReason(const SqlValue& v, const char* what) {
  if (!v) return std::nullopt;
  auto c = determination::ParseReasonCode(*v);
  if (!c) Corrupt(what);
  return c;
}
lifecycle::CaseStatus ToStatus(const SqlValue& v, const char* what) {
  auto s = lifecycle::ParseCaseStatus(Req(v, what));
  if (!s) Corrupt(what);
  return *s;
}
template <typename E>
E ToEnum(const SqlValue& v, std::optional<E> (*parse)(std::string_view), const char* what) {
  auto e = parse(Req(v, what));
  if (!e) Corrupt(what);
  return *e;
}

constexpr const char* kCaseColumns =
    "order_number, case_id, member_id, plan, urgent, status, status_reason, received_at, "
    "deadline, pend_days, date_of_service, valid_from, expires_on, p2p, denied_at, denial, "
    "duplicate_of, ruleset_id, case_json, determination_json, latest_json, updated_at";

std::vector<SqlValue> CaseValues(const CaseRecord& r) {
  return {Int(r.order_number),
          Text(r.case_id),
          Text(r.member_id),
          Text(r.plan),
          Int(r.urgent ? 1 : 0),
          StatusText(r.status),
          OptReason(r.status_reason),
          Text(r.received_at.ToString()),
          OptTime(r.deadline),
          Int(r.pend_days),
          Text(r.date_of_service.ToString()),
          OptDate(r.valid_from),
          OptDate(r.expires_on),
          Text(std::string(lifecycle::PeerToPeerName(r.p2p))),
          OptTime(r.denied_at),
          Text(std::string(lifecycle::DenialKindName(r.denial))),
          r.duplicate_of ? Int(*r.duplicate_of) : std::nullopt,
          Int(r.ruleset_id),
          Text(r.case_json),
          Text(r.determination_json),
          r.latest_json.empty() ? std::nullopt : SqlValue(r.latest_json),
          Text(r.updated_at.ToString())};
}

CaseRecord CaseFromRow(const SqlRow& row) {
  CaseRecord r;
  r.order_number = ToInt(row[0], "order_number");
  r.case_id = Req(row[1], "case_id");
  r.member_id = Req(row[2], "member_id");
  r.plan = Req(row[3], "plan");
  r.urgent = ToInt(row[4], "urgent") != 0;
  r.status = ToStatus(row[5], "status");
  r.status_reason = ToOptReason(row[6], "status_reason");
  r.received_at = ToTime(row[7], "received_at");
  r.deadline = ToOptTime(row[8], "deadline");
  r.pend_days = static_cast<int>(ToInt(row[9], "pend_days"));
  r.date_of_service = ToDate(row[10], "date_of_service");
  r.valid_from = ToOptDate(row[11], "valid_from");
  r.expires_on = ToOptDate(row[12], "expires_on");
  r.p2p = ToEnum(row[13], lifecycle::ParsePeerToPeer, "p2p");
  r.denied_at = ToOptTime(row[14], "denied_at");
  r.denial = ToEnum(row[15], lifecycle::ParseDenialKind, "denial");
  if (row[16]) r.duplicate_of = ToInt(row[16], "duplicate_of");
  r.ruleset_id = ToInt(row[17], "ruleset_id");
  r.case_json = Req(row[18], "case_json");
  r.determination_json = Req(row[19], "determination_json");
  r.latest_json = row[20].value_or("");
  r.updated_at = ToTime(row[21], "updated_at");
  return r;
}

// The case a row belongs to, for a warning: its order id when the number reads.
std::string CaseName(const SqlValue& order_number) {
  try {
    return "`" + lifecycle::FormatOrderId(std::stoll(order_number.value_or(""))) + "`";
  } catch (const std::exception&) {
    return "with an unreadable order number";
  }
}

void Skip(std::vector<std::string>& warnings, const std::string& what, const StoreError& e) {
  warnings.push_back("skipped " + what + ": " + e.what());
}

constexpr const char* kLineColumns =
    "line_no, code, laterality, outcome, state, reason_code, window_from, window_to";

LineRecord LineFromRow(const SqlRow& row, size_t at) {
  LineRecord l;
  l.number = static_cast<int>(ToInt(row[at], "line_no"));
  l.code = Req(row[at + 1], "code");
  auto lat = cases::ParseLaterality(Req(row[at + 2], "laterality"));
  if (!lat) Corrupt("laterality");
  l.laterality = *lat;
  auto outcome = determination::ParseOutcome(Req(row[at + 3], "outcome"));
  if (!outcome) Corrupt("outcome");
  l.outcome = *outcome;
  l.state = ToEnum(row[at + 4], lifecycle::ParseLineState, "state");
  l.reason = ToOptReason(row[at + 5], "reason_code");
  l.window_from = ToOptDate(row[at + 6], "window_from");
  l.window_to = ToOptDate(row[at + 7], "window_to");
  return l;
}

std::vector<LineRecord> LoadLines(SqlConnection& db, int64_t order_number) {
  std::vector<LineRecord> lines;
  for (const SqlRow& row :
       db.Exec(std::string("SELECT ") + kLineColumns +
                   " FROM case_lines WHERE order_number = $1 ORDER BY line_no",
               {Int(order_number)}))
    lines.push_back(LineFromRow(row, 0));
  return lines;
}

void WriteLines(SqlConnection& db, const CaseRecord& r) {
  db.Exec("DELETE FROM case_lines WHERE order_number = $1", {Int(r.order_number)});
  for (const LineRecord& l : r.lines) {
    db.Exec(std::string("INSERT INTO case_lines (order_number, ") + kLineColumns +
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            {Int(r.order_number), Int(l.number), Text(l.code),
             Text(std::string(cases::ToString(l.laterality))),
             Text(std::string(determination::OutcomeName(l.outcome))),
             Text(std::string(lifecycle::LineStateName(l.state))), OptReason(l.reason),
             OptDate(l.window_from), OptDate(l.window_to)});
  }
}

AuditEvent EventFromRow(const SqlRow& row, int64_t order_number) {
  AuditEvent e;
  e.order_number = order_number;
  e.seq = static_cast<int>(ToInt(row[0], "seq"));
  e.at = ToTime(row[1], "at");
  e.actor = ToEnum(row[2], lifecycle::ParseRole, "actor");
  e.event = Req(row[3], "event");
  if (row[4]) e.from = ToStatus(row[4], "from_status");
  if (row[5]) e.to = ToStatus(row[5], "to_status");
  e.reason = ToOptReason(row[6], "reason_code");
  if (row[7]) e.line = static_cast<int>(ToInt(row[7], "line_no"));
  e.detail = row[8].value_or("");
  return e;
}

}  // namespace

int64_t NextOrderNumber(SqlConnection& db) {
  auto rows = db.Exec(
      "UPDATE counters SET value = value + 1 WHERE name = 'order_number' RETURNING value");
  if (rows.empty()) Corrupt("order number sequence");
  return ToInt(rows[0][0], "order number sequence");
}

std::optional<CaseRecord> LoadCase(SqlConnection& db, int64_t order_number) {
  auto rows = db.Exec(std::string("SELECT ") + kCaseColumns +
                          " FROM cases WHERE order_number = $1",
                      {Int(order_number)});
  if (rows.empty()) return std::nullopt;
  CaseRecord r = CaseFromRow(rows[0]);
  r.lines = LoadLines(db, order_number);
  return r;
}

void InsertCase(SqlConnection& db, const CaseRecord& r) {
  db.Exec(std::string("INSERT INTO cases (") + kCaseColumns +
              ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
              "$17, $18, $19, $20, $21, $22)",
          CaseValues(r));
  WriteLines(db, r);
}

void SaveCase(SqlConnection& db, const CaseRecord& r) {
  db.Exec(
      "UPDATE cases SET status = $2, status_reason = $3, deadline = $4, date_of_service = $5, "
      "valid_from = $6, expires_on = $7, p2p = $8, denied_at = $9, denial = $10, "
      "case_json = $11, latest_json = $12, updated_at = $13 WHERE order_number = $1",
      {Int(r.order_number), StatusText(r.status), OptReason(r.status_reason), OptTime(r.deadline),
       Text(r.date_of_service.ToString()), OptDate(r.valid_from), OptDate(r.expires_on),
       Text(std::string(lifecycle::PeerToPeerName(r.p2p))), OptTime(r.denied_at),
       Text(std::string(lifecycle::DenialKindName(r.denial))), Text(r.case_json),
       r.latest_json.empty() ? std::nullopt : SqlValue(r.latest_json),
       Text(r.updated_at.ToString())});
  WriteLines(db, r);
}

std::vector<lifecycle::FiledLine> ActiveLinesOfMember(SqlConnection& db,
                                                      const std::string& member_id,
                                                      std::vector<std::string>& warnings) {
  std::vector<lifecycle::FiledLine> out;
  auto rows = db.Exec(
      "SELECT c.order_number, c.status, l.line_no, l.code, l.laterality, l.outcome, l.state, "
      "l.reason_code, l.window_from, l.window_to FROM cases c JOIN case_lines l ON "
      "l.order_number = c.order_number WHERE c.member_id = $1 AND c.status IN "
      "('In Progress', 'Authorized', 'Multiple Decisions Rendered') "
      "ORDER BY c.order_number, l.line_no",
      {member_id});
  for (const SqlRow& row : rows) {
    try {
      lifecycle::FiledLine f;
      f.order_number = ToInt(row[0], "order_number");
      f.status = ToStatus(row[1], "status");
      f.line = LineFromRow(row, 2);
      out.push_back(std::move(f));
    } catch (const StoreError& e) {
      if (e.kind() != StoreError::Kind::kBadRow) throw;
      Skip(warnings, "a line of case " + CaseName(row[0]) + " in the duplicate check", e);
    }
  }
  return out;
}

std::vector<int64_t> CasesDueAt(SqlConnection& db, Timestamp now) {
  std::vector<int64_t> out;
  for (const SqlRow& row : db.Exec(
           "SELECT order_number FROM cases WHERE status = 'In Progress' AND deadline IS NOT NULL "
           "AND deadline <= $1 ORDER BY order_number",
           {now.ToString()}))
    out.push_back(ToInt(row[0], "order_number"));
  return out;
}

std::vector<CaseRecord> ListCases(SqlConnection& db, const ListFilter& filter,
                                  std::vector<std::string>& warnings) {
  std::string sql = std::string("SELECT ") + kCaseColumns + " FROM cases WHERE 1 = 1";
  std::vector<SqlValue> params;
  if (filter.member_id) {
    params.push_back(*filter.member_id);
    sql += " AND member_id = $" + std::to_string(params.size());
  }
  if (filter.status) {
    params.push_back(StatusText(*filter.status));
    sql += " AND status = $" + std::to_string(params.size());
  }
  sql += " ORDER BY order_number DESC";
  std::vector<CaseRecord> out;
  for (const SqlRow& row : db.Exec(sql, params)) {
    try {
      CaseRecord r = CaseFromRow(row);
      r.lines = LoadLines(db, r.order_number);
      out.push_back(std::move(r));
    } catch (const StoreError& e) {
      if (e.kind() != StoreError::Kind::kBadRow) throw;
      Skip(warnings, "case " + CaseName(row[0]), e);
    }
  }
  return out;
}

void AppendEvents(SqlConnection& db, const std::vector<AuditEvent>& events) {
  for (const AuditEvent& e : events) {
    auto rows = db.Exec("SELECT COALESCE(MAX(seq), 0) FROM audit_events WHERE order_number = $1",
                        {Int(e.order_number)});
    int64_t seq = rows.empty() ? 1 : ToInt(rows[0][0], "seq") + 1;
    db.Exec(
        "INSERT INTO audit_events (order_number, seq, at, actor, event, from_status, to_status, "
        "reason_code, line_no, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        {Int(e.order_number), Int(seq), Text(e.at.ToString()),
         Text(std::string(lifecycle::RoleName(e.actor))), Text(e.event),
         e.from ? StatusText(*e.from) : std::nullopt, e.to ? StatusText(*e.to) : std::nullopt,
         OptReason(e.reason), e.line ? Int(*e.line) : std::nullopt, Text(e.detail)});
  }
}

std::vector<AuditEvent> LoadEvents(SqlConnection& db, int64_t order_number,
                                   std::vector<std::string>& warnings) {
  std::vector<AuditEvent> out;
  for (const SqlRow& row : db.Exec(
           "SELECT seq, at, actor, event, from_status, to_status, reason_code, line_no, detail "
           "FROM audit_events WHERE order_number = $1 ORDER BY seq",
           {Int(order_number)})) {
    try {
      out.push_back(EventFromRow(row, order_number));
    } catch (const StoreError& e) {
      if (e.kind() != StoreError::Kind::kBadRow) throw;
      Skip(warnings, "an event of case `" + lifecycle::FormatOrderId(order_number) + "`", e);
    }
  }
  return out;
}

int64_t PutRuleset(SqlConnection& db, const std::string& digest, const std::string& files) {
  auto rows = db.Exec("SELECT ruleset_id, files FROM rulesets WHERE digest = $1", {digest});
  if (!rows.empty() && rows[0][1] == files) return ToInt(rows[0][0], "ruleset_id");
  // A digest collision with different files gets its own row under a longer digest.
  std::string key = rows.empty() ? digest : digest + "-" + std::to_string(files.size());
  auto next = db.Exec("SELECT COALESCE(MAX(ruleset_id), 0) + 1 FROM rulesets");
  int64_t id = ToInt(next[0][0], "ruleset_id");
  db.Exec("INSERT INTO rulesets (ruleset_id, digest, files) VALUES ($1, $2, $3)",
          {Int(id), key, files});
  return id;
}

std::optional<std::string> LoadRulesetFiles(SqlConnection& db, int64_t ruleset_id) {
  auto rows = db.Exec("SELECT files FROM rulesets WHERE ruleset_id = $1", {Int(ruleset_id)});
  if (rows.empty() || !rows[0][0]) return std::nullopt;
  return *rows[0][0];
}

}  // namespace mskc::store
