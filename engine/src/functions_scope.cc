// Built-in functions that read the scope: lookup tables, session state, and
// names that may be unbound or null.
#include <fmt/format.h>

#include "functions.h"

namespace curlexplain {
namespace {

Value Lookup(const Call& call) {
  if (call.value(0).is_null()) call.Fail("the table name is null");
  std::string name = call.Text(0);
  const Table* table = call.scope().FindTable(name);
  if (!table) call.Fail(fmt::format("unknown table '{}'", name));

  Value fallback = call.size() > 2 ? call.value(2) : Value();
  if (call.value(1).is_null()) return fallback;
  auto entry = table->find(call.Text(1));
  if (entry == table->end()) return fallback;
  return entry->second;
}

Value Default(const Call& call) {
  const Value& value = call.value(0);
  bool missing =
      value.is_null() || (value.is_string() && value.as_string().empty());
  return missing ? call.value(1) : value;
}

Value Defined(const Call& call) { return !call.value(0).is_null(); }

Value State(const Call& call) {
  std::optional<std::string> value = call.scope().State(call.Text(0));
  if (!value) return nullptr;
  return *value;
}

constexpr FunctionSpec kScopeFunctions[] = {
    {"lookup", 2, 3, NullArguments::kAccept, Lookup,
     "lookup(table, key [, default])",
     "the entry for key in a rule pack's table, else default or null",
     /*first_argument_is_table=*/true},
    {"default", 2, 2, NullArguments::kAcceptUnbound, Default, "default(x, y)",
     "x, unless it is null, unbound or \"\", else y"},
    {"defined", 1, 1, NullArguments::kAcceptUnbound, Defined, "defined(x)",
     "whether x is bound and not null"},
    {"state", 1, 1, NullArguments::kReject, State, "state(key)",
     "the session state value under key, or null"},
};

}  // namespace

std::span<const FunctionSpec> ScopeFunctions() { return kScopeFunctions; }

}  // namespace curlexplain
