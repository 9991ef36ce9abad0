// CHECK: boundwise-nonserializable-process-argument
// Image thumbnails in worker processes with the real runtime header: every
// call here compiles. The two mistakes are the kind that compile.
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};

struct Options {
  int max_side = 256;
  bool grayscale = false;
  std::optional<std::string> watermark;
};

static int images_done = 0;

Image thumbnail(const Image &img, const Options &opt) {
  Image out;
  int scale = std::max(1, std::max(img.width, img.height) / opt.max_side);
  out.width = img.width / scale;
  out.height = img.height / scale;
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      out.pixels[static_cast<std::size_t>(y * out.width + x)] =
          img.pixels[static_cast<std::size_t>((y * scale) * img.width + x * scale)];
  return out;
}

Image thumbnail_counted(const Image &img) {
  ++images_done;
  return thumbnail(img, Options{});
}

std::size_t encoded_size(Image img) { return img.pixels.size() / 4 + 64; }

Image load_from(int fd) {
  Image img;
  img.pixels.resize(1024);
  read(fd, img.pixels.data(), img.pixels.size());
  img.width = img.height = 32;
  return img;
}

int main() {
  boundwise::ProcessPool pool{4, 100};
  boundwise::ThreadPool io{8};
  std::vector<Image> images(8, Image{64, 64, std::vector<std::uint8_t>(64 * 64)});
  Options opt{128, true, std::string("(c)")};

  auto t1 = pool.submit(thumbnail, images[0], opt);
  std::vector<std::size_t> sizes = pool.map(encoded_size, images);
  auto t2 = pool.submit([](const Image &img, int side) { return thumbnail(img, Options{side, false, {}}); }, images[1], 64);
  std::vector<Image> counted = pool.map(thumbnail_counted, images);  // WARN

  int fd = open("/tmp/frame.raw", O_RDONLY);
  auto loaded = pool.submit(load_from, fd);  // WARN
  auto loaded_ok = io.submit(load_from, fd);

  Image &first = images[0];
  auto t3 = io.submit([&first, &opt] { return thumbnail(first, opt); });
  close(fd);
  return static_cast<int>(t1.get().width + t2.get().width + t3.get().width + loaded.get().width + loaded_ok.get().width) +
         static_cast<int>(sizes.size() + counted.size());
}
