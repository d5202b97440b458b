// Measures how fast curlexplain loads its packs and explains logs, and
// whether its memory stays flat as logs grow. Usage:
//   bench_explain RULES_DIR LOG... 
// Prints one line per measurement; docs/benchmarks.md records results.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "curlexplain/explainer.h"
#include "curlexplain/line_reader.h"
#include "curlexplain/reporter.h"
#include "curlexplain/rule_loader.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

double MedianLoadSeconds(const std::string& rules_dir, int runs) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    Clock::time_point start = Clock::now();
    curlexplain::LoadResult result = curlexplain::LoadRulePacks({rules_dir});
    times.push_back(SecondsSince(start));
    if (!result.ok()) std::cerr << "rule packs have errors\n";
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// Writes `corpus` `copies` times to `path`; returns the bytes written.
size_t WriteCopies(const std::string& path, const std::string& corpus,
                   int copies) {
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < copies; ++i) out << corpus;
  return corpus.size() * static_cast<size_t>(copies);
}

// Explains the log at `path` with the text reporter writing to a discarded
// stream, and prints lines per second and the peak memory.
void ExplainFile(const curlexplain::RuleSet& rules, const std::string& path,
                 size_t bytes, const char* label) {
  std::ifstream in(path, std::ios::binary);
  std::ofstream sink("/dev/null");
  curlexplain::ExplainOptions options;
  options.reference_time = 1767225600;
  curlexplain::Explainer explainer(rules, options);
  auto reporter = curlexplain::MakeTextReporter(sink, rules, {});
  curlexplain::LineReader reader(in);
  curlexplain::LogLine line;
  int64_t lines = 0;
  Clock::time_point start = Clock::now();
  reporter->BeginLog(path);
  while (reader.Next(&line)) {
    reporter->Line(explainer.Explain(line));
    ++lines;
  }
  reporter->EndLog(explainer.Finish());
  double seconds = SecondsSince(start);
  std::printf("%-8s %9.1f MiB %9lld lines %7.2f s %9.0f lines/s %6.2f MiB/s"
              "  peak RSS %6.1f MiB\n",
              label, bytes / 1048576.0, static_cast<long long>(lines),
              seconds, lines / seconds, bytes / 1048576.0 / seconds,
              PeakRssKiB() / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_explain RULES_DIR LOG...\n";
    return 2;
  }
  std::string rules_dir = argv[1];
  std::string corpus;
  for (int i = 2; i < argc; ++i) corpus += ReadAll(argv[i]);

  std::printf("pack load (median of 5): %.1f ms\n",
              MedianLoadSeconds(rules_dir, 5) * 1000);
  curlexplain::LoadResult loaded = curlexplain::LoadRulePacks({rules_dir});
  std::printf("rules: %zu, corpus: %.1f KiB\n", loaded.rules.rules.size(),
              corpus.size() / 1024.0);
  std::printf("peak RSS after loading: %.1f MiB\n", PeakRssKiB() / 1024.0);

  const std::string path = "/tmp/curlexplain-bench.log";
  for (int copies : {10, 100}) {
    size_t bytes = WriteCopies(path, corpus, copies);
    std::string label = std::to_string(copies) + "x";
    ExplainFile(loaded.rules, path, bytes, label.c_str());
  }
  std::remove(path.c_str());
  return 0;
}
