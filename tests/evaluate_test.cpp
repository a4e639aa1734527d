// The value algebra: what a property can be at deploy time.
#include <catch2/catch.hpp>

#include "model/evaluate.hpp"
#include "support.hpp"

using namespace enclint;
using model::Possibility;
using K = model::Possibility::Kind;

namespace {

struct Fixture {
  model::LoadResult loaded;
  explicit Fixture(const std::string& text) : loaded(model::load(testing::make_source(text))) {
    REQUIRE(loaded.tpl);
  }
  const yaml::Document& doc() const { return loaded.tpl->doc(); }
  // Possibilities of Resources/R/Properties/<key>.
  std::vector<Possibility> of(const std::string& key) const {
    model::Evaluator eval(*loaded.tpl);
    const auto& r = loaded.tpl->resources().front();
    return eval.expand(doc().get(r.properties, key));
  }
  std::vector<std::string> texts(const std::vector<Possibility>& ps) const {
    std::vector<std::string> out;
    for (const auto& p : ps) {
      std::string s = p.kind == K::Absent         ? (p.no_value ? "<novalue>" : "<absent>")
                      : p.kind == K::AnyParameter ? "<any " + p.detail + ">"
                      : p.kind == K::Unknown      ? "<unknown " + p.detail + ">"
                                                  : std::string(doc().text(p.node));
      std::string w = model::describe_assumptions(p.assumptions);
      out.push_back(w.empty() ? s : s + " " + w);
    }
    return out;
  }
};

const char* kHead =
    "Parameters:\n"
    "  Free: {Type: String, Default: 'true'}\n"
    "  Choice: {Type: String, AllowedValues: ['true', 'false']}\n"
    "  OnlyTrue: {Type: String, AllowedValues: ['true']}\n"
    "  Env: {Type: String, AllowedValues: [prod, dev]}\n"
    "Conditions:\n"
    "  IsProd: !Equals [!Ref Env, prod]\n"
    "  Always: !Equals [a, a]\n"
    "  Never: !Not [{Condition: Always}]\n"
    "  Both: !And [!Condition IsProd, !Condition Always]\n"
    "  TrueParam: {'Fn::Equals': [{Ref: OnlyTrue}, 'true']}\n"
    "Resources:\n"
    "  R:\n"
    "    Type: AWS::S3::Bucket\n"
    "    Properties:\n";

}  // namespace

TEST_CASE("literals, absence and AWS::NoValue") {
  Fixture f(std::string(kHead) +
            "      A: true\n      B: !Ref AWS::NoValue\n      C:\n        Ref: AWS::NoValue\n");
  CHECK(f.texts(f.of("A")) == std::vector<std::string>{"true"});
  CHECK(f.texts(f.of("B")) == std::vector<std::string>{"<novalue>"});
  CHECK(f.texts(f.of("C")) == std::vector<std::string>{"<novalue>"});
  CHECK(f.texts(f.of("Missing")) == std::vector<std::string>{"<absent>"});
}

TEST_CASE("Fn::If takes both branches of an undecided condition, short and long form, nested") {
  Fixture f(std::string(kHead) +
            "      A: !If [IsProd, true, false]\n"
            "      B:\n        Fn::If: [IsProd, true, !If [Both, x, !Ref AWS::NoValue]]\n");
  CHECK(f.texts(f.of("A")) == std::vector<std::string>{"true when condition IsProd is true",
                                                       "false when condition IsProd is false"});
  CHECK(f.texts(f.of("B")) ==
        std::vector<std::string>{
            "true when condition IsProd is true",
            "x when condition IsProd is false and condition Both is true",
            "<novalue> when condition IsProd is false and condition Both is false"});
}

TEST_CASE("decided conditions take one branch") {
  Fixture f(std::string(kHead) +
            "      A: !If [Always, yes, no]\n      B: !If [Never, yes, no]\n"
            "      C: !If [TrueParam, yes, no]\n");
  CHECK(f.texts(f.of("A")) == std::vector<std::string>{"yes"});
  CHECK(f.texts(f.of("B")) == std::vector<std::string>{"no"});
  CHECK(f.texts(f.of("C")) == std::vector<std::string>{"yes"});
}

