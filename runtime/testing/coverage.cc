#include "runtime/testing/coverage.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace mskc::testing {
namespace {

uint8_t BitOf(Tri t) {
  return t == Tri::kTrue ? kMetBit : (t == Tri::kFalse ? kUnmetBit : kUnknownBit);
}

int Bits(uint8_t set) { return (set & 1) + ((set >> 1) & 1) + ((set >> 2) & 1); }

std::string Names(uint8_t set) {
  std::string out;
  if (set & kMetBit) out += "met";
  if (set & kUnmetBit) out += out.empty() ? "unmet" : " unmet";
  if (set & kUnknownBit) out += out.empty() ? "unknown" : " unknown";
  return out.empty() ? "-" : out;
}

std::string Pad(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

bool Walk(const ir::Node* node, const ir::FrameLayout& layout,
          std::unordered_set<const ir::Node*>& seen) {
  if (node == nullptr || !seen.insert(node).second) return false;
  switch (node->op) {
    case ir::Op::kSlot: {
      if (node->slot >= layout.slots.size()) return true;  // cannot tell: count it reachable
      const ir::Slot& slot = layout.slots[node->slot];
      if (!slot.builtin || slot.key == "requested_los_days") return true;
      break;
    }
    case ir::Op::kField:
      if (node->field != ir::HistoryField::kCode && node->field != ir::HistoryField::kDate)
        return true;
      break;
    default:
      break;
  }
  for (const ir::Node* child : node->a)
    if (Walk(child, layout, seen)) return true;
  return false;
}

}  // namespace

bool CanBeUnknown(const ir::Node* expr, const ir::FrameLayout& layout) {
  std::unordered_set<const ir::Node*> seen;  // let-inlined nodes are shared: visit each once
  return Walk(expr, layout, seen);
}

int VersionCoverage::Targets() const {
  int n = 0;
  for (const auto& c : criteria) n += Bits(c.targets);
  return n;
}

int VersionCoverage::Reached() const {
  int n = 0;
  for (const auto& c : criteria) n += Bits(c.targets & c.reached);
  return n;
}

Coverage::Coverage(const ir::Program& program) {
  for (const auto& guideline : program.guidelines) {
    for (const auto& version : guideline.versions) {
      VersionCoverage v{guideline.id, version.label, {}};
      for (const auto& criterion : version.criteria) {
        CriterionCoverage c;
        c.id = criterion.id;
        if (CanBeUnknown(criterion.expr, program.layout)) c.targets |= kUnknownBit;
        v.criteria.push_back(std::move(c));
      }
      versions_.push_back(std::move(v));
    }
  }
}

void Coverage::Record(const determination::Determination& d) {
  for (const auto& line : d.lines) {
    if (!line.guideline || line.criteria.empty()) continue;  // no clinical review
    for (auto& v : versions_) {
      if (v.guideline != line.guideline->id || v.version != line.guideline->version) continue;
      for (const auto& result : line.criteria) {
        for (auto& c : v.criteria)
          if (c.id == result.id) c.reached |= BitOf(result.result);
      }
    }
  }
}

std::vector<VersionCoverage> Coverage::Report(CoverageScope scope) const {
  if (scope == CoverageScope::kAll) return versions_;
  std::set<std::string> tested;
  for (const auto& v : versions_)
    for (const auto& c : v.criteria)
      if (c.reached != 0) tested.insert(v.guideline);
  std::vector<VersionCoverage> out;
  for (const auto& v : versions_)
    if (tested.count(v.guideline)) out.push_back(v);
  return out;
}

bool CoverageTotal::AtLeast(double min_percent) const {
  if (targets == 0) return true;
  return reached * 100.0 + 1e-9 >= min_percent * targets;
}

std::string CoverageTotal::Percent() const {
  long permille = targets == 0 ? 1000 : static_cast<long>(reached) * 1000 / targets;
  return std::to_string(permille / 10) + "." + std::to_string(permille % 10) + "%";
}

CoverageTotal Total(const std::vector<VersionCoverage>& report) {
  CoverageTotal total;
  for (const auto& v : report) {
    total.reached += v.Reached();
    total.targets += v.Targets();
  }
  return total;
}

std::string FormatCoverage(const std::vector<VersionCoverage>& report) {
  std::string out;
  size_t width = std::string("criterion").size();
  for (const auto& v : report)
    for (const auto& c : v.criteria) width = std::max(width, c.id.size());
  width += 2;
  const size_t outcomes_width = std::string("met unmet unknown").size() + 2;
  for (const auto& v : report) {
    CoverageTotal t{v.Reached(), v.Targets()};
    out += "coverage " + v.guideline + " " + v.version + ": " + std::to_string(t.reached) + "/" +
           std::to_string(t.targets) + " outcomes (" + t.Percent() + ")\n";
    out += "  " + Pad("criterion", width) + Pad("reached", outcomes_width) + "missing\n";
    for (const auto& c : v.criteria) {
      uint8_t reached = c.reached & c.targets;
      out += "  " + Pad(c.id, width) + Pad(Names(reached), outcomes_width) +
             Names(c.targets & ~c.reached) + "\n";
    }
  }
  CoverageTotal total = Total(report);
  out += "coverage total: " + std::to_string(total.reached) + "/" + std::to_string(total.targets) +
         " criterion outcomes in " + std::to_string(report.size()) + " guideline version" +
         (report.size() == 1 ? "" : "s") + " (" + total.Percent() + ")\n";
  return out;
}

}  // namespace mskc::testing
