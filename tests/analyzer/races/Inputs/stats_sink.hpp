// A statistics sink whose add() has no synchronization; defined in stats_sink.cpp.
#pragma once
class StatsSink {
public:
  void add(double x);
  double mean() const;

private:
  double sum_ = 0;
  long count_ = 0;
};
