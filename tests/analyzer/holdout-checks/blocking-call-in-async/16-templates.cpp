// CHECK: boundwise-blocking-call-in-async
// Coroutine templates and coroutines in namespaces.
#include <boundwise/async.hpp>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

namespace app::jobs {

template <class T>
boundwise::Task<T> delayed(T value, std::chrono::milliseconds d) {
  std::this_thread::sleep_for(d);  // WARN
  co_return value;
}

template <class T>
boundwise::Task<T> delayed_async(T value, std::chrono::milliseconds d) {
  co_await boundwise::sleep_for(d);
  co_return value;
}

template <class T>
T delayed_sync(T value, std::chrono::milliseconds d) {
  std::this_thread::sleep_for(d);
  return value;
}

boundwise::Task<std::string> first_line(std::string path) {
  std::ifstream in(path);  // WARN
  co_return path;
}

}  // namespace app::jobs

int main() {
  int a = boundwise::run(app::jobs::delayed(1, 1ms));
  int b = boundwise::run(app::jobs::delayed_async(2, 1ms));
  int c = app::jobs::delayed_sync(3, 1ms);
  return a + b + c + static_cast<int>(boundwise::run(app::jobs::first_line("/etc/hostname")).size());
}
