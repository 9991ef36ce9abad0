// Umbrella header: the whole boundwise runtime (futures, thread pool, process pool) in one include.
#pragma once

#include "boundwise/future.hpp"
#include "boundwise/thread_pool.hpp"
#if __has_include("boundwise/process_pool.hpp")
#include "boundwise/process_pool.hpp"
#endif
#if __has_include("boundwise/async.hpp")
#include "boundwise/async.hpp"
#endif
