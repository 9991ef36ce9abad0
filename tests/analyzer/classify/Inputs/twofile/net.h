// Declared here, defined in b.cpp: a.cpp only sees the declarations.
#pragma once
#include <string>
#include <vector>

std::string http_get(const std::string &host, const std::string &path);
std::vector<double> parse_series(const std::string &body);
double smooth(std::vector<double> &series, int passes);

class Archive {
public:
  explicit Archive(std::string dir);
  void store(const std::string &name, const std::string &body);
  std::string dir() const { return dir_; }

private:
  std::string dir_;
};
