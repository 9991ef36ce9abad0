// Hands out sequence numbers from a static data member; defined in id_source.cpp.
#pragma once
class IdSource {
public:
  static int take();

private:
  static int next_;
};
