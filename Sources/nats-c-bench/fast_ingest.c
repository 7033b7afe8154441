// The server ceiling of `hodei-bench natsbus-publish`: the same prepared messages sent as one
// JetStream fast-ingest batch (nats-server >= 2.14, stream with allow_batched). The server stores
// each message as it arrives but acks only every N messages (flow control) and once at the
// commit, so neither side pays a per-message ack: what is left is the server's own per-message
// work (parse, dedupe by Nats-Msg-Id, file store). No per-message-ack client can beat this, so
// its rate bounds what NatsBus (or any client) can reach against the same server in the same run.
//
// Protocol (nats-server server/stream.go getFastBatch, server/jetstream_batching.go): the reply
// subject of every message is  <inbox>.<batch id>.<flow>.<gap mode>.<batch seq>.<op>.$FI  with
// op 0 = first message, 1 = append, 3 = commit (end of batch, the message itself not stored),
// 4 = ping. The server answers on the message's reply subject: {"type":"ack","seq":S,"msgs":N}
// (every message up to batch sequence S persisted; next ack after N more), {"type":"gap",...} or
// {"type":"err",...}; the commit gets a PubAck {"stream":..,"seq":..,"batch":..,"count":..}.
#include "bench.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t changed;
    long acked;       // highest batch sequence the server confirmed persisted
    int committed;    // the commit's PubAck (or an error answer to it) arrived
    long stored;      // "count" of the commit's PubAck
    int failed;       // a gap or error answer arrived
    char answer[512]; // the first failure answer, for the error message
} batchState;

static long numberAfter(const char *text, const char *key) {
    const char *at = strstr(text, key);
    return at == NULL ? -1 : atol(at + strlen(key));
}

// libnats' delivery thread: one call per answer of the server.
static void onAnswer(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure) {
    (void) nc; (void) sub;
    batchState *state = closure;
    const char *text = natsMsg_GetData(msg);
    pthread_mutex_lock(&state->mu);
    if (strstr(text, "\"type\":\"ack\"") != NULL) {
        long seq = numberAfter(text, "\"seq\":");
        if (seq > state->acked) state->acked = seq;
    } else if (strstr(text, "\"type\":") != NULL || strstr(text, "\"error\"") != NULL) {
        if (!state->failed) snprintf(state->answer, sizeof state->answer, "%s", text);
        state->failed = 1;
        if (strstr(text, "\"type\":") == NULL) state->committed = 1;  // an error PubAck ends the batch
    } else {
        state->stored = numberAfter(text, "\"count\":");
        state->committed = 1;
    }
    pthread_cond_broadcast(&state->changed);
    pthread_mutex_unlock(&state->mu);
    natsMsg_Destroy(msg);
}

static void deadlineIn(struct timespec *deadline, int milliseconds) {
    clock_gettime(CLOCK_REALTIME, deadline);
    deadline->tv_sec += milliseconds / 1000;
    deadline->tv_nsec += (long) (milliseconds % 1000) * 1000000L;
    if (deadline->tv_nsec >= 1000000000L) { deadline->tv_sec += 1; deadline->tv_nsec -= 1000000000L; }
}

