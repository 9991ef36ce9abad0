// Helper TU for crossfile/static_member_other_file.cpp: an unguarded static data member.
#include "id_source.hpp"

int IdSource::next_ = 1;

int IdSource::take() { return next_++; } // RACE
