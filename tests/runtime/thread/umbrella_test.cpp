// The umbrella header compiles on its own and exposes the thread half.
#include "boundwise/boundwise.hpp"

#include <gtest/gtest.h>

TEST(Umbrella, ThreadPoolAndFutureVisible) {
  boundwise::ThreadPool pool{1};
  boundwise::Future<int> f = pool.submit([] { return 3; });
  EXPECT_EQ(f.get(), 3);
}
