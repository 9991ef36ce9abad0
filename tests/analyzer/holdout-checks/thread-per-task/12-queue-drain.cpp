// CHECK: boundwise-thread-per-task
// Draining a work queue with one thread per entry.
#include <deque>
#include <list>
#include <string>
#include <thread>
#include <vector>

struct Job {
  std::string name;
  int cost = 0;
};

void run_job(Job j) { (void)j.cost; }

void drain(std::deque<Job> &queue) {
  std::vector<std::thread> running;
  while (!queue.empty()) {
    running.emplace_back(run_job, queue.front());  // WARN
    queue.pop_front();
  }
  for (auto &t : running) t.join();
}

void drain_list(const std::list<Job> &jobs) {
  std::vector<std::thread> running;
  for (auto it = jobs.begin(); it != jobs.end(); ++it) running.push_back(std::thread(run_job, *it));  // WARN
  for (auto &t : running) t.join();
}

void drain_serial(std::deque<Job> &queue) {
  while (!queue.empty()) {
    std::thread t(run_job, queue.front());
    queue.pop_front();
    t.join();
  }
}

void drain_single_worker(std::deque<Job> &queue) {
  std::thread worker([&queue] {
    while (!queue.empty()) {
      run_job(queue.front());
      queue.pop_front();
    }
  });
  worker.join();
}

int main() {
  std::deque<Job> q{{"a", 1}, {"b", 2}};
  std::deque<Job> q2 = q, q3 = q;
  drain(q);
  drain_list({{"c", 3}});
  drain_serial(q2);
  drain_single_worker(q3);
}
