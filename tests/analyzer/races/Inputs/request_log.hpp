// Declarations shared by crossfile/extern_global_reader.cpp and Inputs/request_log.cpp.
#pragma once
extern int g_pending;
void serve_requests(int n);
