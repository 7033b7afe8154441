// The C peer of `hodei-bench jspub`: JetStream async publish over raw libnats, the same work the
// Swift wrapper does (js_PublishAsync with an ack handler and a bounded in-flight window).
//
// usage: nats-c-bench <url> <subject> [count=200000] [size=256] [window=4096]
// prints: RESULT impl=c count=N size=S seconds=T msgs_per_sec=R acked=A failed=F
//
// Payload-file mode (the peer of `hodei-bench natsbus-publish`): publishes prepared messages, each
// with its own subject and Nats-Msg-Id header, exactly the bytes NatsBus sends.
// usage: nats-c-bench --payloads <file> <url> [window=4096]
// file: records of  u16 subject length, subject, u16 msg-id length, msg-id, u32 payload length,
//       payload (little endian).
//
// Fast-ingest mode (the server-ceiling row of `hodei-bench natsbus-publish`, see fast_ingest.c):
// usage: nats-c-bench --fast-ingest <file> <url> [window=4096]
// prints: RESULT impl=c-fast-ingest count=N size=file seconds=T msgs_per_sec=R acked=A failed=F
#include "bench.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t acked = 0;
static int64_t failed = 0;

static void onAck(jsCtx *js, natsMsg *msg, jsPubAck *pa, jsPubAckErr *pae, void *closure) {
    (void) js; (void) pae; (void) closure;
    if (pa != NULL) __atomic_add_fetch(&acked, 1, __ATOMIC_RELAXED);
    else __atomic_add_fetch(&failed, 1, __ATOMIC_RELAXED);
    natsMsg_Destroy(msg);
}

// Connects and opens the JetStream context both modes publish through: async publishes counted by
// onAck, at most `window` of them unacknowledged.
static int openJetStream(const char *url, int window, natsConnection **nc, jsCtx **js) {
    natsStatus s = natsConnection_ConnectTo(nc, url);
    if (s != NATS_OK) return fail("connect", s);
    jsOptions options;
    jsOptions_Init(&options);
    options.PublishAsync.MaxPending = window;
    options.PublishAsync.AckHandler = onAck;
    options.PublishAsync.StallWait = 60000;
    s = natsConnection_JetStream(js, *nc, &options);
    if (s != NATS_OK) return fail("jetstream context", s);
    return 0;
}

// Ends a timed run the same way in both modes: waits for every ack (the clock stops there), prints
// the RESULT line, closes, and exits non-zero when any publish failed. `size` is the text printed
// as size= (bytes, or "file" in payload-file mode).
static int finishRun(natsConnection *nc, jsCtx *js, long count, const char *size, double start) {
    jsPubOptions wait;
    jsPubOptions_Init(&wait);
    wait.MaxWait = 120000;
    natsStatus s = js_PublishAsyncComplete(js, &wait);
    double seconds = now() - start;
    if (s != NATS_OK) return fail("publish complete", s);
    printf("RESULT impl=c count=%ld size=%s seconds=%.6f msgs_per_sec=%.0f acked=%lld failed=%lld\n",
           count, size, seconds, (double) count / seconds,
           (long long) __atomic_load_n(&acked, __ATOMIC_RELAXED),
           (long long) __atomic_load_n(&failed, __ATOMIC_RELAXED));
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);
    nats_Close();  // process exit: the one place nats_Close belongs
    return __atomic_load_n(&failed, __ATOMIC_RELAXED) == 0 ? 0 : 1;
}

static int runPayloads(const char *path, const char *url, int window) {
    record *records = NULL;
    long count = 0;
    if (readRecords(path, &records, &count) != 0) return 1;

    natsConnection *nc = NULL;
    jsCtx *js = NULL;
    if (openJetStream(url, window, &nc, &js) != 0) return 1;

    double start = now();
    for (long i = 0; i < count; i++) {
        natsMsg *msg = NULL;
        natsStatus s = natsMsg_Create(&msg, records[i].subject, NULL, records[i].data, records[i].size);
        if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Nats-Msg-Id", records[i].msgId);
        if (s == NATS_OK) s = js_PublishMsgAsync(js, &msg, NULL);
        if (s != NATS_OK) return fail("publish", s);
    }
    return finishRun(nc, js, count, "file", start);
}

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[1], "--payloads") == 0) {
        return runPayloads(argv[2], argv[3], argc > 4 ? atoi(argv[4]) : 4096);
    }
    if (argc >= 4 && strcmp(argv[1], "--fast-ingest") == 0) {
        return runFastIngest(argv[2], argv[3], argc > 4 ? atoi(argv[4]) : 4096);
    }
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
    if (openJetStream(url, window, &nc, &js) != 0) return 1;

    char *payload = malloc((size_t) size);
    memset(payload, 'x', (size_t) size);
    char sizeText[24];  // formatted before the clock starts
    snprintf(sizeText, sizeof sizeText, "%d", size);

    double start = now();
    for (long i = 0; i < count; i++) {
        natsStatus s = js_PublishAsync(js, subject, payload, size, NULL);
        if (s != NATS_OK) return fail("publish", s);
    }
    int status = finishRun(nc, js, count, sizeText, start);
    free(payload);
    return status;
}
