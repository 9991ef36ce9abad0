// boundwise::http on libcurl's multi-socket API: curl's sockets and timer are watched by the Loop, transfers resume tasks.
#include "boundwise/http.hpp"

#ifdef BOUNDWISE_HAVE_CURL
#include <curl/curl.h>
#include <sys/epoll.h>

#include <memory>
#include <unordered_map>
#endif

namespace boundwise::http {

#ifndef BOUNDWISE_HAVE_CURL

bool available() noexcept { return false; }
Task<Response> get(std::string, Options) {
  throw HttpError(-1, "boundwise: built without libcurl (install libcurl4-openssl-dev and reconfigure)");
  co_return Response{};
}
Task<Response> post(std::string, std::string, Options) {
  throw HttpError(-1, "boundwise: built without libcurl (install libcurl4-openssl-dev and reconfigure)");
  co_return Response{};
}

#else

namespace {

struct Transfer;
class CurlMulti;
thread_local CurlMulti* tl_multi = nullptr;

// One curl multi handle per thread, alive while that thread's loop has
// transfers in flight. All callbacks run on the loop thread.
class CurlMulti : public detail::TimerNode {
 public:
  explicit CurlMulti(Loop* loop) : loop_(loop), multi_(curl_multi_init()) {
    if (multi_ == nullptr) throw HttpError(-1, "boundwise: curl_multi_init failed");
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &on_socket);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &on_timer);
    curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
    fire = &on_timer_fire;
  }
  ~CurlMulti() {
    if (armed()) loop_->cancel_timer(this);
    curl_multi_cleanup(multi_);  // may still report sockets removed
    for (auto& [fd, h] : watches_) loop_->watch_fd(h.get(), false, false);
  }

  static CurlMulti& for_current_loop();
  Loop* loop() const noexcept { return loop_; }

  void add(Transfer* t);
  void remove(Transfer* t) noexcept;

 private:
  static int on_socket(CURL*, curl_socket_t fd, int what, void* self, void*) noexcept {
    static_cast<CurlMulti*>(self)->set_watch(fd, what);
    return 0;
  }
  static int on_timer(CURLM*, long ms, void* self) noexcept {
    auto* m = static_cast<CurlMulti*>(self);
    if (m->armed()) m->loop_->cancel_timer(m);
    if (ms >= 0) {
      // 0 means "call socket_action soon", never from inside this callback.
      m->when = detail::Clock::now() + std::chrono::milliseconds(ms);
      m->loop_->add_timer(m);
    }
    return 0;
  }
  static void on_timer_fire(detail::TimerNode* t) noexcept {
    auto* m = static_cast<CurlMulti*>(t);
    m->act(CURL_SOCKET_TIMEOUT, 0);
  }
  // From the poller, mid-batch: only record; curl runs after the batch.
  static void on_events(detail::IoHandle* h, std::uint32_t ev) noexcept {
    auto* m = static_cast<CurlMulti*>(h->user);
    int mask = 0;
    if (ev & EPOLLIN) mask |= CURL_CSELECT_IN;
    if (ev & EPOLLOUT) mask |= CURL_CSELECT_OUT;
    if (ev & (EPOLLERR | EPOLLHUP)) mask |= CURL_CSELECT_ERR;
    if (m->ready_.empty()) m->loop_->defer(&drain_ready, m);
    m->ready_.push_back({h->fd, mask});
  }
  static void drain_ready(void* self) noexcept {
    auto* m = static_cast<CurlMulti*>(self);
    std::vector<std::pair<int, int>> batch;
    batch.swap(m->ready_);
    for (auto [fd, mask] : batch) {
      if (tl_multi != m) break;  // the last transfer finished and took the multi with it
      m->act(fd, mask);
    }
  }
  void set_watch(curl_socket_t fd, int what) noexcept {
    auto it = watches_.find(fd);
    if (what == CURL_POLL_REMOVE) {
      if (it != watches_.end()) {
        loop_->watch_fd(it->second.get(), false, false);
        watches_.erase(it);
      }
      return;
    }
    if (it == watches_.end()) {
      auto h = std::make_unique<detail::IoHandle>();
      h->fd = fd;
      h->watch = &on_events;
      h->user = this;
      it = watches_.emplace(fd, std::move(h)).first;
    }
    try {
      loop_->watch_fd(it->second.get(), what == CURL_POLL_IN || what == CURL_POLL_INOUT,
                      what == CURL_POLL_OUT || what == CURL_POLL_INOUT);
    } catch (...) {  // epoll refused the fd: curl's own timeout will fail the transfer
    }
  }
  void act(curl_socket_t fd, int mask) noexcept;

  Loop* loop_;
  CURLM* multi_;
  std::unordered_map<int, std::unique_ptr<detail::IoHandle>> watches_;
  std::vector<std::pair<int, int>> ready_;
  std::size_t active_ = 0;
};