int runFastIngest(const char *path, const char *url, int window) {
    record *records = NULL;
    long count = 0;
    if (readRecords(path, &records, &count) != 0) return 1;
    if (count == 0) { fprintf(stderr, "nats-c-bench: %s holds no records\n", path); return 1; }

    natsConnection *nc = NULL;
    natsStatus s = natsConnection_ConnectTo(&nc, url);
    if (s != NATS_OK) return fail("connect", s);

    batchState state = { .acked = 0 };
    pthread_mutex_init(&state.mu, NULL);
    pthread_cond_init(&state.changed, NULL);

    // <inbox>.<batch id>: two NUID-based inboxes; the batch id is the second one's unique token.
    natsInbox *inbox = NULL, *idSource = NULL;
    if ((s = natsInbox_Create(&inbox)) != NATS_OK || (s = natsInbox_Create(&idSource)) != NATS_OK)
        return fail("inbox", s);
    char prefix[160], filter[168], reply[256];
    snprintf(prefix, sizeof prefix, "%s.%s", inbox, strrchr(idSource, '.') + 1);
    snprintf(filter, sizeof filter, "%s.>", prefix);
    natsSubscription *answers = NULL;
    if ((s = natsConnection_Subscribe(&answers, nc, filter, onAnswer, &state)) != NATS_OK) return fail("subscribe", s);
    if ((s = natsConnection_Flush(nc)) != NATS_OK) return fail("flush", s);

    // Ask for an ack at least 4 times per window so the pipeline never drains (the server caps
    // the interval at 500); stall, like the other peers, once `window` messages are unconfirmed.
    int flow = window / 4 < 1 ? 1 : (window / 4 > 500 ? 500 : window / 4);
    double start = now();
    for (long i = 0; i < count; i++) {
        long seq = i + 1;
        pthread_mutex_lock(&state.mu);
        while (seq - state.acked > window && !state.failed) {
            struct timespec deadline;
            deadlineIn(&deadline, 1000);
            if (pthread_cond_timedwait(&state.changed, &state.mu, &deadline) != 0) {
                // No ack for a second: a ping makes the server resend the latest one.
                snprintf(reply, sizeof reply, "%s.%d.fail.%ld.4.$FI", prefix, flow, seq - 1);
                natsConnection_PublishRequest(nc, records[i].subject, reply, NULL, 0);
            }
        }
        int failed = state.failed;
        pthread_mutex_unlock(&state.mu);
        if (failed) break;

        snprintf(reply, sizeof reply, "%s.%d.fail.%ld.%d.$FI", prefix, flow, seq, seq == 1 ? 0 : 1);
        natsMsg *msg = NULL;
        s = natsMsg_Create(&msg, records[i].subject, reply, records[i].data, records[i].size);
        if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Nats-Msg-Id", records[i].msgId);
        if (s == NATS_OK) s = natsConnection_PublishMsg(nc, msg);
        natsMsg_Destroy(msg);
        if (s != NATS_OK) return fail("publish", s);
    }
    // Commit (end of batch): answered with the PubAck once every message is persisted.
    snprintf(reply, sizeof reply, "%s.%d.fail.%ld.3.$FI", prefix, flow, count + 1);
    if ((s = natsConnection_PublishRequest(nc, records[count - 1].subject, reply, NULL, 0)) != NATS_OK)
        return fail("commit", s);
    if ((s = natsConnection_Flush(nc)) != NATS_OK) return fail("flush", s);

    struct timespec deadline;
    deadlineIn(&deadline, 120000);
    pthread_mutex_lock(&state.mu);
    while (!state.committed) {
        if (pthread_cond_timedwait(&state.changed, &state.mu, &deadline) != 0) break;
    }
    double seconds = now() - start;
    long stored = state.stored;
    int ok = state.committed && !state.failed && stored == count;
    char answer[512];
    snprintf(answer, sizeof answer, "%s", state.answer);
    pthread_mutex_unlock(&state.mu);
    if (!ok) {
        fprintf(stderr, "nats-c-bench: fast-ingest batch ended with %ld of %ld confirmed%s%s\n",
                stored < 0 ? 0 : stored, count, answer[0] ? ": " : " (no commit answer within 120 s)", answer);
    }
    printf("RESULT impl=c-fast-ingest count=%ld size=file seconds=%.6f msgs_per_sec=%.0f acked=%ld failed=%ld\n",
           count, seconds, (double) count / seconds, stored < 0 ? 0 : stored, count - (stored < 0 ? 0 : stored));

    natsConnection_Close(nc);  // joins libnats' threads before the subscription is freed
    natsSubscription_Destroy(answers);
    natsConnection_Destroy(nc);
    natsInbox_Destroy(inbox);
    natsInbox_Destroy(idSource);
    nats_Close();  // process exit: the one place nats_Close belongs
    return ok ? 0 : 1;
}
