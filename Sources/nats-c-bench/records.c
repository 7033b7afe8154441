#include "bench.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

int fail(const char *what, natsStatus s) {
    fprintf(stderr, "nats-c-bench: %s: %s (%s)\n", what, natsStatus_GetText(s), nats_GetLastError(NULL));
    return 1;
}

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

int readRecords(const char *path, record **out, long *outCount) {
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
    *out = records;
    *outCount = count;
    return 0;
}
