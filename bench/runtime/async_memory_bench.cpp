// Heap bytes per suspended task and per idle connection (with its suspended reader task) on the async executor.
#include <malloc.h>
#include <sys/resource.h>

#include <cstdio>
#include <vector>

#include "boundwise/async.hpp"
#include "boundwise/net.hpp"

using boundwise::Task;
using boundwise::net::TcpListener;
using boundwise::net::TcpStream;

namespace {

std::size_t heap_in_use() { return mallinfo2().uordblks; }

Task<void> parked(boundwise::Event& ev) { co_await ev.wait(); }

Task<void> idle_reader(TcpStream& s) {
  char buf[64];  // a real server's buffer would be here too
  (void)co_await s.read_some(buf, sizeof buf);
}

}  // namespace

int main() {
  rlimit rl{};
  ::getrlimit(RLIMIT_NOFILE, &rl);
  rl.rlim_cur = rl.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &rl);
  boundwise::run([&rl]() -> Task<void> {
    constexpr int kTasks = 100000;
    boundwise::Event ev;
    std::vector<boundwise::TaskHandle<void>> hs;
    hs.reserve(kTasks);
    std::size_t before = heap_in_use();
    for (int i = 0; i < kTasks; ++i) hs.push_back(boundwise::spawn(parked(ev)));
    co_await boundwise::sleep_for(std::chrono::milliseconds(1));  // all suspended on ev
    double per_task = double(heap_in_use() - before) / kTasks;
    ev.set();
    for (auto& h : hs) co_await h;
    hs.clear();

    const int kConns = static_cast<int>(std::min<rlim_t>(5000, (rl.rlim_max - 100) / 2));
    auto l = TcpListener::bind("127.0.0.1", 0, 4096);
    std::vector<TcpStream> clients, servers;
    clients.reserve(kConns);
    servers.reserve(kConns);
    std::vector<boundwise::TaskHandle<void>> readers;
    readers.reserve(kConns);
    before = heap_in_use();
    for (int i = 0; i < kConns; ++i) {
      clients.push_back(co_await TcpStream::connect("127.0.0.1", l.local_port()));
      servers.push_back(co_await l.accept());
    }
    for (auto& s : servers) readers.push_back(boundwise::spawn(idle_reader(s)));
    co_await boundwise::sleep_for(std::chrono::milliseconds(1));
    double per_conn = double(heap_in_use() - before) / kConns;
    std::printf("memory (user-space heap; kernel socket buffers not included)\n");
    std::printf("  per suspended task (spawned, waiting on an Event): %6.0f bytes  (%d tasks)\n", per_task, kTasks);
    std::printf("  per idle connection (both ends' TcpStream + a task parked in read_some): %6.0f bytes  (%d)\n",
                per_conn, kConns);
    clients.clear();
    for (auto& h : readers) co_await h;
  }());
}
