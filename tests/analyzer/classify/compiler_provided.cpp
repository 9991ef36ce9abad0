// RUN: %boundwise classify --quiet %s -- -std=c++20 | FileCheck %s
// Compiler-provided special members and C++ APIs of installed libraries the
// knowledge base does not list are computation, never "unknown".
#include <string>
#include <vector>

struct Point { int x = 0; double weight = 0; };
struct Named { std::string name; std::vector<int> ids; };

// CHECK-DAG: {{^}}assign_points {{.*}}:[[@LINE+1]] {{ *}}cpu
void assign_points(Point *out, const Point *in, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = in[i];
}

// CHECK-DAG: {{^}}copy_named {{.*}}:[[@LINE+1]] {{ *}}cpu
void copy_named(Named &to, const Named &from) { to = from; }

// A function only declared in the user's own code stays unknown.
void third_party_sync(const Named &);
// CHECK-DAG: {{^}}sync_one {{.*}}:[[@LINE+1]] {{ *}}unknown {{.*}}third_party_sync
void sync_one(const Named &n) { third_party_sync(n); }
