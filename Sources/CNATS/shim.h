#ifndef CNATS_SHIM_H
#define CNATS_SHIM_H
#include <nats/nats.h>
#include <openssl/evp.h>

// Ed25519 public key from a 32-byte seed, via the OpenSSL that libnats already links.
// Swift needs it to turn an nkey seed file into the public key natsOptions_SetNKeyFromSeed wants;
// libnats keeps its own nkey code private. Returns 1 on success.
static inline int CNATS_ed25519PublicKey(const unsigned char *seed32, unsigned char *out32) {
    EVP_PKEY *key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, seed32, 32);
    if (key == NULL) return 0;
    size_t length = 32;
    int ok = EVP_PKEY_get_raw_public_key(key, out32, &length) == 1 && length == 32;
    EVP_PKEY_free(key);
    return ok;
}
#endif
