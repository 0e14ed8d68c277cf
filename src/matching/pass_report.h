// What the engines report about their passes (schedule and seating): the
// util::PassRunner records plus the objective (and, for the scheduler, the
// upper bound) after each pass, as the CLI and the API show them in "passes".
//
//   EnginePasses passes(options.passes, [&] { return state.objective(); }, &stats.passes);
//   passes.Run("fill", [&] { Fill(state); });
//   Status ok = passes.Verify([&] { return Check(state); });
//
// Thread-safety: one EnginePasses per engine run.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "util/passes.h"
#include "util/status.h"

namespace verbinder::matching {

struct PassReport {
  std::string name;
  bool ran = false;
  double seconds = 0;
  double objective_after = 0;
  double bound_after = 0;  // scheduler: best upper bound known after the pass (0: none)
};

// util::PassRunner with the engine's objective (and bound) recorded after each pass.
class EnginePasses {
 public:
  EnginePasses(util::PassOptions options, std::function<double()> objective, std::vector<PassReport>* out,
               std::function<double()> bound = nullptr)
      : runner_(std::move(options)), objective_(std::move(objective)), bound_(std::move(bound)), out_(out) {}

  bool Run(const std::string& name, bool enabled, const std::function<void()>& body) {
    bool ran = runner_.Run(name, enabled, body);
    Record(runner_.records().back());
    return ran;
  }
  bool Run(const std::string& name, const std::function<void()>& body) { return Run(name, true, body); }
  Status Verify(const std::function<Status()>& check) {
    Status s = runner_.Verify(check);
    Record(runner_.records().back());
    return s;
  }
  bool stop_requested() const { return runner_.stop_requested(); }
  bool switched_off(const std::string& name) const { return runner_.switched_off(name); }

 private:
  void Record(const util::PassRecord& r) {
    out_->push_back({r.name, r.ran, r.seconds, objective_ ? objective_() : 0.0, bound_ ? bound_() : 0.0});
  }
  util::PassRunner runner_;
  std::function<double()> objective_;
  std::function<double()> bound_;
  std::vector<PassReport>* out_;
};

}  // namespace verbinder::matching
