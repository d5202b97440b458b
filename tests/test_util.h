// Helpers shared by the tests: temporary rule packs and data file paths.
#ifndef CURLEXPLAIN_TESTS_TEST_UTIL_H_
#define CURLEXPLAIN_TESTS_TEST_UTIL_H_

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace curlexplain::testing {

// A folder under the system's temporary folder, removed with its contents
// when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("curlexplain-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code error;
    std::filesystem::remove_all(path_, error);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `content` to `name` under the folder, creating subfolders, and
  // returns the file's path.
  std::string Write(const std::string& name, const std::string& content) const {
    std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

  std::string path() const { return path_.string(); }
  std::string operator/(const std::string& name) const {
    return (path_ / name).string();
  }

 private:
  std::filesystem::path path_;
};

// Returns the path of a file under tests/data.
inline std::string DataPath(const std::string& name) {
  return std::string(CURLEXPLAIN_TEST_DATA_DIR) + "/" + name;
}

// Returns a file's whole content, or "" when it cannot be read.
inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs `command` through the shell and returns what it writes to stdout.
inline std::string Capture(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    out.append(buffer.data(), n);
  }
  pclose(pipe);
  return out;
}

// A minimal pack.yaml for a base pack.
inline const char kPackYaml[] =
    "pack: test\nlanguage: en\nversion: 1\n";

}  // namespace curlexplain::testing

#endif  // CURLEXPLAIN_TESTS_TEST_UTIL_H_
