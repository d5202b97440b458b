// The state a log's earlier lines leave for its later ones.
#ifndef CURLEXPLAIN_SESSION_H_
#define CURLEXPLAIN_SESSION_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace curlexplain {

// Key/value state of one log, kept per connection and per transfer, plus the
// facts rules record and the secrets seen so far.
//
// The scope of a key follows its name: `log.` keys belong to the log,
// `transfer.` keys to the current transfer, all others to the current
// connection.
class Session {
 public:
  std::optional<std::string> Get(std::string_view key) const;
  // Sets `key`, or clears it when `value` is nullopt.
  void Set(const std::string& key, std::optional<std::string> value);

  // The maximum number of connections, and of transfers, that keep state.
  // Past it the least recently used is removed, so memory stays flat.
  static constexpr size_t kMaxStores = 1000;

  // Makes `id` the current connection. State written while no connection
  // was named moves to `id` when `id` is new: it belongs to the connection
  // being set up.
  void UseConnection(const std::string& id);
  void UseTransfer(const std::string& id);

  // Records a fact; a later record of the same name replaces the value but
  // keeps its place.
  void Record(const std::string& name, const std::string& value);
  const std::vector<std::pair<std::string, std::string>>& facts() const {
    return facts_;
  }

  // Secrets shorter than this are masked only in the line they occur in:
  // in later lines they would mask ordinary words.
  static constexpr size_t kMinSessionSecret = 4;
  // At most this many secrets are remembered, so that masking stays fast
  // on long logs; past it the shortest are forgotten.
  // NOTE: a forgotten secret is unmasked if it appears again later without
  // a rule or mask that recognises it.
  static constexpr size_t kMaxSessionSecrets = 256;

  // Remembers a secret so that later lines mask it too.
  void AddSecret(const std::string& secret);
  const std::vector<std::string>& secrets() const { return secrets_; }

 private:
  using Store = std::map<std::string, std::string, std::less<>>;
  Store* StoreFor(std::string_view key);
  const Store* StoreFor(std::string_view key) const;

  Store log_;
  std::map<std::string, Store> connections_;
  std::map<std::string, Store> transfers_;
  // Ids in order of last use, oldest first.
  std::vector<std::string> connection_order_;
  std::vector<std::string> transfer_order_;
  std::string connection_;  // "" until a line names one
  std::string transfer_;
  std::vector<std::pair<std::string, std::string>> facts_;
  std::vector<std::string> secrets_;  // longest first
  std::unordered_set<std::string> secret_set_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_SESSION_H_
