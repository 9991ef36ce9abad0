#include "header.h"

int main() { start_workers(); }
