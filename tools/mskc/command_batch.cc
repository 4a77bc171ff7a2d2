// `mskc batch`: NDJSON cases on stdin → NDJSON determinations on stdout, in input order,
// streaming. A bad line yields `{"line": N, "error": "..."}` and the rest go on. With
// `--threads N > 1`, a bounded pipeline: the reader hands lines to N workers (each with its own
// case reader; the ruleset's evaluators are shared) and one writer restores input order.
#include <condition_variable>
#include <deque>
#include <exception>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "tools/mskc/commands.h"

namespace mskc::tool {
namespace {

// Lines in flight per worker: bounds memory however fast stdin is.
constexpr size_t kInFlightPerWorker = 16;

// Turns one input line into one output line (without the newline).
class LineProcessor {
 public:
  LineProcessor(const LoadedRules& rules, const BatchOptions& options)
      : rules_(rules), reader_(rules.ruleset->program().facts) {
    decide_.trace = options.trace;
    decide_.sources = rules.sources.get();
  }

  std::string Process(long line_number, const std::string& text) {
    try {
      cases::CaseResult read = reader_.Read(text);
      if (auto* error = std::get_if<cases::CaseError>(&read))
        return determination::BatchErrorJson(line_number, cases::FormatCaseError(*error));
      rules::DecideResult result =
          rules::Decide(*rules_.ruleset, std::get<cases::Case>(read), decide_);
      if (auto* error = std::get_if<cases::CaseError>(&result))
        return determination::BatchErrorJson(line_number, cases::FormatCaseError(*error));
      return determination::ToJson(std::get<determination::Determination>(result),
                                   determination::JsonStyle{.pretty = false});
    } catch (const std::exception& e) {
      // Out of memory and the like: report the line, keep going.
      return determination::BatchErrorJson(line_number,
                                           std::string("internal error: ") + e.what());
    }
  }

 private:
  const LoadedRules& rules_;
  cases::CaseReader reader_;
  rules::DecideOptions decide_;
};

// Reads the next non-blank line; counts every physical line. False at the end of input.
bool NextLine(std::istream& in, std::string& line, long& line_number) {
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) return true;
  }
  return false;
}

void WriteLine(const std::string& out) {
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  std::cout.put('\n');
}

void RunSequential(const LoadedRules& rules, const BatchOptions& options) {
  LineProcessor processor(rules, options);
  std::string line;
  long line_number = 0;
  while (NextLine(std::cin, line, line_number)) {
    WriteLine(processor.Process(line_number, line));
    // Flush before the next read could block, so a pipe sees each answer promptly.
    if (std::cin.rdbuf()->in_avail() <= 0) std::cout.flush();
  }
  std::cout.flush();
}

class Pipeline {
 public:
  Pipeline(const LoadedRules& rules, const BatchOptions& options)
      : rules_(rules), options_(options),
        capacity_(kInFlightPerWorker * static_cast<size_t>(options.threads)) {}

  void Run() {
    std::vector<std::thread> workers;
    for (int i = 0; i < options_.threads; ++i) workers.emplace_back([this] { Work(); });
    std::thread writer([this] { Write(); });
    Read();
    for (auto& w : workers) w.join();
    writer.join();
  }

 private:
  struct Job {
    uint64_t seq;
    long line_number;
    std::string text;
  };

  void Read() {
    std::string line;
    long line_number = 0;
    while (NextLine(std::cin, line, line_number)) {
      std::unique_lock lock(mu_);
      space_cv_.wait(lock, [&] { return submitted_ - written_ < capacity_; });
      jobs_.push_back(Job{submitted_++, line_number, std::move(line)});
      work_cv_.notify_one();
    }
    std::lock_guard lock(mu_);
    eof_ = true;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  void Work() {
    LineProcessor processor(rules_, options_);
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mu_);
        work_cv_.wait(lock, [&] { return !jobs_.empty() || eof_; });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      std::string out = processor.Process(job.line_number, job.text);
      std::lock_guard lock(mu_);
      results_.emplace(job.seq, std::move(out));
      if (job.seq == written_) done_cv_.notify_one();
    }
  }

  void Write() {
    std::vector<std::string> ready;
    for (;;) {
      {
        std::unique_lock lock(mu_);
        done_cv_.wait(lock, [&] {
          return results_.count(written_) != 0 || (eof_ && written_ == submitted_);
        });
        if (results_.count(written_) == 0) return;  // end of input, everything written
        for (auto it = results_.find(written_); it != results_.end() && it->first == written_;
             it = results_.erase(it), ++written_)
          ready.push_back(std::move(it->second));
        space_cv_.notify_one();
      }
      for (const auto& out : ready) WriteLine(out);
      ready.clear();
      std::cout.flush();
    }
  }

  const LoadedRules& rules_;
  const BatchOptions& options_;
  const size_t capacity_;

  std::mutex mu_;
  std::condition_variable work_cv_, space_cv_, done_cv_;
  std::deque<Job> jobs_;
  std::map<uint64_t, std::string> results_;  // finished, waiting for their turn
  uint64_t submitted_ = 0, written_ = 0;
  bool eof_ = false;
};

}  // namespace

ExitCode RunBatch(const BatchOptions& options) {
  LoadedRules rules = LoadRules(options.rules_dir, options.backend);
  if (!rules.ruleset) return ExitCode::kUsage;
  if (options.threads <= 1) {
    RunSequential(rules, options);
  } else {
    Pipeline(rules, options).Run();
  }
  return ExitCode::kOk;
}

}  // namespace mskc::tool
