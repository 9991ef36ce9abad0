/* Request counter shared by the crossfile fixtures (no locking). */
#ifndef HIT_COUNTER_H
#define HIT_COUNTER_H
void record_hit(int weight);
long hits_so_far(void);
#endif
