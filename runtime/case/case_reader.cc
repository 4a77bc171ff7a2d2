#include "runtime/case/case_reader.h"

#include <cstring>
#include <limits>

#include "runtime/case/case_parts.h"
#include "runtime/case/clinical_reader.h"
#include "runtime/case/json_checker.h"

namespace mskc::cases {
namespace {

using internal::Checker;
using internal::element;
using internal::object;
using internal::Optional;
using internal::Path;

std::string JsonErrorMessage(simdjson::error_code code) {
  const std::string prefix = "the case is not valid JSON: ";
  switch (code) {
    case simdjson::EMPTY:
      return "the case is empty; expected a JSON object";
    case simdjson::CAPACITY:
      return "the case is too large to read";
    case simdjson::DEPTH_ERROR:
      return prefix + "it is nested too deeply";
    case simdjson::UTF8_ERROR:
      return prefix + "it is not valid UTF-8 text";
    case simdjson::NUMBER_ERROR:
      return prefix + "a number is malformed or out of range";
    case simdjson::STRING_ERROR:
      return prefix + "a string holds an invalid escape";
    case simdjson::UNCLOSED_STRING:
      return prefix + "a string is not closed";
    case simdjson::UNESCAPED_CHARS:
      return prefix + "a string holds an unescaped control character";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return prefix + "expected a value, found a bare word other than true, false or null";
    default:
      return prefix + "misplaced or missing brackets, braces, commas, colons or quotes";
  }
}

// The envelope's own fields; nested parts are in case_parts.cc.
bool ReadEnvelope(Checker& check, const object& obj, const Path& root, const FactDictionary& facts,
                  Case* c) {
  element e;
  auto required = [&](std::string_view key, auto&& read) {
    return check.Require(obj, key, root, &e) && read(e, root.Field(key));
  };
  auto string_into = [&](std::string* out) {
    return [&check, out](const element& v, const Path& p) { return check.String(v, p, out); };
  };
  auto date_into = [&](Date* out) {
    return [&check, out](const element& v, const Path& p) { return check.DateValue(v, p, out); };
  };
  auto bool_into = [&](bool* out) {
    return [&check, out](const element& v, const Path& p) { return check.Bool(v, p, out); };
  };
  auto enum_into = [&](auto* out) {
    return [&check, out](const element& v, const Path& p) { return check.Enum(v, p, out); };
  };
  return required("case_id", string_into(&c->case_id)) &&
         required("health_plan", string_into(&c->health_plan)) &&
         Optional(obj, "line_of_business", root, enum_into(&c->line_of_business)) &&
         Optional(obj, "state", root,
                  [&](const element& v, const Path& p) {
                    std::string_view s;
                    if (!check.StringView(v, p, &s)) return false;
                    std::string upper(s);
                    for (char& ch : upper) {
                      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
                    }
                    if (!internal::IsUsStateCode(upper)) {
                      return check.Expected(p, "a 2-letter US state code such as `PA`", v);
                    }
                    c->state = std::move(upper);
                    return true;
                  }) &&
         required("submitted_on", date_into(&c->submitted_on)) &&
         required("date_of_service", date_into(&c->date_of_service)) &&
         Optional(obj, "performed_on", root,
                  [&](const element& v, const Path& p) {
                    Date d;
                    if (!check.DateValue(v, p, &d)) return false;
                    c->performed_on = d;
                    return true;
                  }) &&
         Optional(obj, "urgent", root, bool_into(&c->urgent)) &&
         Optional(obj, "emergency", root, bool_into(&c->emergency)) &&
         required("setting", enum_into(&c->setting)) &&
         required("site_of_care", enum_into(&c->site_of_care)) &&
         Optional(obj, "site_of_care_reasons", root,
                  [&](const element& v, const Path& p) {
                    return internal::ReadSiteOfCareReasons(check, v, p, &c->site_of_care_reasons);
                  }) &&
         Optional(obj, "requested_los_days", root,
                  [&](const element& v, const Path& p) {
                    int64_t days = 0;
                    if (!check.WholeNumber(v, p, 0, std::numeric_limits<int32_t>::max(), &days)) {
                      return false;
                    }
                    c->requested_los_days = static_cast<int>(days);
                    return true;
                  }) &&
         required("procedures",
                  [&](const element& v, const Path& p) {
                    return internal::ReadProcedures(check, v, p, &c->procedures);
                  }) &&
         required("diagnoses",
                  [&](const element& v, const Path& p) {
                    return internal::ReadDiagnoses(check, v, p, &c->diagnoses);
                  }) &&
         required("member",
                  [&](const element& v, const Path& p) {
                    return internal::ReadMember(check, v, p, &c->member);
                  }) &&
         required("ordering_provider",
                  [&](const element& v, const Path& p) {
                    return internal::ReadProvider(check, v, p, &c->ordering_provider);
                  }) &&
         Optional(obj, "servicing_facility", root,
                  [&](const element& v, const Path& p) {
                    return internal::ReadFacility(check, v, p, &c->servicing_facility.emplace());
                  }) &&
         Optional(obj, "clinical", root,
                  [&](const element& v, const Path& p) {
                    return internal::ReadClinical(check, v, p, facts, c);
                  }) &&
         Optional(obj, "history", root, [&](const element& v, const Path& p) {
           return internal::ReadHistory(check, v, p, &c->history);
         });
}

// Rules that tie fields together, checked once every field has its type.
bool CheckConsistency(Checker& check, const Path& root, Case* c) {
  bool inpatient_site = c->site_of_care == SiteOfCare::kInpatientHospital;
  if (c->setting == Setting::kInpatient && !inpatient_site) {
    return check.Fail(root.Field("site_of_care"),
                      "expected `inpatient_hospital` for an inpatient setting, found \"" +
                          std::string(ToString(c->site_of_care)) + "\"");
  }
  if (c->setting == Setting::kOutpatient && inpatient_site) {
    return check.Fail(root.Field("site_of_care"),
                      "expected an outpatient site of care for an outpatient setting, found "
                      "\"inpatient_hospital\"");
  }
  if (c->performed_on && *c->performed_on > c->submitted_on) {
    return check.Fail(root.Field("performed_on"), "expected a date on or before `submitted_on` (" +
                                                      c->submitted_on.ToString() + "), found \"" +
                                                      c->performed_on->ToString() + "\"");
  }
  return true;
}

}  // namespace

// The parser and a padded input buffer, both reused: simdjson needs SIMDJSON_PADDING readable
// bytes after the input, and copying into a kept buffer avoids an allocation per case.
struct CaseReader::Impl {
  simdjson::dom::parser parser;
  std::string buffer;

