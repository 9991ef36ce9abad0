// Process-wide metrics kept in std::atomic; defined in metrics.cpp.
#pragma once
void count_request(long bytes);
long total_requests();
long total_bytes();
