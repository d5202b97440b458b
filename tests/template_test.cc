#include "curlexplain/template.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rule_reader.h"

namespace curlexplain {
namespace {

TEST(TemplateTest, RendersNamedValuesWithSpecs) {
  std::string error;
  size_t offset = 0;
  auto tmpl = Template::Parse("{a} and {b:>4}, {{literal}}", &error, &offset);
  ASSERT_TRUE(tmpl.has_value()) << error;
  EXPECT_EQ(tmpl->names(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(tmpl->RenderOrEmpty({{"a", "x"}, {"b", "y"}}),
            "x and    y, {literal}");
  EXPECT_EQ(tmpl->RenderOrEmpty({}), "" " and     , {literal}");
}

TEST(TemplateTest, RejectsMalformedTemplates) {
  struct Case {
    const char* source;
    const char* error;
    size_t offset;
  };
  const Case cases[] = {
      {"a } b", "single '}' in template; write }} for a literal brace", 2},
      {"a {b", "'{' without a matching '}'; write {{ for a literal brace", 2},
      {"a {} b",
       "a replacement field must start with a name, as in {size}; write {{ "
       "for a literal brace",
       2},
      {"{0}",
       "a replacement field must start with a name, as in {size}; write {{ "
       "for a literal brace",
       0},
      {"{a:{b}}",
       "nested replacement fields are not supported in a format spec", 0},
      {"{a:d}", "invalid format spec: invalid type specifier", 0},
      {"{a:.3}",
       "a precision would cut a value short, and a cut secret escapes "
       "masking; shorten values in a field instead",
       0},
      {"{a:>2000}", "a width over 1000 is not supported", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.source);
    std::string error;
    size_t offset = 99;
    EXPECT_FALSE(Template::Parse(c.source, &error, &offset).has_value());
    EXPECT_EQ(error, c.error);
    EXPECT_EQ(offset, c.offset);
  }
}

TEST(LiteralLengthTest, CountsCharactersThatMatchOnlyThemselves) {
  struct Case {
    const char* pattern;
    int expected;
  };
  const Case cases[] = {
      {"^250", 3},
      {"^250[- ]SIZE (?P<size>\\d+)$", 8},
      {"^MAIL FROM:", 10},
      {"a?b*c+", 1},
      {"x{0,3}yz", 2},
      {"\\.\\d\\s", 1},
      {"(?:EHLO|HELO) ", 9},
      {"[abc]+done", 4},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    EXPECT_EQ(LiteralLength(c.pattern), c.expected);
  }
}

}  // namespace
}  // namespace curlexplain