TEST_CASE("Ref to parameters: AllowedValues decide, a Default alone does not") {
  Fixture f(std::string(kHead) +
            "      A: !Ref Choice\n      B: !Ref Free\n      C: !Ref OnlyTrue\n");
  CHECK(f.texts(f.of("A")) == std::vector<std::string>{"true when parameter Choice is 'true'",
                                                       "false when parameter Choice is 'false'"});
  CHECK(f.texts(f.of("B")) == std::vector<std::string>{"<any Free>"});
  CHECK(f.texts(f.of("C")) == std::vector<std::string>{"true when parameter OnlyTrue is 'true'"});
}

TEST_CASE("what cannot be decided is Unknown") {
  Fixture f(std::string(kHead) +
            "      A: !ImportValue shared-key\n      B: !GetAtt Key.Arn\n"
            "      C: !Ref SomeResource\n");
  CHECK(f.texts(f.of("A")) == std::vector<std::string>{"<unknown Fn::ImportValue>"});
  CHECK(f.texts(f.of("B")) == std::vector<std::string>{"<unknown Fn::GetAtt>"});
  CHECK(f.texts(f.of("C")) == std::vector<std::string>{"<unknown Ref SomeResource>"});
}

TEST_CASE("booleans in every spelling") {
  Fixture f(std::string(kHead) + "      A: [true, 'true', \"True\", TRUE, false, 'False', yes]\n");
  const auto& doc = f.doc();
  auto items = doc[doc.resolve(f.of("A").front().node)].children();
  std::vector<model::Truth> got;
  for (auto n : items) got.push_back(model::truth_of(doc, n));
  using T = model::Truth;
  CHECK(got == std::vector<T>{T::True, T::True, T::True, T::True, T::False, T::False, T::Unknown});
}

TEST_CASE("assumptions are consistent unless one condition or parameter differs") {
  model::Assumptions a{{true, "C", "true"}}, b{{true, "C", "false"}}, c{{true, "D", "false"}};
  CHECK_FALSE(model::consistent(a, b));
  CHECK(model::consistent(a, c));
  CHECK(model::consistent({}, b));
  CHECK_FALSE(model::consistent({{false, "P", "x"}}, {{false, "P", "y"}}));
}

TEST_CASE("expansion is bounded") {
  // 2^8 leaves over 8 independent conditions, past the bound: the rest
  // collapses into one Unknown.
  std::string conditions = "Parameters:\n  Env: {Type: String}\nConditions:\n";
  std::string value = "x";
  for (int i = 0; i < 8; ++i) {
    std::string c = "C" + std::to_string(i);
    conditions += "  " + c + ": !Equals [!Ref Env, v" + std::to_string(i) + "]\n";
    value = "!If [" + c + ", " + value + ", " + value + "]";
  }
  Fixture f(conditions + "Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: " +
            value + "\n");
  auto ps = f.of("A");
  CHECK(ps.size() == model::Evaluator::kMaxPossibilities);
  CHECK(ps.back().kind == K::Unknown);
}

TEST_CASE("evaluate: implies and add_assumptions") {
  const model::Assumption prod{true, "IsProd", "true"};
  const model::Assumption not_prod{true, "IsProd", "false"};
  const model::Assumption kms{false, "Sse", "aws:kms"};
  CHECK(model::implies({prod, kms}, {prod}));
  CHECK(model::implies({prod}, {}));
  CHECK_FALSE(model::implies({prod}, {prod, kms}));
  CHECK_FALSE(model::implies({not_prod}, {prod}));
  model::Assumptions both{prod};
  model::add_assumptions(both, {not_prod, kms});  // IsProd already said: kept as it was
  REQUIRE(both.size() == 2);
  CHECK(both[0].value == "true");
  CHECK(both[1].name == "Sse");
}
