inline long total;
inline void bump() { total++; }
