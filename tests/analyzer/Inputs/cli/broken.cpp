// Does not compile: a missing ')'.
int broken( { return 0; }

int fine() { return 1; }
