// HTTP client for the async executor: boundwise::http::get/post on libcurl's multi-socket API, driven by the Loop.
//
//   boundwise::http::Response r = co_await boundwise::http::get("http://127.0.0.1:8080/");
//
// Many requests run concurrently on one thread (gather them); libcurl's
// sockets and timers are watched by the loop itself, no extra threads.
// Needs the runtime built with libcurl (http::available()); otherwise every
// call throws HttpError.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include "boundwise/async.hpp"

namespace boundwise::http {

struct Response {
  long status = 0;          // 200, 404, ...
  std::string body;
  std::string headers;      // raw header block(s), as received
  std::string effective_url;
};

// A transport failure (refused, reset, timeout, bad URL): not an HTTP status.
class HttpError : public std::runtime_error {
 public:
  HttpError(int curl_code, const std::string& what) : std::runtime_error(what), code_(curl_code) {}
  int curl_code() const noexcept { return code_; }

 private:
  int code_;
};

struct Options {
  std::chrono::milliseconds timeout = std::chrono::seconds(30);  // whole transfer
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
  std::vector<std::string> headers;  // "Name: value"
  bool follow_redirects = true;
};

// True if the runtime was built with libcurl.
bool available() noexcept;

Task<Response> get(std::string url, Options options = {});
Task<Response> post(std::string url, std::string body, Options options = {});

}  // namespace boundwise::http
