/* A thread body defined in ticker.c that reads the shared interval. */
#ifndef TICKER_H
#define TICKER_H
extern int tick_interval;
void *ticker_main(void *arg);
#endif
