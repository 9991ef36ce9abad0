// CHECK: boundwise-nonserializable-process-argument
// Types the codec cannot encode (classes with private state and no
// serialize(), unions, C arrays, views, aggregates with a base) versus
// types it can (aggregates, containers, optional, variant, tuple, chrono,
// enums, classes with a serialize member).
#include "holdout_process_pool.hpp"

#include <array>
#include <chrono>
#include <deque>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <variant>
#include <vector>

class Account {
 public:
  explicit Account(double b = 0) : balance_(b) {}
  double balance() const { return balance_; }

 private:
  double balance_;
};

class Ledger {
 public:
  template <class Archive>
  void serialize(Archive &ar) {
    ar(owner_, amounts_);
  }
  double sum() const {
    double s = 0;
    for (double a : amounts_) s += a;
    return s;
  }

 private:
  std::string owner_;
  std::vector<double> amounts_;
};

union Bits {
  float f;
  unsigned u;
};

struct Base {
  int id = 0;
};
struct Derived : Base {
  double weight = 0;
};

struct Point {
  double x = 0, y = 0;
};
struct Polyline {
  std::string name;
  std::vector<Point> points;
  std::optional<int> color;
};
struct Grid {
  int cells[16];
};

enum class Mode { fast, exact };

double balance_of(Account a) { return a.balance(); }
double ledger_sum(Ledger l) { return l.sum(); }
unsigned bits_of(Bits b) { return b.u; }
int id_of(Derived d) { return d.id; }
int count_view(std::string_view s) { return static_cast<int>(s.size()); }
int sum_span(std::span<const int> s) {
  int t = 0;
  for (int v : s) t += v;
  return t;
}
int grid_sum(Grid g) {
  int t = 0;
  for (int c : g.cells) t += c;
  return t;
}
double length(const Polyline &p) { return static_cast<double>(p.points.size()); }
int mode_cost(Mode m, std::chrono::milliseconds budget) { return m == Mode::fast ? 1 : static_cast<int>(budget.count()); }
int describe(std::variant<int, std::string> v, std::tuple<int, double> t, std::pair<int, int> p) {
  return static_cast<int>(v.index()) + std::get<0>(t) + p.first;
}
int containers(std::map<std::string, std::vector<int>> m, std::set<int> s, std::unordered_map<int, std::string> u,
               std::deque<int> d, std::list<std::string> l, std::array<int, 4> a) {
  return static_cast<int>(m.size() + s.size() + u.size() + d.size() + l.size() + a.size());
}

int main() {
  boundwise::ProcessPool pool{2};
  auto a = pool.submit(balance_of, Account(10.0));  // WARN
  auto b = pool.submit(bits_of, Bits{1.0f});  // WARN
  auto c = pool.submit(id_of, Derived{});  // WARN
  std::string text = "hello";
  auto d = pool.submit(count_view, std::string_view(text));  // WARN
  std::vector<int> nums{1, 2, 3};
  auto e = pool.submit(sum_span, std::span<const int>(nums));  // WARN
  auto f = pool.submit(grid_sum, Grid{});  // WARN

  auto ok1 = pool.submit(ledger_sum, Ledger{});
  auto ok2 = pool.submit(length, Polyline{"road", {{0, 0}, {1, 1}}, 3});
  auto ok3 = pool.submit(mode_cost, Mode::exact, std::chrono::milliseconds(20));
  auto ok4 = pool.submit(describe, std::variant<int, std::string>(std::string("x")), std::tuple<int, double>(1, 2.0), std::pair<int, int>(3, 4));
  auto ok5 = pool.submit(containers, std::map<std::string, std::vector<int>>{{"k", {1}}}, std::set<int>{1}, std::unordered_map<int, std::string>{}, std::deque<int>{}, std::list<std::string>{"a"}, std::array<int, 4>{});
  std::vector<Polyline> lines(3);
  auto ok6 = pool.map(length, lines);
  return static_cast<int>(a.get() + b.get() + c.get() + d.get() + e.get() + f.get() + ok1.get() + ok2.get() + ok3.get() +
                          ok4.get() + ok5.get() + static_cast<double>(ok6.size()));
}
