// Session bookkeeping used by holdout/crossfile/session_*.c.
#ifndef HOLDOUT_SESSION_H
#define HOLDOUT_SESSION_H
void open_session(int user);
void close_session(int user);
int sessions_opened(void);
#endif
