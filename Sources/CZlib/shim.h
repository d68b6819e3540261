// zlib, for inflating the GZIP bitstrings of credential status lists. Only CredentialVerification imports this.
#ifndef CREDCONV_CZLIB_SHIM_H
#define CREDCONV_CZLIB_SHIM_H

#include <zlib.h>

/// inflateInit2 is a macro; Swift cannot call it.
static inline int czlib_inflate_init(z_streamp stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

#endif
