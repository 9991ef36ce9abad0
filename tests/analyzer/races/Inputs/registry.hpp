// A name registry guarded by a mutex; defined in registry.cpp.
#pragma once
#include <cstddef>
#include <string>
void register_name(const std::string &name);
std::size_t registered_count();
