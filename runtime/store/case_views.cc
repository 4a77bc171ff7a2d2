#include "runtime/store/case_views.h"

#include <nlohmann/json.hpp>

namespace mskc::store {
namespace {

using Json = nlohmann::ordered_json;
using lifecycle::CaseRecord;
using lifecycle::LineState;

Json OptDate(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(nullptr); }
Json OptTime(const std::optional<lifecycle::Timestamp>& t) {
  return t ? Json(t->ToString()) : Json(nullptr);
}
Json OptReason(const std::optional<lifecycle::ReasonCode>& c) {
  return c ? Json(std::string(determination::ReasonCodeName(*c))) : Json(nullptr);
}
std::string Dump(const Json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}
Json Embedded(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  return j.is_discarded() ? Json(nullptr) : j;
}

// The latest evaluation: the re-evaluation of the last update, else the one made at submit.
Json LatestEvaluation(const CaseRecord& r) {
  return Embedded(r.latest_json.empty() ? r.determination_json : r.latest_json);
}

// The codes behind the current status: the store's own (DUPLICATE_ORDER, INFO_NOT_PROVIDED)
// after the latest evaluation's, in the contract's order.
Json ReasonCodes(const CaseRecord& r, const Json& d) {
  determination::ReasonCodeSet codes;
  if (d.is_object() && d.contains("reason_codes") && d["reason_codes"].is_array()) {
    for (const Json& c : d["reason_codes"])
      if (c.is_string())
        if (auto code = determination::ParseReasonCode(c.get<std::string>())) codes.Add(*code);
  }
  if (r.status_reason) codes.Add(*r.status_reason);
  Json out = Json::array();
  for (auto c : codes.ToVector()) out.push_back(std::string(determination::ReasonCodeName(c)));
  return out;
}

// The automatic outcome of the latest evaluation.
Json EvaluatedOutcome(const Json& d) {
  if (d.is_object() && d.contains("outcome") && d["outcome"].is_string()) return d["outcome"];
  return Json(nullptr);
}

Json LineJson(const lifecycle::LineRecord& l) {
  bool valid = l.state == LineState::kApproved || l.state == LineState::kNotificationOnly;
  return Json{{"line", l.number},
              {"code", l.code},
              {"laterality", std::string(cases::ToString(l.laterality))},
              {"outcome", std::string(determination::OutcomeName(l.outcome))},
              {"decision", std::string(lifecycle::LineStateName(l.state))},
              {"reason_code", OptReason(l.reason)},
              {"valid_from", valid ? OptDate(l.window_from) : Json(nullptr)},
              {"expires_on", valid ? OptDate(l.window_to) : Json(nullptr)}};
}

Json CaseObject(const CaseRecord& r, bool with_determination) {
  Json lines = Json::array();
  for (const auto& l : r.lines) lines.push_back(LineJson(l));
  Json latest = LatestEvaluation(r);
  Json j{{"order_id", lifecycle::FormatOrderId(r.order_number)},
         {"case_id", r.case_id},
         {"member_id", r.member_id},
         {"health_plan", r.plan},
         {"outcome", EvaluatedOutcome(latest)},
         {"status", std::string(determination::CaseStatusName(r.status))},
         {"status_reason", OptReason(r.status_reason)},
         {"reason_codes", ReasonCodes(r, latest)},
         {"review", std::string(NextReviewer(r))},
         {"urgent", r.urgent},
         {"received_at", r.received_at.ToString()},
         {"deadline", OptTime(r.deadline)},
         {"date_of_service", r.date_of_service.ToString()},
         {"valid_from", OptDate(r.valid_from)},
         {"expires_on", OptDate(r.expires_on)},
         {"peer_to_peer", std::string(lifecycle::PeerToPeerName(r.p2p))},
         {"denied_at", OptTime(r.denied_at)},
         {"duplicate_of", r.duplicate_of ? Json(lifecycle::FormatOrderId(*r.duplicate_of))
                                         : Json(nullptr)},
         {"updated_at", r.updated_at.ToString()},
         {"lines", lines}};
  if (!with_determination) return j;
  j["determination"] = Embedded(r.determination_json);
  if (!r.latest_json.empty()) j["latest_evaluation"] = Embedded(r.latest_json);
  return j;
}

}  // namespace

std::string_view NextReviewer(const CaseRecord& r) {
  if (r.status != lifecycle::CaseStatus::kInProgress) return "none";
  bool nurse = false;
  for (const auto& l : r.lines) {
    if (l.state == LineState::kAwaitingPhysician) return "physician";
    if (l.state == LineState::kAwaitingNurse) nurse = true;
  }
  return nurse ? "nurse" : "none";
}

std::string CaseJson(const CaseRecord& r, bool with_determination) {
  return Dump(CaseObject(r, with_determination));
}

std::string HistoryJson(const std::vector<lifecycle::AuditEvent>& events) {
  Json list = Json::array();
  for (const auto& e : events) {
    list.push_back(
        Json{{"seq", e.seq},
             {"at", e.at.ToString()},
             {"actor", std::string(lifecycle::RoleName(e.actor))},
             {"command", e.event},
             {"from", e.from ? Json(std::string(determination::CaseStatusName(*e.from)))
                             : Json(nullptr)},
             {"to", e.to ? Json(std::string(determination::CaseStatusName(*e.to))) : Json(nullptr)},
             {"reason_code", OptReason(e.reason)},
             {"line", e.line ? Json(*e.line) : Json(nullptr)},
             {"detail", e.detail}});
  }
  return Dump(list);
}

std::string ListJson(const std::vector<CaseRecord>& cases) {
  Json list = Json::array();
  for (const auto& r : cases) {
    list.push_back(Json{{"order_id", lifecycle::FormatOrderId(r.order_number)},
                        {"case_id", r.case_id},
                        {"member_id", r.member_id},
                        {"status", std::string(determination::CaseStatusName(r.status))},
                        {"review", std::string(NextReviewer(r))},
                        {"date_of_service", r.date_of_service.ToString()},
                        {"received_at", r.received_at.ToString()},
                        {"deadline", OptTime(r.deadline)}});
  }
  return Dump(list);
}

std::string TickJson(const std::vector<ClosedByDeadline>& closed) {
  Json list = Json::array();
  for (const auto& c : closed) {
    list.push_back(Json{{"order_id", lifecycle::FormatOrderId(c.order_number)},
                        {"from", "In Progress"},
                        {"to", "Non-Authorized"},
                        {"reason_code", "INFO_NOT_PROVIDED"},
                        {"deadline", c.deadline.ToString()}});
  }
  return Dump(list);
}

std::string RefusalJson(const lifecycle::Refusal& refusal, const std::string& id) {
  return Dump(Json{{"error", refusal.message},
                   {"reason_code", std::string(lifecycle::RefusalCodeName(refusal.code))},
                   {"order_id", id}});
}

std::string ErrorJson(const std::string& message) { return Dump(Json{{"error", message}}); }

}  // namespace mskc::store
