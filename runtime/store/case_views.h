// What `mskc case` prints, as JSON (cli.md, "The case store"): a case with its lines and the
// determination made at submit (an object); the audit history, lists and tick results (arrays,
// oldest event first / newest case first / in order closed); refusals and errors (objects).
#pragma once
#include <string>
#include <vector>

#include "runtime/lifecycle/case_record.h"
#include "runtime/lifecycle/lifecycle.h"

namespace mskc::store {

struct ClosedByDeadline {
  int64_t order_number = 0;
  lifecycle::Timestamp deadline;
};

// `with_determination`: `show` adds the determination made at submit (and the latest
// re-evaluation); the commands that change a case print the case without them.
std::string CaseJson(const lifecycle::CaseRecord& r, bool with_determination = true);
std::string HistoryJson(const std::vector<lifecycle::AuditEvent>& events);
std::string ListJson(const std::vector<lifecycle::CaseRecord>& cases);
std::string TickJson(const std::vector<ClosedByDeadline>& closed);
std::string RefusalJson(const lifecycle::Refusal& refusal, const std::string& id);
std::string ErrorJson(const std::string& message);

// Who reviews the case next: physician when any line awaits one, nurse when any awaits a nurse.
std::string_view NextReviewer(const lifecycle::CaseRecord& r);

}  // namespace mskc::store
