/* lock/unlock wrappers over one global mutex; defined in guard.c. */
#ifndef GUARD_H
#define GUARD_H
void guard_enter(void);
void guard_leave(void);
#endif
