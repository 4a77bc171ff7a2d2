#include "runtime/case/case_parts.h"

#include <limits>

namespace mskc::cases::internal {
namespace {

constexpr int64_t kMaxInt = std::numeric_limits<int32_t>::max();

bool ReadProcedureCode(Checker& check, const element& e, const Path& path, std::string* out) {
  std::string_view code;
  if (!check.StringView(e, path, &code)) return false;
  if (!IsProcedureCode(code)) {
    return check.Expected(path, "a procedure code of 5 digits or capital letters", e);
  }
  out->assign(code);
  return true;
}

bool ReadStringList(Checker& check, const element& value, const Path& path,
                    std::vector<std::string>* out) {
  array items;
  if (!check.Array(value, path, &items)) return false;
  size_t i = 0;
  for (element item : items) {
    std::string s;
    if (!check.String(item, path.Item(i++), &s)) return false;
    out->push_back(std::move(s));
  }
  return true;
}

bool ReadProcedure(Checker& check, const element& value, const Path& path, ProcedureLine* out) {
  object obj;
  if (!check.Object(value, path, &obj)) return false;
  element code;
  if (!check.Require(obj, "code", path, &code) ||
      !ReadProcedureCode(check, code, path.Field("code"), &out->code)) {
    return false;
  }
  return Optional(obj, "units", path,
                  [&](const element& e, const Path& p) {
                    int64_t units = 1;
                    if (!check.WholeNumber(e, p, 1, kMaxInt, &units)) return false;
                    out->units = static_cast<int>(units);
                    return true;
                  }) &&
         Optional(
             obj, "level", path,
             [&](const element& e, const Path& p) { return check.String(e, p, &out->level); }) &&
         Optional(
             obj, "laterality", path,
             [&](const element& e, const Path& p) { return check.Enum(e, p, &out->laterality); }) &&
         Optional(
             obj, "revision", path,
             [&](const element& e, const Path& p) { return check.Bool(e, p, &out->revision); }) &&
         Optional(obj, "modifiers", path, [&](const element& e, const Path& p) {
           return ReadStringList(check, e, p, &out->modifiers);
         });
}

bool ReadHistoryItem(Checker& check, const element& value, const Path& path, HistoryRecord* out) {
  object obj;
  if (!check.Object(value, path, &obj)) return false;
  element code, date;
  if (!check.Require(obj, "code", path, &code) ||
      !ReadProcedureCode(check, code, path.Field("code"), &out->code) ||
      !check.Require(obj, "date", path, &date) ||
      !check.DateValue(date, path.Field("date"), &out->date)) {
    return false;
  }
  auto optional_string = [&](std::optional<std::string>* field) {
    return [&check, field](const element& e, const Path& p) {
      std::string s;
      if (!check.String(e, p, &s)) return false;
      *field = std::move(s);
      return true;
    };
  };
  auto optional_number = [&](std::optional<double>* field, std::optional<double> max) {
    return [&check, field, max](const element& e, const Path& p) {
      double d = 0;
      if (!check.Number(e, p, 0.0, max, &d)) return false;
      *field = d;
      return true;
    };
  };
  return Optional(obj, "level", path, optional_string(&out->level)) &&
         Optional(obj, "laterality", path, optional_string(&out->laterality)) &&
         Optional(obj, "relief_percent", path, optional_number(&out->relief_percent, 100.0)) &&
         Optional(obj, "relief_weeks", path, optional_number(&out->relief_weeks, std::nullopt)) &&
         Optional(obj, "functional_improvement", path, [&](const element& e, const Path& p) {
           bool b = false;
           if (!check.Bool(e, p, &b)) return false;
           out->functional_improvement = b;
           return true;
         });
}

}  // namespace

bool ReadMember(Checker& check, const element& value, const Path& path, Member* out) {
  object obj;
  if (!check.Object(value, path, &obj)) return false;
  element id, birth;
  if (!check.Require(obj, "id", path, &id) || !check.String(id, path.Field("id"), &out->id) ||
      !check.Require(obj, "birth_date", path, &birth) ||
      !check.DateValue(birth, path.Field("birth_date"), &out->birth_date)) {
    return false;
  }
  return Optional(obj, "sex", path,
                  [&](const element& e, const Path& p) { return check.Enum(e, p, &out->sex); }) &&
         Optional(
             obj, "enrolled", path,
             [&](const element& e, const Path& p) { return check.Bool(e, p, &out->enrolled); }) &&
         Optional(obj, "benefit_covers_service", path, [&](const element& e, const Path& p) {
           return check.Bool(e, p, &out->benefit_covers_service);
         });
}

bool ReadProvider(Checker& check, const element& value, const Path& path, Provider* out) {
  object obj;
  if (!check.Object(value, path, &obj)) return false;
  element npi;
  if (!check.Require(obj, "npi", path, &npi) || !check.String(npi, path.Field("npi"), &out->npi)) {
    return false;
  }
  return Optional(obj, "role", path,
                  [&](const element& e, const Path& p) { return check.Enum(e, p, &out->role); }) &&
         Optional(obj, "in_network", path, [&](const element& e, const Path& p) {
           return check.Bool(e, p, &out->in_network);
         });
}

bool ReadFacility(Checker& check, const element& value, const Path& path, Facility* out) {
  object obj;
  if (!check.Object(value, path, &obj)) return false;
  return Optional(obj, "npi", path,
                  [&](const element& e, const Path& p) { return check.String(e, p, &out->npi); }) &&
         Optional(obj, "in_network", path, [&](const element& e, const Path& p) {
           bool b = false;
           if (!check.Bool(e, p, &b)) return false;
           out->in_network = b;
           return true;
         });
}

bool ReadProcedures(Checker& check, const element& value, const Path& path,
                    std::vector<ProcedureLine>* out) {
  array items;
  if (!check.Array(value, path, &items)) return false;
  size_t i = 0;
  for (element item : items) {
    if (!ReadProcedure(check, item, path.Item(i++), &out->emplace_back())) return false;
  }
  if (out->empty())
    return check.Fail(path, "expected at least one procedure line, found an empty list");
  return true;
}

bool ReadDiagnoses(Checker& check, const element& value, const Path& path,
                   std::vector<std::string>* out) {
  array items;
  if (!check.Array(value, path, &items)) return false;
  size_t i = 0;
  for (element item : items) {
    Path item_path = path.Item(i++);
    std::string_view code;
    if (!check.StringView(item, item_path, &code)) return false;
    if (!IsDiagnosisCode(code)) {
      return check.Expected(item_path, "an ICD-10-CM diagnosis code such as `M54.16`", item);
    }
    out->emplace_back(code);
  }
  if (out->empty()) return check.Fail(path, "expected at least one diagnosis, found an empty list");
  return true;
}

bool ReadHistory(Checker& check, const element& value, const Path& path,
                 std::vector<HistoryRecord>* out) {
  array items;
  if (!check.Array(value, path, &items)) return false;
  size_t i = 0;
  for (element item : items) {
    if (!ReadHistoryItem(check, item, path.Item(i++), &out->emplace_back())) return false;
  }
  return true;
}

bool ReadSiteOfCareReasons(Checker& check, const element& value, const Path& path,
                           std::vector<SiteOfCareReason>* out) {
  array items;
  if (!check.Array(value, path, &items)) return false;
  size_t i = 0;
  for (element item : items) {
    if (!check.Enum(item, path.Item(i++), &out->emplace_back())) return false;
  }
  return true;
}

}  // namespace mskc::cases::internal
