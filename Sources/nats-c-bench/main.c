// The C peer of `hodei-bench jspub`: JetStream async publish over raw libnats, the same work the
// Swift wrapper does (js_PublishAsync with an ack handler and a bounded in-flight window).
//
// usage: nats-c-bench <url> <subject> [count=200000] [size=256] [window=4096]
// prints: RESULT impl=c count=N size=S seconds=T msgs_per_sec=R acked=A failed=F
#include <nats/nats.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int64_t acked = 0;
static int64_t failed = 0;

static void onAck(jsCtx *js, natsMsg *msg, jsPubAck *pa, jsPubAckErr *pae, void *closure) {
    (void) js; (void) pae; (void) closure;
    if (pa != NULL) __atomic_add_fetch(&acked, 1, __ATOMIC_RELAXED);
    else __atomic_add_fetch(&failed, 1, __ATOMIC_RELAXED);
    natsMsg_Destroy(msg);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static int fail(const char *what, natsStatus s) {
    fprintf(stderr, "nats-c-bench: %s: %s (%s)\n", what, natsStatus_GetText(s), nats_GetLastError(NULL));
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s <url> <subject> [count=200000] [size=256] [window=4096]\n", argv[0]);
        return 64;
    }
    const char *url = argv[1];
    const char *subject = argv[2];
    long count = argc > 3 ? atol(argv[3]) : 200000;
    int size = argc > 4 ? atoi(argv[4]) : 256;
    int window = argc > 5 ? atoi(argv[5]) : 4096;

    natsConnection *nc = NULL;
    jsCtx *js = NULL;
    natsStatus s = natsConnection_ConnectTo(&nc, url);
    if (s != NATS_OK) return fail("connect", s);

    jsOptions options;
    jsOptions_Init(&options);
    options.PublishAsync.MaxPending = window;
    options.PublishAsync.AckHandler = onAck;
    options.PublishAsync.StallWait = 60000;
    s = natsConnection_JetStream(&js, nc, &options);
    if (s != NATS_OK) return fail("jetstream context", s);

    char *payload = malloc((size_t) size);
    memset(payload, 'x', (size_t) size);

    double start = now();
    for (long i = 0; i < count; i++) {
        s = js_PublishAsync(js, subject, payload, size, NULL);
        if (s != NATS_OK) return fail("publish", s);
    }
    jsPubOptions wait;
    jsPubOptions_Init(&wait);
    wait.MaxWait = 120000;
    s = js_PublishAsyncComplete(js, &wait);
    double seconds = now() - start;
    if (s != NATS_OK) return fail("publish complete", s);

    printf("RESULT impl=c count=%ld size=%d seconds=%.6f msgs_per_sec=%.0f acked=%lld failed=%lld\n",
           count, size, seconds, (double) count / seconds,
           (long long) __atomic_load_n(&acked, __ATOMIC_RELAXED),
           (long long) __atomic_load_n(&failed, __ATOMIC_RELAXED));

    free(payload);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);
    nats_Close();  // process exit: the one place nats_Close belongs
    return __atomic_load_n(&failed, __ATOMIC_RELAXED) == 0 ? 0 : 1;
}
