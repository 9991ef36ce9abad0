// CHECK: boundwise-nonserializable-process-argument
// Inside a member function: capturing `this` (or members through it) ties
// the task to an object of this process.
#include "holdout_process_pool.hpp"

#include <string>
#include <vector>

int render_page(int page, int dpi) { return page * 1000 + dpi; }

class Renderer {
 public:
  explicit Renderer(int dpi) : dpi_(dpi), pool_(4) {}

  std::vector<int> render_all(const std::vector<int> &pages) {
    return pool_.map([this](int p) { return render_page(p, dpi_); }, pages);  // WARN
  }
  int render_one(int page) { return pool_.submit([=, this] { return render_page(page, dpi_); }).get(); }  // WARN
  int render_one_copy(int page) {
    int dpi = dpi_;
    return pool_.submit([dpi, page] { return render_page(page, dpi); }).get();  // WARN
  }
  int render_ok(int page) { return pool_.submit(render_page, page, dpi_).get(); }
  std::vector<int> render_all_ok(const std::vector<int> &pages) {
    std::vector<int> out;
    for (int p : pages) out.push_back(pool_.submit(render_page, p, dpi_).get());
    return out;
  }
  static int thumbnail(int page) { return render_page(page, 72); }
  std::vector<int> thumbnails(const std::vector<int> &pages) { return pool_.map(&Renderer::thumbnail, pages); }

 private:
  int dpi_;
  boundwise::ProcessPool pool_;
};

int main() {
  Renderer r(300);
  std::vector<int> pages{1, 2, 3};
  return static_cast<int>(r.render_all(pages).size() + r.thumbnails(pages).size() + r.render_all_ok(pages).size()) + r.render_one(1) +
         r.render_one_copy(2) + r.render_ok(3);
}
