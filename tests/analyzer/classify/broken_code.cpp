// Broken code: classify prints what parsed, warns about the file and exits 1.
// RUN: not %boundwise classify --quiet %s -- -std=c++20 > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=ERR < %t.err
#include <sys/socket.h>

// CHECK-DAG: {{^}}still_fine {{.*}}broken_code.cpp:[[@LINE+1]] io {{.*}}still_fine -> recv [network]
long still_fine(int fd, char *buf) { return recv(fd, buf, 4096, 0); }

int missing_semicolon(int x) {
  int y = x * 2
  return y;
}

struct Half {
  void method( {
};

// CHECK-DAG: {{^}}{{(Half::)?}}after_errors {{.*}}broken_code.cpp:[[@LINE+1]] cpu
long after_errors(const long *v, int n) {
  long s = 0;
  for (int i = 0; i < n; ++i)
    s += v[i] * v[i];
  return s;
}

// ERR: broken_code.cpp{{.*}}error:
// ERR: boundwise: warning: {{.*}}broken_code.cpp has compile errors; its functions were classified from what parsed
