/* A counter whose every access holds its mutex; defined in locked_counter.c. */
#ifndef LOCKED_COUNTER_H
#define LOCKED_COUNTER_H
void locked_add(long n);
long locked_total(void);
#endif
