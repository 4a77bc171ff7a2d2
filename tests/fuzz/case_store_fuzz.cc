// Target (e): the case store commands (runtime/store/case_service.h) on an SQLite file in a
// per-process temporary folder. The bytes choose a submitted case (JSON text) and then a
// sequence of up to 12 commands with their arguments (ids, times, review requests, facts to
// update), as a user of `mskc case` could type them. Every command must answer with a
// CommandResult; a StoreError thrown out of a command is a bug the fuzzer reports.
//
// Guard (documented, on purpose): times are drawn within about ±4 years of 2021-03-01, because
// far-future dates are a known defect class being fixed separately; widen once it is fixed.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "runtime/lifecycle/case_record.h"
#include "runtime/lifecycle/lifecycle.h"
#include "runtime/lifecycle/timestamp.h"
#include "runtime/store/case_service.h"
#include "tests/fuzz/fuzz_support.h"

using namespace mskc;
using lifecycle::Timestamp;

namespace {

const fuzz::ProcessTempDir& Dir() {
  static const fuzz::ProcessTempDir dir;
  return dir;
}

std::string PickId(FuzzedDataProvider& in) {
  if (in.ConsumeIntegralInRange(0, 7) == 0) return in.ConsumeRandomLengthString(24);
  return lifecycle::FormatOrderId(in.ConsumeIntegralInRange<int64_t>(0, 3));
}

Timestamp NextTime(FuzzedDataProvider& in, Timestamp now) {
  // Mostly forward, by up to ~120 days, sometimes backwards (clock skew, `--at` in the past).
  const int64_t hours = in.ConsumeIntegralInRange<int64_t>(-48, 24 * 120);
  Timestamp next = now.AddHours(hours);
  const Timestamp low = Timestamp::FromSeconds(1483228800);   // 2017-01-01
  const Timestamp high = Timestamp::FromSeconds(1735689600);  // 2025-01-01
  return next < low ? low : next > high ? high : next;
}

void RunCommand(FuzzedDataProvider& in, const store::StoreTarget& db, Timestamp now) {
  switch (in.ConsumeIntegralInRange(0, 11)) {
    case 0: (void)store::Show(db, PickId(in), in.ConsumeBool() ? std::optional(now) : std::nullopt); break;
    case 1: (void)store::History(db, PickId(in), in.ConsumeBool() ? std::optional(now) : std::nullopt); break;
    case 2: {
      store::ListFilter filter;
      if (in.ConsumeBool()) filter.member_id = in.ConsumeRandomLengthString(16);
      if (in.ConsumeBool())
        filter.status = lifecycle::ParseCaseStatus(in.ConsumeRandomLengthString(24));
      (void)store::List(db, filter, in.ConsumeBool() ? std::optional(now) : std::nullopt);
      break;
    }
    case 3: (void)store::Tick(db, now); break;
    case 4: {
      lifecycle::ReviewRequest review;
      review.role = in.PickValueInArray({lifecycle::Role::kNurse, lifecycle::Role::kPhysician,
                                         lifecycle::Role::kProvider, lifecycle::Role::kStaff});
      review.decision = in.PickValueInArray({lifecycle::ReviewDecision::kApprove,
                                             lifecycle::ReviewDecision::kEscalate,
                                             lifecycle::ReviewDecision::kDeny});
      if (in.ConsumeBool()) review.line = in.ConsumeIntegralInRange(-1, 4);
      review.reason = in.ConsumeRandomLengthString(32);
      (void)store::Review(db, PickId(in), review, now);
      break;
    }
    case 5: (void)store::Cancel(db, PickId(in), now); break;
    case 6: (void)store::Void(db, PickId(in), now); break;
    case 7: (void)store::Reconsider(db, PickId(in), now); break;
    case 8:
      (void)store::ChangeDateOfService(db, PickId(in),
                                       now.AddDays(in.ConsumeIntegralInRange(-30, 90)).date(), now);
      break;
    case 9:
      (void)store::PeerToPeer(db, PickId(in),
                              in.PickValueInArray({lifecycle::PeerToPeer::kNone,
                                                   lifecycle::PeerToPeer::kOffered,
                                                   lifecycle::PeerToPeer::kHeld,
                                                   lifecycle::PeerToPeer::kDeclined}),
                              now);
      break;
    case 10: (void)store::Update(db, PickId(in), in.ConsumeRandomLengthString(256), now); break;
    default: {
      store::SubmitRequest again;
      again.case_text = in.ConsumeRandomLengthString(1024);
      again.now = now;
      (void)store::Submit(db, again);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string path = Dir().path() + "/cases.db";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path + suffix);
  store::StoreTarget db{path, driver::Backend::kInterpreter};

  Timestamp now = Timestamp::FromSeconds(1614556800);  // 2021-03-01T00:00:00Z
  store::SubmitRequest submit;
  submit.case_text = in.ConsumeRandomLengthString(4096);
  submit.now = now;
  (void)store::Submit(db, submit);
  for (int i = 0; i < 12 && in.remaining_bytes() > 0; ++i) {
    now = NextTime(in, now);
    RunCommand(in, db, now);
  }
  return 0;
}
