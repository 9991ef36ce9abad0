// The clang-tidy module that registers every boundwise check, for the
// boundwise driver and for stock clang-tidy (--load=libboundwise-tidy.so).
#include "blocking_call_in_async_check.h"
#include "lock_held_across_io_check.h"
#include "mt_unsafe_call_in_thread_check.h"
#include "nonserializable_process_argument_check.h"
#include "oversized_pool_check.h"
#include "pool_in_loop_check.h"
#include "thread_per_task_check.h"
#include "unsynchronized_shared_state_check.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace boundwise {

class BoundwiseModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<MtUnsafeCallInThreadCheck>("boundwise-mt-unsafe-call-in-thread");
    Factories.registerCheck<ThreadPerTaskCheck>("boundwise-thread-per-task");
    Factories.registerCheck<PoolInLoopCheck>("boundwise-pool-in-loop");
    Factories.registerCheck<OversizedPoolCheck>("boundwise-oversized-pool");
    Factories.registerCheck<BlockingCallInAsyncCheck>("boundwise-blocking-call-in-async");
    Factories.registerCheck<LockHeldAcrossIoCheck>("boundwise-lock-held-across-io");
    Factories.registerCheck<NonserializableProcessArgumentCheck>(
        "boundwise-nonserializable-process-argument");
    Factories.registerCheck<UnsynchronizedSharedStateCheck>("boundwise-unsynchronized-shared-state");
  }
};

static clang::tidy::ClangTidyModuleRegistry::Add<BoundwiseModule>
    Registration("boundwise-module", "Concurrency advice: executors, races, blocking calls.");

// Referenced by the driver so the static registration survives linking.
volatile int BoundwiseModuleAnchorSource = 0;

} // namespace boundwise
