// Unlocked session bookkeeping: safe only if callers never run concurrently.
#include "holdout_session.h"

static int opened;
static int last_user = -1;

void open_session(int user) {
  opened++; // RACE
  last_user = user; // RACE
}

void close_session(int user) {
  if (last_user == user) // RACE
    last_user = -1; // RACE
}

int sessions_opened(void) { return opened; }
