"""GOST R 34.11-94 (Kazakhstan: GOST 34.311-95) with the Test S-box, the hash of NCA RK's older GOST keys.

No maintained package on PyPI has it. Written from the standard as RFC 5831 states it: numbers are
little-endian (byte 0 least significant), the message is taken in 256-bit blocks from its first byte,
the last block padded with zero bytes; the length in bits and the sum of the blocks close the hash.
Checked against the examples of RFC 5831 §7.3.1 (tests/records/signature/test_vectors.py).
"""

from __future__ import annotations

# id-GostR3411-94-TestParamSet: row i substitutes the i-th 4-bit group, from the least significant
TEST_SBOX = (
    (4, 10, 9, 2, 13, 8, 0, 14, 6, 11, 1, 12, 7, 15, 5, 3),
    (14, 11, 4, 12, 6, 13, 15, 10, 2, 3, 8, 1, 0, 7, 5, 9),
    (5, 8, 1, 13, 10, 3, 4, 2, 14, 15, 12, 7, 6, 0, 9, 11),
    (7, 13, 10, 1, 0, 8, 9, 15, 14, 4, 6, 12, 11, 2, 5, 3),
    (6, 12, 7, 1, 5, 15, 13, 8, 4, 10, 9, 14, 0, 3, 11, 2),
    (4, 11, 10, 0, 7, 2, 1, 13, 3, 6, 8, 5, 9, 12, 15, 14),
    (13, 11, 4, 1, 3, 15, 5, 9, 0, 10, 14, 7, 6, 8, 2, 12),
    (1, 15, 13, 0, 5, 7, 10, 4, 9, 2, 3, 14, 6, 11, 8, 12),
)
_MASK32 = 0xFFFFFFFF
_MASK256 = (1 << 256) - 1
_C3 = 0xFF00FFFF000000FFFF0000FF00FFFF0000FF00FF00FF00FFFF00FF00FF00FF00


def _tables(sbox):
    """Two 8-bit lookup tables per byte position: substitution of a 32-bit word a byte at a time."""
    return [[sbox[2 * i][b & 15] | (sbox[2 * i + 1][b >> 4] << 4) for b in range(256)] for i in range(4)]


_TABLES = _tables(TEST_SBOX)


def _f(word: int) -> int:
    t = _TABLES
    x = t[0][word & 255] | t[1][(word >> 8) & 255] << 8 | t[2][(word >> 16) & 255] << 16 | t[3][word >> 24] << 24
    return ((x << 11) | (x >> 21)) & _MASK32


def _encrypt(key: int, block: int) -> int:
    """GOST 28147-89 simple substitution: a 64-bit block under a 256-bit key (k1 the least significant word)."""
    k = [(key >> (32 * i)) & _MASK32 for i in range(8)]
    n1, n2 = block & _MASK32, block >> 32
    for j in k * 3 + k[::-1]:
        n1, n2 = n2 ^ _f((n1 + j) & _MASK32), n1
    return (n1 << 32) | n2


def _a(y: int) -> int:
    y1, y2 = y & 0xFFFFFFFFFFFFFFFF, (y >> 64) & 0xFFFFFFFFFFFFFFFF
    return (y >> 64) | ((y1 ^ y2) << 192)


def _p(y: int) -> int:
    data = y.to_bytes(32, "little")
    # φ(i + 1 + 4(k − 1)) = 8i + k: the byte at position 8i+k goes to position i+1+4(k−1) (1-based)
    out = bytearray(32)
    for i in range(4):
        for k in range(1, 9):
            out[i + 4 * (k - 1)] = data[8 * i + k - 1]
    return int.from_bytes(out, "little")


def _psi(y: int) -> int:
    w = y.to_bytes(32, "little")
    words = [w[2 * i] | w[2 * i + 1] << 8 for i in range(16)]
    top = words[0] ^ words[1] ^ words[2] ^ words[3] ^ words[12] ^ words[15]
    return (y >> 16) | (top << 240)


def _step(h: int, m: int) -> int:
    u, v = h, m
    keys = [_p(u ^ v)]
    for c in (0, _C3, 0):
        u = _a(u) ^ c
        v = _a(_a(v))
        keys.append(_p(u ^ v))
    s = 0
    for i, key in enumerate(keys):
        s |= _encrypt(key, (h >> (64 * i)) & 0xFFFFFFFFFFFFFFFF) << (64 * i)
    for _ in range(12):
        s = _psi(s)
    x = _psi(m ^ s) ^ h
    for _ in range(61):
        x = _psi(x)
    return x


def digest(data: bytes) -> bytes:
    """The 32-byte hash, least significant byte first (the order NCA's signatures carry it)."""
    h = total = 0
    for start in range(0, len(data), 32):
        block = int.from_bytes(data[start:start + 32], "little")
        h = _step(h, block)
        total = (total + block) & _MASK256
    h = _step(h, len(data) * 8)
    h = _step(h, total)
    return h.to_bytes(32, "little")
