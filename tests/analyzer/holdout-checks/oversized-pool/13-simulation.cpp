// CHECK: boundwise-oversized-pool
// An N-body step on threads and a parameter sweep on processes.
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <cmath>
#include <vector>

struct Body {
  double x = 0, y = 0, vx = 0, vy = 0, m = 1;
};

struct Sweep {
  double dt = 0.01;
  int steps = 1000;
};

std::vector<Body> step(std::vector<Body> bodies, double dt) {
  for (auto &a : bodies) {
    double ax = 0, ay = 0;
    for (const auto &b : bodies) {
      double dx = b.x - a.x, dy = b.y - a.y;
      double d2 = dx * dx + dy * dy + 1e-9;
      double inv = b.m / (d2 * std::sqrt(d2));
      ax += dx * inv;
      ay += dy * inv;
    }
    a.vx += ax * dt;
    a.vy += ay * dt;
  }
  for (auto &a : bodies) {
    a.x += a.vx * dt;
    a.y += a.vy * dt;
  }
  return bodies;
}

double energy_after(Sweep s) {
  std::vector<Body> bodies(64);
  for (std::size_t i = 0; i < bodies.size(); ++i) bodies[i].x = static_cast<double>(i);
  for (int i = 0; i < s.steps; ++i) bodies = step(bodies, s.dt);
  double e = 0;
  for (const auto &b : bodies) e += 0.5 * b.m * (b.vx * b.vx + b.vy * b.vy);
  return e;
}

std::vector<double> sweep_wide(const std::vector<Sweep> &configs) {
  boundwise::ProcessPool pool{64};  // WARN
  return pool.map(energy_after, configs);
}

std::vector<double> sweep_ok(const std::vector<Sweep> &configs) {
  boundwise::ProcessPool pool;
  return pool.map(energy_after, configs);
}

std::vector<double> sweep_threads(const std::vector<Sweep> &configs) {
  boundwise::ThreadPool pool{boundwise::default_workers() * 2};
  return pool.map(energy_after, configs);
}

std::vector<double> sweep_threads_wide(const std::vector<Sweep> &configs) {
  boundwise::ThreadPool pool{boundwise::default_workers() * 3};  // WARN
  return pool.map(energy_after, configs);
}

int main() {
  std::vector<Sweep> configs{{0.01, 100}, {0.02, 100}, {0.005, 200}};
  return static_cast<int>(sweep_wide(configs).size() + sweep_ok(configs).size() + sweep_threads(configs).size() +
                          sweep_threads_wide(configs).size());
}
