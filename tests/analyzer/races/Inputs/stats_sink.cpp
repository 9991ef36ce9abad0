// Helper TU for crossfile/member_helper_other_file.cpp.
#include "stats_sink.hpp"

void StatsSink::add(double x) {
  sum_ += x; // RACE
  ++count_; // RACE
}

double StatsSink::mean() const { return count_ ? sum_ / count_ : 0.0; }
