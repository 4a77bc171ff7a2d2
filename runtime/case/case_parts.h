// Internal to the case reader: the nested parts of a case (member, providers, procedure lines,
// diagnoses, history, site-of-care reasons). Each returns false after recording an error.
#pragma once
#include <string_view>

#include "runtime/case/case.h"
#include "runtime/case/json_checker.h"

namespace mskc::cases::internal {

// Runs `read(value, path)` on `obj[key]` when it is present and not null.
template <typename Read>
bool Optional(const object& obj, std::string_view key, const Path& obj_path, Read&& read) {
  element e;
  if (!Lookup(obj, key, &e)) return true;
  return read(e, obj_path.Field(key));
}

bool ReadMember(Checker& check, const element& value, const Path& path, Member* out);
bool ReadProvider(Checker& check, const element& value, const Path& path, Provider* out);
bool ReadFacility(Checker& check, const element& value, const Path& path, Facility* out);
bool ReadProcedures(Checker& check, const element& value, const Path& path,
                    std::vector<ProcedureLine>* out);
bool ReadDiagnoses(Checker& check, const element& value, const Path& path,
                   std::vector<std::string>* out);
bool ReadHistory(Checker& check, const element& value, const Path& path,
                 std::vector<HistoryRecord>* out);
bool ReadSiteOfCareReasons(Checker& check, const element& value, const Path& path,
                           std::vector<SiteOfCareReason>* out);

}  // namespace mskc::cases::internal
