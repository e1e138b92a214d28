"""Hashes and signature checks by OID: RSA (cryptography) and the Kazakh GOST algorithms (gostcrypto, gost94).

NCA RK's GOST algorithms are the Russian mathematics under Kazakh OIDs with the byte order reversed:
a public key is x‖y and a signature value r‖s, each number least significant byte first, and a hash is
read as a little-endian number. gostcrypto works with big-endian numbers, so the bytes are turned
around here and nowhere else.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from asn1crypto import core

from . import gost94

# hashes: OID → (name, function giving the bytes a CMS carries)
SHA1, SHA256, SHA384, SHA512 = "1.3.14.3.2.26", "2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2", \
    "2.16.840.1.101.3.4.2.3"
GOST_34311 = "1.2.398.3.10.1.3.1"          # GOST 34.311-95 = GOST R 34.11-94, Test S-box
GOST_2015_512 = "1.2.398.3.10.1.3.3"       # GOST 34.11-2015, 512 bits = Streebog-512
STREEBOG_512_RU, STREEBOG_256_RU = "1.2.643.7.1.1.2.3", "1.2.643.7.1.1.2.2"

# keys
RSA_KEY = "1.2.840.113549.1.1.1"
GOST_2004_KEY = "1.2.398.3.10.1.1.1.1"     # GOST 34.310-2004, the CryptoPro-A curve
GOST_2015_512_KEY = "1.2.398.3.10.1.1.2.2"  # GOST 34.10-2015, 512 bits, TC26 paramSetA

# signature algorithms → the hash they use (None: the hash is named beside them, as rsaEncryption in CMS)
GOST_2004_SIG = "1.2.398.3.10.1.1.1.2"
GOST_2015_512_SIG = "1.2.398.3.10.1.1.2.3.2"
SIGNATURE_HASH = {
    "1.2.840.113549.1.1.5": SHA1, "1.2.840.113549.1.1.11": SHA256, "1.2.840.113549.1.1.12": SHA384,
    "1.2.840.113549.1.1.13": SHA512, RSA_KEY: None,
    GOST_2004_SIG: GOST_34311, GOST_2015_512_SIG: GOST_2015_512,
}
_RSA_SIGS = {"1.2.840.113549.1.1.5", "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13",
             RSA_KEY}
_GOST_SIGS = {GOST_2004_SIG: GOST_2004_KEY, GOST_2015_512_SIG: GOST_2015_512_KEY}


class Unsupported(Exception):
    """An algorithm this check does not know: named by its OID."""


def _streebog512(data: bytes) -> bytes:
    """Streebog-512 as gostcrypto gives it (the order the standard prints); NCA reads it as a little-endian number.

    Found on NCA's own GOST-2015 test OCSP response and its responder certificate; the examples of
    GOST 34.11-2012 (RFC 6986 §10) check gostcrypto itself.
    """
    import gostcrypto  # noqa: PLC0415 - pure Python, loaded only for GOST signatures
    return bytes(gostcrypto.gosthash.new("streebog512", data=data).digest())


def _streebog256(data: bytes) -> bytes:
    import gostcrypto  # noqa: PLC0415
    return bytes(gostcrypto.gosthash.new("streebog256", data=data).digest())


HASHES = {
    SHA1: lambda data: hashlib.sha1(data).digest(),
    SHA256: lambda data: hashlib.sha256(data).digest(),
    SHA384: lambda data: hashlib.sha384(data).digest(),
    SHA512: lambda data: hashlib.sha512(data).digest(),
    GOST_34311: gost94.digest,
    GOST_2015_512: _streebog512,
    STREEBOG_512_RU: _streebog512,
    STREEBOG_256_RU: _streebog256,
}


def digest(oid: str, data: bytes) -> bytes:
    try:
        return HASHES[oid](data)
    except KeyError:
        raise Unsupported(oid) from None


class _Algorithm(core.Sequence):
    _fields = [("algorithm", core.ObjectIdentifier), ("parameters", core.Any, {"optional": True})]


class SubjectPublicKeyInfo(core.Sequence):
    """The key of a certificate, read without asn1crypto's table of key types (it has no Kazakh GOST)."""

    _fields = [("algorithm", _Algorithm), ("public_key", core.OctetBitString)]


@dataclass(frozen=True)
class PublicKey:
    algorithm: str          # the key's OID
    spki: bytes             # SubjectPublicKeyInfo, DER

    @classmethod
    def load(cls, spki: bytes) -> "PublicKey":
        info = SubjectPublicKeyInfo.load(spki)
        return cls(info["algorithm"]["algorithm"].dotted, spki)

    def raw(self) -> bytes:
        return bytes(SubjectPublicKeyInfo.load(self.spki)["public_key"].native)