// One request, parked in the awaiting task's frame.
struct Transfer : detail::CancelHook {
  CURL* easy = nullptr;
  curl_slist* header_list = nullptr;
  Response response;
  std::string post_body;
  char errbuf[CURL_ERROR_SIZE] = {};
  CURLcode result = CURLE_OK;
  bool aborted = false;
  bool in_multi = false;
  std::coroutine_handle<> h;
  detail::AsyncNode* node = nullptr;
  CurlMulti* multi = nullptr;

  Transfer(const std::string& url, const Options& o, const std::string* body) {
    easy = curl_easy_init();
    if (easy == nullptr) throw HttpError(-1, "boundwise: curl_easy_init failed");
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, this);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM-based DNS timeouts in our thread
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout.count()));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, o.follow_redirects ? 1L : 0L);
    for (const auto& hd : o.headers) header_list = curl_slist_append(header_list, hd.c_str());
    if (header_list != nullptr) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, header_list);
    if (body != nullptr) {
      post_body = *body;
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, post_body.data());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post_body.size()));
    }
  }
  Transfer(const Transfer&) = delete;
  ~Transfer() {
    if (in_multi) multi->remove(this);  // frame destroyed mid-transfer
    curl_easy_cleanup(easy);
    curl_slist_free_all(header_list);
  }
  static size_t on_body(char* p, size_t size, size_t n, void* self) {
    static_cast<Transfer*>(self)->response.body.append(p, size * n);
    return size * n;
  }
  static size_t on_header(char* p, size_t size, size_t n, void* self) {
    static_cast<Transfer*>(self)->response.headers.append(p, size * n);
    return size * n;
  }

  bool await_ready() const noexcept { return false; }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> handle) {
    h = handle;
    node = handle.promise().node;
    if (node->cancel_pending()) {
      aborted = true;
      return false;
    }
    multi = &CurlMulti::for_current_loop();
    abort = &on_abort;
    multi->add(this);
    node->set_hook(this);
    return true;
  }
  static void on_abort(detail::CancelHook* c) noexcept {
    auto* t = static_cast<Transfer*>(c);
    t->aborted = true;
    t->multi->remove(t);  // may free the multi: do not touch it after
    t->node->loop()->schedule(t->h);
  }
  // From CurlMulti::act when curl reports the transfer done.
  void finish(CURLcode rc) noexcept {
    result = rc;
    node->clear_hook();
    node->loop()->schedule(h);
  }
  Response await_resume() {
    if (aborted) {
      node->consume_cancel();
      throw CancelledError("boundwise: the task was cancelled");
    }
    if (result != CURLE_OK) {
      std::string msg = errbuf[0] != '\0' ? errbuf : curl_easy_strerror(result);
      throw HttpError(static_cast<int>(result), "boundwise::http: " + msg);
    }
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &response.status);
    char* eff = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff != nullptr)
      response.effective_url = eff;
    return std::move(response);
  }
};

CurlMulti& CurlMulti::for_current_loop() {
  Loop* loop = Loop::current();
  if (loop == nullptr) throw std::logic_error("boundwise::http needs a running loop");
  if (tl_multi == nullptr) {
    static const bool global_init = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    if (!global_init) throw HttpError(-1, "boundwise: curl_global_init failed");
    tl_multi = new CurlMulti(loop);
  }
  return *tl_multi;
}

void CurlMulti::add(Transfer* t) {
  CURLMcode rc = curl_multi_add_handle(multi_, t->easy);
  if (rc != CURLM_OK) throw HttpError(-1, std::string("boundwise: curl_multi_add_handle: ") + curl_multi_strerror(rc));
  t->in_multi = true;
  ++active_;
}

void CurlMulti::remove(Transfer* t) noexcept {
  if (!t->in_multi) return;
  curl_multi_remove_handle(multi_, t->easy);
  t->in_multi = false;
  if (--active_ == 0) {
    // Idle: drop the multi (and its connection cache) rather than keep
    // sockets and a timer registered on a loop that may be about to end.
    tl_multi = nullptr;
    delete this;
  }
}

void CurlMulti::act(curl_socket_t fd, int mask) noexcept {
  int running = 0;
  curl_multi_socket_action(multi_, fd, mask, &running);
  // Collect finished transfers first: remove() may delete this multi.
  std::vector<std::pair<Transfer*, CURLcode>> done;
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    Transfer* t = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
    done.emplace_back(t, msg->data.result);
  }
  for (auto [t, rc] : done) {
    remove(t);
    t->finish(rc);
  }
}

Task<Response> perform(std::string url, Options o, const std::string* body) {
  Transfer t(url, o, body);
  co_return co_await t;
}

}  // namespace

bool available() noexcept { return true; }

Task<Response> get(std::string url, Options options) { return perform(std::move(url), std::move(options), nullptr); }

Task<Response> post(std::string url, std::string body, Options options) {
  co_return co_await perform(std::move(url), std::move(options), &body);
}

#endif

}  // namespace boundwise::http
