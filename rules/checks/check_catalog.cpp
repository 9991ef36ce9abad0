// The metadata of every boundwise check (see check_catalog.h).
#include "check_catalog.h"

namespace boundwise {

static const CheckInfo Catalog[] = {
    {"boundwise-mt-unsafe-call-in-thread",
     "MT-unsafe library call in code that runs on several threads at once",
     "Functions such as strtok, localtime, rand and strerror keep hidden static state. Called "
     "from code that several threads run at the same time, they return each other's results or "
     "corrupt memory. The check follows the call graph from every concurrency entry point "
     "(std::thread, std::async, pthread_create, pools, parallel algorithms, OpenMP) and stays "
     "silent for code that only ever runs on one thread. Use the reentrant variant it names.",
     true},
};

llvm::ArrayRef<CheckInfo> check_catalog() { return Catalog; }

const CheckInfo *find_check(llvm::StringRef Name) {
  for (const CheckInfo &Info : Catalog)
    if (Info.Name == Name)
      return &Info;
  return nullptr;
}

} // namespace boundwise