def _curve(key_oid: str):
    import gostcrypto  # noqa: PLC0415
    curves = gostcrypto.gostsignature.CURVES_R_1323565_1_024_2019
    if key_oid == GOST_2004_KEY:     # CryptoPro-A is TC26's 256-bit paramSetB
        return gostcrypto.gostsignature.MODE_256, curves["id-tc26-gost-3410-2012-256-paramSetB"], 32
    if key_oid == GOST_2015_512_KEY:
        return gostcrypto.gostsignature.MODE_512, curves["id-tc26-gost-3410-12-512-paramSetA"], 64
    raise Unsupported(key_oid)


def gost_point(key: PublicKey) -> tuple[int, int]:
    """The public point (x, y) of a Kazakh GOST key: x‖y little-endian, bare or in an OCTET STRING."""
    _, _, size = _curve(key.algorithm)
    raw = key.raw()
    if len(raw) != 2 * size and raw[:1] == b"\x04":
        raw = bytes(core.OctetString.load(raw).native)
    if len(raw) != 2 * size:
        raise ValueError("GOST public key of a wrong length")
    return int.from_bytes(raw[:size], "little"), int.from_bytes(raw[size:], "little")


def verify(key: PublicKey, signature_oid: str, hash_oid: str | None, data: bytes, signature: bytes) -> bool:
    """Is `signature` a signature of `data` by `key`? Raises Unsupported for an unknown algorithm."""
    if signature_oid in _RSA_SIGS:
        return _verify_rsa(key, SIGNATURE_HASH[signature_oid] or hash_oid, data, signature)
    if signature_oid in _GOST_SIGS:
        if _GOST_SIGS[signature_oid] != key.algorithm:
            return False
        return _verify_gost(key, SIGNATURE_HASH[signature_oid], data, signature)
    raise Unsupported(signature_oid)


def _verify_rsa(key: PublicKey, hash_oid: str | None, data: bytes, signature: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    algorithms = {SHA1: hashes.SHA1, SHA256: hashes.SHA256, SHA384: hashes.SHA384, SHA512: hashes.SHA512}
    if hash_oid not in algorithms:
        raise Unsupported(str(hash_oid))
    if key.algorithm != RSA_KEY:
        return False
    public = serialization.load_der_public_key(key.spki)
    if not isinstance(public, rsa.RSAPublicKey):
        return False
    try:
        public.verify(signature, data, padding.PKCS1v15(), algorithms[hash_oid]())
    except InvalidSignature:
        return False
    return True


def _verify_gost(key: PublicKey, hash_oid: str, data: bytes, signature: bytes) -> bool:
    import gostcrypto  # noqa: PLC0415
    mode, curve, size = _curve(key.algorithm)
    if len(signature) != 2 * size:
        return False
    x, y = gost_point(key)
    r, s = int.from_bytes(signature[:size], "little"), int.from_bytes(signature[size:], "little")
    e = int.from_bytes(digest(hash_oid, data), "little")
    signer = gostcrypto.gostsignature.new(mode, curve)
    try:
        return bool(signer.verify(bytearray(x.to_bytes(size, "big") + y.to_bytes(size, "big")),
                                  bytearray(e.to_bytes(size, "big")),
                                  bytearray(r.to_bytes(size, "big") + s.to_bytes(size, "big"))))
    except gostcrypto.gostsignature.GOSTSignatureError:
        return False


def sign_gost(key_oid: str, private: int, hash_oid: str, data: bytes) -> bytes:
    """A Kazakh GOST signature (r‖s little-endian) of `data`: for the test PKI and the NCALayer test double."""
    import gostcrypto  # noqa: PLC0415
    mode, curve, size = _curve(key_oid)
    e = int.from_bytes(digest(hash_oid, data), "little")
    signer = gostcrypto.gostsignature.new(mode, curve)
    value = bytes(signer.sign(bytearray(private.to_bytes(size, "big")), bytearray(e.to_bytes(size, "big"))))
    r, s = int.from_bytes(value[:size], "big"), int.from_bytes(value[size:], "big")
    return r.to_bytes(size, "little") + s.to_bytes(size, "little")


def gost_public(key_oid: str, private: int) -> bytes:
    """The public key's bytes as NCA writes them (x‖y little-endian) for a private number."""
    import gostcrypto  # noqa: PLC0415
    mode, curve, size = _curve(key_oid)
    point = bytes(gostcrypto.gostsignature.new(mode, curve).public_key_generate(bytearray(private.to_bytes(size,
                                                                                                          "big"))))
    x, y = int.from_bytes(point[:size], "big"), int.from_bytes(point[size:], "big")
    return x.to_bytes(size, "little") + y.to_bytes(size, "little")