  CaseResult Read(std::string_view json, const FactDictionary& facts);
};

CaseResult CaseReader::Impl::Read(std::string_view json, const FactDictionary& facts) {
  if (json.empty()) return CaseError{"", JsonErrorMessage(simdjson::EMPTY)};
  if (buffer.size() < json.size() + simdjson::SIMDJSON_PADDING) {
    buffer.resize(json.size() + simdjson::SIMDJSON_PADDING);
  }
  std::memcpy(buffer.data(), json.data(), json.size());
  std::memset(buffer.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
  element root;
  if (auto err = parser.parse(buffer.data(), json.size(), false).get(root);
      err != simdjson::SUCCESS) {
    return CaseError{"", JsonErrorMessage(err)};
  }
  Checker check;
  Path root_path;
  object obj;
  Case c;
  if (root.get_object().get(obj) != simdjson::SUCCESS) {
    return CaseError{"", "expected a JSON object for the case, found " + internal::Describe(root)};
  }
  if (!ReadEnvelope(check, obj, root_path, facts, &c) || !CheckConsistency(check, root_path, &c)) {
    return *check.error();
  }
  return c;
}

std::string FormatCaseError(const CaseError& error) {
  return error.path.empty() ? error.message : error.path + ": " + error.message;
}

CaseReader::CaseReader(const FactDictionary& facts)
    : facts_(&facts), impl_(std::make_unique<Impl>()) {}
CaseReader::~CaseReader() = default;
CaseReader::CaseReader(CaseReader&&) noexcept = default;
CaseReader& CaseReader::operator=(CaseReader&&) noexcept = default;

CaseResult CaseReader::Read(std::string_view json) { return impl_->Read(json, *facts_); }

CaseResult ReadCase(std::string_view json, const FactDictionary& facts) {
  thread_local CaseReader::Impl impl;
  return impl.Read(json, facts);
}

}  // namespace mskc::cases
