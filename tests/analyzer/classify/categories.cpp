// Every blocking category of the knowledge base, each in the shape real code
// uses it. Each function's expected class and the leaf of its evidence chain
// is stated next to it.
// RUN: %boundwise classify --quiet %s -- -std=c++20 | FileCheck %s
#include <fcntl.h>
#include <mqueue.h>
#include <netdb.h>
#include <sys/msg.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <mutex>
#include <queue>
#include <string>
#include <thread>
#include <vector>

// --- network
// CHECK-DAG: {{^}}send_all {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}send_all -> send [network]
bool send_all(int fd, const char *data, size_t size) {
  while (size > 0) {
    ssize_t n = send(fd, data, size, 0);
    if (n <= 0)
      return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// CHECK-DAG: {{^}}read_reply {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}read_reply -> recv [network]
std::string read_reply(int fd) {
  std::string reply;
  char buf[4096];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
    reply.append(buf, static_cast<size_t>(n));
  return reply;
}

// CHECK-DAG: {{^}}serve_one {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}serve_one -> {{.*}}[network]
void serve_one(int listener) {
  int client = accept(listener, nullptr, nullptr);
  std::string request = read_reply(client);
  send_all(client, request.data(), request.size());
  close(client);
}

// --- dns
// CHECK-DAG: {{^}}resolve {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}resolve -> getaddrinfo [dns]
int resolve(const char *host) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo *res = nullptr;
  int rc = getaddrinfo(host, "443", &hints, &res);
  if (rc == 0)
    freeaddrinfo(res);
  return rc;
}

// --- disk
// CHECK-DAG: {{^}}copy_file {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}copy_file -> {{(read|write|fsync|open)}} [disk]
bool copy_file(const char *from, const char *to) {
  int in = open(from, O_RDONLY);
  int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  char buf[1 << 16];
  ssize_t n;
  while ((n = read(in, buf, sizeof buf)) > 0)
    write(out, buf, static_cast<size_t>(n));
  fsync(out);
  close(in);
  close(out);
  return true;
}

// CHECK-DAG: {{^}}append_journal {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}append_journal -> {{.*}} [disk]
void append_journal(const std::string &path, const std::vector<std::string> &entries) {
  std::FILE *f = std::fopen(path.c_str(), "a");
  for (const std::string &e : entries)
    std::fprintf(f, "%s\n", e.c_str());
  std::fflush(f);
  fsync(fileno(f));
  std::fclose(f);
}

// CHECK-DAG: {{^}}directory_bytes {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}directory_bytes -> std::filesystem::{{.*}} [disk]
std::uintmax_t directory_bytes(const std::filesystem::path &root) {
  std::uintmax_t total = 0;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(root))
    if (std::filesystem::is_regular_file(entry.path()))
      total += std::filesystem::file_size(entry.path());
  return total;
}

// --- console
// Printing is buffered formatting: measured, a program printing a report
// runs at full CPU whether stdout is a pipe, a file or /dev/null.
// CHECK-DAG: {{^}}print_table {{.*}}categories.cpp:[[@LINE+1]] cpu
void print_table(const std::vector<std::string> &rows) {
  for (const std::string &row : rows)
    std::printf("| %-40s |\n", row.c_str());
}

// CHECK-DAG: {{^}}prompt_name {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}prompt_name -> {{.*}} [console]
std::string prompt_name() {
  std::cout << "name? " << std::flush;
  std::string name;
  std::getline(std::cin, name);
  return name;
}

// --- sleep
// CHECK-DAG: {{^}}poll_until_ready {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}poll_until_ready -> std::this_thread::sleep_for [sleep]
bool poll_until_ready(const bool &ready) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (ready)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// CHECK-DAG: {{^}}backoff {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}backoff -> usleep [sleep]
void backoff(int attempt) { usleep(1000u << attempt); }

// --- wait
std::mutex queue_lock;
std::condition_variable queue_ready;
std::queue<int> jobs;

// CHECK-DAG: {{^}}next_job {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}next_job -> std::condition_variable::wait [wait]
int next_job() {
  std::unique_lock<std::mutex> lock(queue_lock);
  queue_ready.wait(lock, [] { return !jobs.empty(); });
  int job = jobs.front();
  jobs.pop();
  return job;
}

// CHECK-DAG: {{^}}wait_for_result {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}wait_for_result -> std::future::get [wait]
int wait_for_result(std::future<int> &pending) { return pending.get(); }

// --- process
// CHECK-DAG: {{^}}run_compiler {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}run_compiler -> system [process]
int run_compiler(const std::string &file) {
  std::string command = "cc -c " + file;
  return std::system(command.c_str());
}

// CHECK-DAG: {{^}}git_head {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}git_head -> {{(popen|pclose)}} [process]
std::string git_head() {
  std::FILE *p = popen("git rev-parse HEAD", "r");
  char line[64] = {};
  if (p && std::fgets(line, sizeof line, p) != nullptr)
    pclose(p);
  return line;
}

// CHECK-DAG: {{^}}spawn_and_wait {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}spawn_and_wait -> {{(fork|waitpid)}} [process]
int spawn_and_wait(char *const argv[]) {
  pid_t pid = fork();
  if (pid == 0) {
    execvp(argv[0], argv);
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

// --- ipc
struct Message {
  long type;
  char text[128];
};

// CHECK-DAG: {{^}}drain_queue {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}drain_queue -> msgrcv [ipc]
int drain_queue(int queue) {
  Message m;
  int count = 0;
  while (msgrcv(queue, &m, sizeof m.text, 0, 0) >= 0)
    ++count;
  return count;
}

// CHECK-DAG: {{^}}receive_command {{.*}}categories.cpp:[[@LINE+1]] io {{.*}}receive_command -> mq_receive [ipc]
ssize_t receive_command(mqd_t q, char *buf, size_t size) {
  return mq_receive(q, buf, size, nullptr);
}
