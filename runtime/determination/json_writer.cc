#include "runtime/determination/json_writer.h"

#include <nlohmann/json.hpp>

#include "runtime/determination/json_out.h"

namespace mskc::determination {
namespace {

// Re-emits a parsed value through `out`, so it follows the document's layout (pretty or not).
void EmitValue(JsonOut& out, const nlohmann::json& v) {
  if (v.is_array()) {
    out.BeginArray();
    for (const auto& item : v) EmitValue(out, item);
    out.EndArray();
  } else if (v.is_object()) {
    out.BeginObject();
    for (const auto& [key, item] : v.items()) {
      out.Key(key);
      EmitValue(out, item);
    }
    out.EndObject();
  } else if (v.is_string()) {
    out.String(v.get_ref<const std::string&>());
  } else {
    out.Raw(v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

// A trace value as JSON: the interpreter renders values as JSON text, absent facts as `unknown`
// (written as null, as the case format treats null as absent). Anything else stays a string.
void WriteFactValue(JsonOut& out, const std::string& value) {
  if (value == "unknown") {
    out.Null();
    return;
  }
  nlohmann::json parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    out.String(value);
    return;
  }
  EmitValue(out, parsed);
}

void WriteStrings(JsonOut& out, const std::vector<std::string>& items) {
  out.BeginArray();
  for (const auto& s : items) out.String(s);
  out.EndArray();
}

void WriteReasonCodes(JsonOut& out, const ReasonCodeSet& codes) {
  out.BeginArray();
  for (ReasonCode c : codes.ToVector()) out.String(ReasonCodeName(c));
  out.EndArray();
}

void WriteWindow(JsonOut& out, const std::optional<Date>& from, const std::optional<Date>& to) {
  if (from) {
    out.Key("valid_from");
    out.String(from->ToString());
  }
  if (to) {
    out.Key("expires_on");
    out.String(to->ToString());
  }
}

void WriteCriterion(JsonOut& out, const CriterionResult& c) {
  out.BeginObject();
  out.Key("id");
  out.String(c.id);
  out.Key("result");
  out.String(CriterionResultName(c.result));
  out.Key("text");
  out.String(c.text);
  if (c.trace) {
    out.Key("trace");
    out.BeginObject();
    out.Key("facts");
    out.BeginObject();
    for (const auto& [key, value] : c.trace->facts) {
      out.Key(key);
      WriteFactValue(out, value);
    }
    out.EndObject();
    out.Key("decided_by");
    out.String(c.trace->decided_by);
    out.EndObject();
  }
  out.EndObject();
}

void WriteLine(JsonOut& out, const LineResult& line) {
  out.BeginObject();
  out.Key("code");
  out.String(line.code);
  out.Key("outcome");
  out.String(OutcomeName(line.outcome));
  out.Key("guideline");
  if (line.guideline) {
    out.BeginObject();
    out.Key("id");
    out.String(line.guideline->id);
    out.Key("version");
    out.String(line.guideline->version);
    out.EndObject();
  } else {
    out.Null();
  }
  WriteWindow(out, line.valid_from, line.expires_on);
  out.Key("criteria");
  out.BeginArray();
  for (const auto& c : line.criteria) WriteCriterion(out, c);
  out.EndArray();
  out.Key("unmet");
  WriteStrings(out, line.unmet);
  out.Key("missing");
  WriteStrings(out, line.missing);
  out.EndObject();
}

void WriteNote(JsonOut& out, const Note& note) {
  out.BeginObject();
  out.Key("kind");
  out.String(NoteKindName(note.kind));
  if (note.line) {
    out.Key("line");
    out.Int(*note.line);
  }
  out.Key("text");
  out.String(note.text);
  out.EndObject();
}

}  // namespace

std::string ToJson(const Determination& d, const JsonStyle& style) {
  JsonOut out(style.pretty);
  out.BeginObject();
  out.Key("case_id");
  out.String(d.case_id);
  out.Key("outcome");
  out.String(OutcomeName(d.outcome));
  out.Key("status");
  out.String(CaseStatusName(d.status));
  out.Key("review");
  out.String(ReviewName(d.review));
  out.Key("reason_codes");
  WriteReasonCodes(out, d.reason_codes);
  WriteWindow(out, d.valid_from, d.expires_on);
  out.Key("lines");
  out.BeginArray();
  for (const auto& line : d.lines) WriteLine(out, line);
  out.EndArray();
  out.Key("warnings");
  WriteStrings(out, d.warnings);
  out.Key("notes");
  out.BeginArray();
  for (const auto& n : d.notes) WriteNote(out, n);
  out.EndArray();
  out.EndObject();
  return out.Take();
}

std::string BatchErrorJson(long line, const std::string& message) {
  JsonOut out(/*pretty=*/false);
  out.BeginObject();
  out.Key("line");
  out.Int(line);
  out.Key("error");
  out.String(message);
  out.EndObject();
  return out.Take();
}

}  // namespace mskc::determination
