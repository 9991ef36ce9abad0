// The worker every thread runs.
#pragma once
int worker_roll();
