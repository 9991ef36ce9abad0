// Nothing to report: no thread calls anything MT-unsafe.
#include <thread>

int square(int x) { return x * x; }

int main() {
  std::thread t([] { (void)square(3); });
  t.join();
}
