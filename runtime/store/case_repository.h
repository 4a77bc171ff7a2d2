// Case records in SQL: one row per case, one per line, an append-only audit log and the rules
// snapshots cases were evaluated with. Every function runs inside the caller's transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/lifecycle/case_record.h"
#include "runtime/lifecycle/duplicates.h"
#include "runtime/store/sql_connection.h"

namespace mskc::store {

// S6: one sequence per store, without gaps (a rolled-back command gives its number back).
int64_t NextOrderNumber(SqlConnection& db);

std::optional<lifecycle::CaseRecord> LoadCase(SqlConnection& db, int64_t order_number);
void InsertCase(SqlConnection& db, const lifecycle::CaseRecord& r);
void SaveCase(SqlConnection& db, const lifecycle::CaseRecord& r);  // an existing case

// Reading many rows, one that cannot be read (StoreError kBadRow) is skipped and described in
// `warnings` ("skipped case `SU000000003`: ..."), so one damaged case never stops the others.

// Lines of this member's cases that S4 compares against (In Progress, Authorized, MDR).
std::vector<lifecycle::FiledLine> ActiveLinesOfMember(SqlConnection& db,
                                                      const std::string& member_id,
                                                      std::vector<std::string>& warnings);

// In Progress cases whose deadline is at or before `now`, oldest order first.
std::vector<int64_t> CasesDueAt(SqlConnection& db, lifecycle::Timestamp now);

struct ListFilter {
  std::optional<std::string> member_id;
  std::optional<lifecycle::CaseStatus> status;
};
// Newest first (highest order number first).
std::vector<lifecycle::CaseRecord> ListCases(SqlConnection& db, const ListFilter& filter,
                                             std::vector<std::string>& warnings);

// Appends events, numbering them after the case's last one.
void AppendEvents(SqlConnection& db, const std::vector<lifecycle::AuditEvent>& events);
std::vector<lifecycle::AuditEvent> LoadEvents(SqlConnection& db, int64_t order_number,
                                              std::vector<std::string>& warnings);

// Rules snapshots, shared by every case evaluated with the same files.
int64_t PutRuleset(SqlConnection& db, const std::string& digest, const std::string& files);
std::optional<std::string> LoadRulesetFiles(SqlConnection& db, int64_t ruleset_id);

}  // namespace mskc::store
