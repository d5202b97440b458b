#include "session.h"

#include <algorithm>

namespace curlexplain {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

Session::Store* Session::StoreFor(std::string_view key) {
  if (StartsWith(key, "log.")) return &log_;
  if (StartsWith(key, "transfer.")) return &transfers_[transfer_];
  return &connections_[connection_];
}

const Session::Store* Session::StoreFor(std::string_view key) const {
  if (StartsWith(key, "log.")) return &log_;
  const auto& stores = StartsWith(key, "transfer.") ? transfers_ : connections_;
  const std::string& id =
      StartsWith(key, "transfer.") ? transfer_ : connection_;
  auto it = stores.find(id);
  return it == stores.end() ? nullptr : &it->second;
}

std::optional<std::string> Session::Get(std::string_view key) const {
  const Store* store = StoreFor(key);
  if (store == nullptr) return std::nullopt;
  auto it = store->find(key);
  if (it == store->end()) return std::nullopt;
  return it->second;
}

void Session::Set(const std::string& key, std::optional<std::string> value) {
  Store* store = StoreFor(key);
  if (value) {
    (*store)[key] = std::move(*value);
  } else {
    store->erase(key);
  }
}

namespace {

// Moves `id` to the end of `order` and removes the least recently used
// store when there are too many.
void Touch(const std::string& id, std::vector<std::string>* order,
           std::map<std::string, std::map<std::string, std::string,
                                          std::less<>>>* stores,
           size_t limit) {
  auto it = std::find(order->begin(), order->end(), id);
  if (it != order->end()) order->erase(it);
  order->push_back(id);
  if (order->size() > limit) {
    stores->erase(order->front());
    order->erase(order->begin());
  }
}

}  // namespace

void Session::UseConnection(const std::string& id) {
  if (id == connection_) return;
  bool is_new = connections_.count(id) == 0;
  auto unnamed = connections_.find("");
  if (is_new && connection_.empty() && unnamed != connections_.end()) {
    connections_[id] = std::move(unnamed->second);
    connections_.erase("");
  }
  connection_ = id;
  Touch(id, &connection_order_, &connections_, kMaxStores);
}

void Session::UseTransfer(const std::string& id) {
  if (id == transfer_) return;
  transfer_ = id;
  Touch(id, &transfer_order_, &transfers_, kMaxStores);
}

void Session::Record(const std::string& name, const std::string& value) {
  for (auto& [fact, old_value] : facts_) {
    if (fact == name) {
      old_value = value;
      return;
    }
  }
  facts_.emplace_back(name, value);
}

void Session::AddSecret(const std::string& secret) {
  if (secret.size() < kMinSessionSecret) return;
  if (!secret_set_.insert(secret).second) return;
  // Longest first, so that a secret inside another is not masked half-way.
  auto at = std::upper_bound(secrets_.begin(), secrets_.end(), secret,
                             [](const std::string& a, const std::string& b) {
                               return a.size() > b.size();
                             });
  secrets_.insert(at, secret);
  if (secrets_.size() > kMaxSessionSecrets) {
    secret_set_.erase(secrets_.back());
    secrets_.pop_back();
  }
}

}  // namespace curlexplain
