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

typedef struct {
    char *subject;
    char *msgId;
    char *data;
    int size;
} record;

static int readAll(const char *path, unsigned char **out, long *length) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) { perror(path); return 1; }
    fseek(f, 0, SEEK_END);
    *length = ftell(f);
    fseek(f, 0, SEEK_SET);
    *out = malloc((size_t) *length);
    if (fread(*out, 1, (size_t) *length, f) != (size_t) *length) { perror(path); fclose(f); return 1; }
    fclose(f);
    return 0;
}

static char *takeString(const unsigned char *bytes, long *at, long n) {
    char *text = malloc((size_t) n + 1);
    memcpy(text, bytes + *at, (size_t) n);
    text[n] = 0;
    *at += n;
    return text;
}

static int runPayloads(const char *path, const char *url, int window) {
    unsigned char *bytes = NULL;
    long length = 0;
    if (readAll(path, &bytes, &length) != 0) return 1;
    long capacity = 1024, count = 0, at = 0;
    record *records = malloc(sizeof(record) * (size_t) capacity);
    while (at + 2 <= length) {
        if (count == capacity) { capacity *= 2; records = realloc(records, sizeof(record) * (size_t) capacity); }
        record *r = &records[count++];
        long n = bytes[at] | (bytes[at + 1] << 8); at += 2;
        r->subject = takeString(bytes, &at, n);
        n = bytes[at] | (bytes[at + 1] << 8); at += 2;
        r->msgId = takeString(bytes, &at, n);
        n = (long) bytes[at] | ((long) bytes[at + 1] << 8) | ((long) bytes[at + 2] << 16) | ((long) bytes[at + 3] << 24);
        at += 4;
        r->data = (char *) bytes + at;
        r->size = (int) n;
        at += n;
    }

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
