"""The hashes and the byte order of the Kazakh GOST signatures, against the standards' own examples (§15).

GOST R 34.11-94 with the Test S-box: RFC 5831 §7.3.1. Streebog: GOST 34.11-2012's examples (RFC 6986 §10).
"""

from __future__ import annotations

import pytest

from pipeline.records.signature import algorithms as A
from pipeline.records.signature import gost94

RFC_5831 = [
    (b"", "ce85b99cc46752fffee35cab9a7b0278abb4c2d2055cff685af4912c49490f8d"),
    (b"a", "d42c539e367c66e9c88a801f6649349c21871b4344c6a573f849fdce62f314dd"),
    (b"message digest", "ad4434ecb18f2c99b60cbe59ec3d2469582b65273f48de72db2fde16a4889a4d"),
    (b"The quick brown fox jumps over the lazy dog",
     "77b7fa410c9ac58a25f49bca7d0468c9296529315eaca76bd1a10f376d1f4294"),
    (b"The quick brown fox jumps over the lazy cog",
     "a3ebc4daaab78b0be131dab5737a7f67e602670d543521319150d2e14eeec445"),
    (b"This is message, length=32 bytes", "b1c466d37519b82e8319819ff32595e047a28cb6f83eff1c6916a815a637fffa"),
    (b"Suppose the original message has length = 50 bytes",
     "471aba57a60a770d3a76130635c1fbea4ef14de51f78b4ae57dd893b62f55208"),
    (b"U" * 128, "53a3a3ed25180cef0c1d85a074273e551c25660a87062a52d926a9e8fe5733a4"),
]


@pytest.mark.parametrize("message, expected", RFC_5831, ids=[f"{len(m)} bytes" for m, _ in RFC_5831])
def test_gost_r_34_11_94_test_sbox_gives_the_rfc_5831_examples_s15(message, expected):
    assert gost94.digest(message).hex() == expected


def test_gost_r_34_11_94_a_million_a_s15():
    assert gost94.digest(b"a" * 1_000_000).hex() == \
        "5c00ccc2734cdd3332d3d4749576e3c1a7dbaf0e7ea74e9fa602413c90a129fa"


M1 = b"012345678901234567890123456789012345678901234567890123456789012"
M2 = bytes.fromhex("d1e520e2e5f2f0e82c20d1f2f0e8e1eee6e820e2edf3f6e82c20e2e5fef2fa20f120eceef0ff20f1f2f0e5ebe0ece820ede020"
                   "f5f0e0e1f0fbff20efebfaeafb20c8e3eef0e5e2fb")


@pytest.mark.parametrize("oid, message, expected", [
    (A.GOST_2015_512, M1, "1b54d01a4af5b9d5cc3d86d68d285462b19abc2475222f35c085122be4ba1ffa00ad30f8767b3a82384c"
                          "6574f024c311e2a481332b08ef7f41797891c1646f48"),
    (A.STREEBOG_256_RU, M1, "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500"),
    (A.GOST_2015_512, M2, "1e88e62226bfca6f9994f1f2d51569e0daf8475a3b0fe61a5300eee46d961376035fe83549ada2b8620fc"
                          "d7c496ce5b33f0cb9dddc2b6460143b03dabac9fb28"),
])
def test_streebog_gives_the_examples_of_gost_34_11_2012_s15(oid, message, expected):
    assert A.digest(oid, message).hex() == expected


def test_a_kazakh_gost_signature_holds_only_in_ncas_byte_order_s15():
    private = 0x1234567890ABCDEF << 300
    key = A.PublicKey.load(_spki(A.gost_public(A.GOST_2015_512_KEY, private)))
    signature = A.sign_gost(A.GOST_2015_512_KEY, private, A.GOST_2015_512, b"sealed bytes")
    assert A.verify(key, A.GOST_2015_512_SIG, None, b"sealed bytes", signature)
    assert not A.verify(key, A.GOST_2015_512_SIG, None, b"sealed bytes", signature[::-1])     # RFC 4491 order
    assert not A.verify(key, A.GOST_2015_512_SIG, None, b"sealed byteS", signature)


def test_an_unknown_algorithm_is_named_not_passed_s15():
    key = A.PublicKey.load(_spki(A.gost_public(A.GOST_2015_512_KEY, 5)))
    with pytest.raises(A.Unsupported, match="1.2.643.7.1.1.3.3"):
        A.verify(key, "1.2.643.7.1.1.3.3", None, b"x", b"\0" * 128)


def _spki(raw: bytes) -> bytes:
    from asn1crypto import core
    return A.SubjectPublicKeyInfo({"algorithm": {"algorithm": A.GOST_2015_512_KEY},
                                   "public_key": core.OctetString(raw).dump()}).dump()
