// Appends 150 records to a journal, forcing each to stable storage, the way
// a database's write-ahead log does.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

static void append_record(int fd, int seq) {
  std::string rec = "record " + std::to_string(seq) + " committed\n";
  write(fd, rec.data(), rec.size());
  fsync(fd);
}

int main() {
  const char *path = "/var/tmp/boundwise-accuracy-journal.log";
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    perror("open");
    return 1;
  }
  for (int i = 0; i < 150; ++i)
    append_record(fd, i);
  close(fd);
  unlink(path);
  return 0;
}
