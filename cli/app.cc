#include "app.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "curlexplain/explainer.h"
#include "curlexplain/line_reader.h"
#include "curlexplain/reporter.h"
#include "options.h"
#include "rules_command.h"
#include "setup.h"
#include "unexplained_report.h"

extern char** environ;

namespace curlexplain {
namespace fs = std::filesystem;

std::optional<std::string> Environment::Get(const std::string& name) const {
  auto it = variables.find(name);
  if (it == variables.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Environment Environment::FromProcess() {
  Environment env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr;
       ++entry) {
    std::string text(*entry);
    size_t equals = text.find('=');
    if (equals != std::string::npos) {
      env.variables[text.substr(0, equals)] = text.substr(equals + 1);
    }
  }
  std::error_code error;
  env.executable = fs::read_symlink("/proc/self/exe", error).string();
  env.stdout_is_terminal = isatty(STDOUT_FILENO) != 0;
  return env;
}

namespace {

std::unique_ptr<Reporter> MakeReporter(const CliOptions& options,
                                       const Environment& env,
                                       const RuleSet& rules,
                                       std::ostream& out) {
  if (options.format == "json") return MakeJsonReporter(out, options.why);
  if (options.format == "markdown") return MakeMarkdownReporter(out, rules);
  TextReportOptions text;
  text.why = options.why;
  text.color = options.color == ColorMode::kAlways ||
               (options.color == ColorMode::kAuto && env.stdout_is_terminal &&
                !env.Get("NO_COLOR"));
  return MakeTextReporter(out, rules, text);
}

void ExplainStream(std::istream& in, const std::string& name,
                   const CliOptions& options, Explainer* explainer,
                   Reporter* reporter) {
  LineReader::Options reader_options;
  reader_options.layout = *ParseLayout(options.layout);
  LineReader reader(in, reader_options);
  explainer->StartLog();
  reporter->BeginLog(name);
  LogLine line;
  while (reader.Next(&line)) reporter->Line(explainer->Explain(line));
  reporter->EndLog(explainer->Finish());
}

// Explains each log named in `options`; returns the exit status.
int ExplainLogs(const CliOptions& options, const Environment& env,
                const RuleSet& rules, std::istream& in, std::ostream& out,
                std::ostream& err) {
  ExplainOptions explain;
  explain.show_secrets = options.show_secrets;
  explain.reference_time = ReferenceTime(options, env);
  explain.trace = options.why;
  Explainer explainer(rules, explain);
  std::unique_ptr<Reporter> reporter =
      options.unexplained ? MakeUnexplainedReporter(out, rules)
                          : MakeReporter(options, env, rules, out);

  std::vector<std::string> files = options.arguments;
  if (files.empty()) files.push_back("-");
  int status = kExitSuccess;
  for (const std::string& file : files) {
    if (file == "-") {
      ExplainStream(in, "-", options, &explainer, reporter.get());
      continue;
    }
    std::error_code error;
    if (fs::is_directory(file, error)) {
      err << "curlexplain: " << file << ": is a folder, not a log file\n";
      status = kExitUnreadableInput;
      continue;
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
      err << "curlexplain: " << file << ": cannot open: "
          << std::strerror(errno) << "\n";
      status = kExitUnreadableInput;
      continue;
    }
    ExplainStream(stream, file, options, &explainer, reporter.get());
  }
  reporter->Finish();
  return status;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::istream& in,
           std::ostream& out, std::ostream& err, const Environment& env) {
  std::string error;
  std::optional<CliOptions> options = ParseOptions(args, &error);
  if (!options) {
    err << "curlexplain: " << error << "\n";
    return kExitUsage;
  }
  if (options->help) {
    out << HelpText();
    return kExitSuccess;
  }
  if (options->version) {
    out << "curlexplain " << CURLEXPLAIN_VERSION << "\n";
    return kExitSuccess;
  }
  if (!ParseLayout(options->layout)) {
    err << "curlexplain: unknown layout '" << options->layout
        << "'; use auto, verbose, trace-ascii, trace or plain\n";
    return kExitUsage;
  }
  if (options->command == "rules") {
    return RunRulesCommand(*options, env, out, err);
  }
  auto epoch = env.Get("SOURCE_DATE_EPOCH");
  if (epoch && !options->now && !ParseTime(*epoch)) {
    err << "curlexplain: SOURCE_DATE_EPOCH='" << *epoch
        << "' is not a time; comparing dates with the current time\n";
  }
  LoadResult loaded = LoadPacks(*options, env, err);
  if (!loaded.ok()) {
    err << "curlexplain: the rule packs have errors; nothing was explained\n";
    return kExitInvalidRules;
  }
  int status = ExplainLogs(*options, env, loaded.rules, in, out, err);
  out.flush();
  if (!out) {
    err << "curlexplain: writing the output failed"
        << (errno != 0 ? std::string(": ") + std::strerror(errno) : "")
        << "\n";
    return kExitOutputFailed;
  }
  return status;
}

}  // namespace curlexplain
