// What the modes of nats-c-bench share: the clock, error reporting and the payload-file records.
#ifndef NATS_C_BENCH_H
#define NATS_C_BENCH_H

#include <nats/nats.h>

// One prepared message of a payload file: exactly what NatsBus sends for one event.
typedef struct {
    char *subject;
    char *msgId;
    char *data;
    int size;
} record;

double now(void);
int fail(const char *what, natsStatus s);

// Reads a payload file (records of u16 subject length, subject, u16 msg-id length, msg-id,
// u32 payload length, payload; little endian). The records point into one buffer kept for the run.
int readRecords(const char *path, record **records, long *count);

// `--fast-ingest` mode, see fast_ingest.c.
int runFastIngest(const char *path, const char *url, int window);

#endif
