// The curlexplain program, callable with an argv so that tests can drive it.
#ifndef CURLEXPLAIN_CLI_APP_H_
#define CURLEXPLAIN_CLI_APP_H_

#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace curlexplain {

// The program's environment: variables, its own path and the terminal.
struct Environment {
  std::map<std::string, std::string> variables;
  // Path of the running executable, to find the shipped rule packs.
  std::string executable;
  bool stdout_is_terminal = false;

  // Returns the variable `name` when it is set and not empty.
  std::optional<std::string> Get(const std::string& name) const;

  // Reads the real process environment.
  static Environment FromProcess();
};

// Runs the program with `args` (without the program name). Returns the exit
// status. Results go to `out`, diagnostics to `err`.
int RunCli(const std::vector<std::string>& args, std::istream& in,
           std::ostream& out, std::ostream& err, const Environment& env);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_CLI_APP_H_
