/* Echo server on libuv (uv_read_start/uv_write, one loop), for async_bench.py. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

typedef struct {
  uv_write_t req;
  uv_buf_t buf;
} write_req_t;

static void alloc_cb(uv_handle_t* h, size_t suggested, uv_buf_t* buf) {
  (void)h;
  (void)suggested;
  buf->base = malloc(4096);
  buf->len = 4096;
}

static void close_cb(uv_handle_t* h) { free(h); }

static void write_cb(uv_write_t* req, int status) {
  (void)status;
  write_req_t* w = (write_req_t*)req;
  free(w->buf.base);
  free(w);
}

static void read_cb(uv_stream_t* s, ssize_t n, const uv_buf_t* buf) {
  if (n > 0) {
    write_req_t* w = malloc(sizeof *w);
    w->buf = uv_buf_init(buf->base, (unsigned)n);
    uv_write(&w->req, s, &w->buf, 1, write_cb);
    return;
  }
  free(buf->base);
  if (n < 0) uv_close((uv_handle_t*)s, close_cb);
}

static void on_connection(uv_stream_t* server, int status) {
  if (status < 0) return;
  uv_tcp_t* c = malloc(sizeof *c);
  uv_tcp_init(server->loop, c);
  if (uv_accept(server, (uv_stream_t*)c) == 0) {
    uv_tcp_nodelay(c, 1);
    uv_read_start((uv_stream_t*)c, alloc_cb, read_cb);
  } else {
    uv_close((uv_handle_t*)c, close_cb);
  }
}

static void stop_cb(uv_timer_t* t) { uv_stop(t->loop); }

int main(int argc, char** argv) {
  int port = argc > 1 ? atoi(argv[1]) : 0;
  int seconds = argc > 2 ? atoi(argv[2]) : 60;
  uv_loop_t* loop = uv_default_loop();
  uv_tcp_t server;
  uv_tcp_init(loop, &server);
  struct sockaddr_in addr;
  uv_ip4_addr("127.0.0.1", port, &addr);
  uv_tcp_bind(&server, (const struct sockaddr*)&addr, 0);
  if (uv_listen((uv_stream_t*)&server, 4096, on_connection) != 0) return 1;
  struct sockaddr_in bound;
  int len = sizeof bound;
  uv_tcp_getsockname(&server, (struct sockaddr*)&bound, &len);
  printf("%d\n", ntohs(bound.sin_port));
  fflush(stdout);
  uv_timer_t stop; /* stops by itself */
  uv_timer_init(loop, &stop);
  uv_timer_start(&stop, stop_cb, (uint64_t)seconds * 1000, 0);
  uv_run(loop, UV_RUN_DEFAULT);
  return 0;
}
