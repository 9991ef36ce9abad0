// Forks a worker that answers 100 requests over pipes, each after 2 ms of
// waiting on a slow device; the parent reads every answer.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

static void worker(int in, int out) {
  int request;
  while (read(in, &request, sizeof request) == sizeof request) {
    usleep(2000);
    int answer = request * 2;
    write(out, &answer, sizeof answer);
  }
  _exit(0);
}

int main() {
  int to_child[2], to_parent[2];
  pipe(to_child);
  pipe(to_parent);
  pid_t pid = fork();
  if (pid == 0) {
    close(to_child[1]);
    close(to_parent[0]);
    worker(to_child[0], to_parent[1]);
  }
  close(to_child[0]);
  close(to_parent[1]);
  long sum = 0;
  for (int i = 0; i < 100; ++i) {
    write(to_child[1], &i, sizeof i);
    int answer = 0;
    read(to_parent[0], &answer, sizeof answer);
    sum += answer;
  }
  close(to_child[1]);
  waitpid(pid, nullptr, 0);
  std::printf("%ld\n", sum);
  return 0;
}
