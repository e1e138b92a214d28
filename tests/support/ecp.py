"""A test PKI with NCA RK's OIDs and subject layout, made in the test run: no real person's key or certificate.

`Pki(kind)` builds a root, an intermediate «… (GOST) TEST» or «… (RSA) TEST», a timestamp authority, an
OCSP responder and signers; `Pki.sign(...)` makes a detached CMS as NCALayer does (contentType, signingTime,
signingCertificateV2, messageDigest; optionally an NCA-style timestamp token and an OCSP answer). GOST keys
are GOST 34.10-2015 512-bit (TC26 paramSetA) under the Kazakh OIDs, in NCA's byte order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from asn1crypto import algos, cms, core, keys, ocsp, tsp, x509

from pipeline.records.signature import algorithms as A

UTC = dt.timezone.utc
SIGNING_EKU = "1.3.6.1.5.5.7.3.4"
AUTH_EKU = "1.3.6.1.5.5.7.3.2"
FIRST_HEAD = ["1.2.398.3.3.4.1.2", "1.2.398.3.3.4.1.2.1"]
TSA_EKU = "1.3.6.1.5.5.7.3.8"
OCSP_EKU = "1.3.6.1.5.5.7.3.9"
BEGIN = dt.datetime(2025, 1, 1, tzinfo=UTC)
END = dt.datetime(2035, 1, 1, tzinfo=UTC)
SIGNED_AT = dt.datetime(2026, 3, 12, 10, 5, tzinfo=UTC)
HEAD_IIN = "750101300123"
HEAD_BIN = "990140001234"

_RSA_CACHE: dict[str, object] = {}


class _Oids(core.SequenceOf):
    _child_spec = core.ObjectIdentifier


@dataclass
class Key:
    kind: str                  # "gost" | "rsa"
    private: object            # int (GOST) or an RSA private key
    spki: bytes

    @classmethod
    def make(cls, kind: str, label: str) -> "Key":
        if kind == "gost":
            q = A._curve(A.GOST_2015_512_KEY)[1]["q"]
            private = int.from_bytes(hashlib.sha512(label.encode()).digest(), "big") % (q - 1) + 1
            raw = A.gost_public(A.GOST_2015_512_KEY, private)
            spki = A.SubjectPublicKeyInfo({
                "algorithm": {"algorithm": A.GOST_2015_512_KEY,
                              "parameters": core.Any.load(_Oids(["1.2.398.3.10.1.1.2.2.1"]).dump())},
                "public_key": core.OctetString(raw).dump()}).dump()
            return cls(kind, private, spki)
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
        if label not in _RSA_CACHE:
            _RSA_CACHE[label] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private = _RSA_CACHE[label]
        spki = private.public_key().public_bytes(serialization.Encoding.DER,
                                                 serialization.PublicFormat.SubjectPublicKeyInfo)
        return cls(kind, private, spki)

    @property
    def signature_oid(self) -> str:
        return A.GOST_2015_512_SIG if self.kind == "gost" else "1.2.840.113549.1.1.11"

    @property
    def digest_oid(self) -> str:
        return A.GOST_2015_512 if self.kind == "gost" else A.SHA256

    def sign(self, data: bytes) -> bytes:
        if self.kind == "gost":
            return A.sign_gost(A.GOST_2015_512_KEY, self.private, A.GOST_2015_512, data)
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding
        return self.private.sign(data, padding.PKCS1v15(), hashes.SHA256())


@dataclass
class Party:
    key: Key
    certificate: x509.Certificate


def _name(fields: dict) -> x509.Name:
    return x509.Name.build(fields, use_printable=False)


def certificate(key: Key, subject: dict, issuer: Party | None, serial: int, ekus: list[str] | None = None,
                ca: bool = False, begin: dt.datetime = BEGIN, end: dt.datetime = END,
                issuer_name: dict | None = None) -> x509.Certificate:
    """A certificate of `key` for `subject`, signed by `issuer` (None: self-signed)."""
    signer = issuer.key if issuer else key
    extensions = [{"extn_id": "basic_constraints", "critical": True, "extn_value": {"ca": ca}},
                  {"extn_id": "key_usage", "critical": True,
                   "extn_value": {"key_cert_sign", "crl_sign"} if ca else {"digital_signature", "non_repudiation"}}]
    if ekus:
        extensions.append({"extn_id": "extended_key_usage", "critical": False, "extn_value": ekus})
    tbs = x509.TbsCertificate({
        "version": "v3", "serial_number": serial,
        "signature": {"algorithm": signer.signature_oid},
        "issuer": issuer.certificate.subject if issuer else _name(issuer_name or subject),
        "validity": {"not_before": x509.Time({"utc_time": begin}), "not_after": x509.Time({"utc_time": end})},
        "subject": _name(subject),
        "subject_public_key_info": keys.PublicKeyInfo.load(key.spki),
        "extensions": extensions,
    })
    data = tbs.dump()
    return x509.Certificate.load(x509.Certificate({
        "tbs_certificate": x509.TbsCertificate.load(data),
        "signature_algorithm": {"algorithm": signer.signature_oid},
        "signature_value": signer.sign(data)}).dump())


def person(name: str = "ТЕСТОВ ТЕСТ", surname: str = "ТЕСТОВ", iin: str = HEAD_IIN, patronymic: str = "ТЕСТОВИЧ",
           organization: str = "ГУ «АППАРАТ АКИМА ТЕСТОВОГО РАЙОНА»", bin_: str = HEAD_BIN) -> dict:
    """NCA's subject layout: CN=<SURNAME NAME>, SURNAME, SERIALNUMBER=IIN…, C=KZ, G, O, OU=BIN…."""
    return {"common_name": name, "surname": surname, "serial_number": "IIN" + iin, "country_name": "KZ",
            "given_name": patronymic, "organization_name": organization, "organizational_unit_name": "BIN" + bin_}


@dataclass
class Pki:
    kind: str = "gost"
    label: str = "shtab test"
    root: Party = field(init=False)
    ca: Party = field(init=False)
    tsa: Party = field(init=False)
    responder: Party = field(init=False)

    def __post_init__(self) -> None:
        tag = "GOST" if self.kind == "gost" else "RSA"
        root_key = Key.make(self.kind, f"{self.label} root {self.kind}")
        root_subject = {"common_name": f"НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ ({tag}) TEST SHTAB", "country_name": "KZ"}
        self.root = Party(root_key, certificate(root_key, root_subject, None, 1, ca=True))
        ca_key = Key.make(self.kind, f"{self.label} ca {self.kind}")
        ca_subject = {"common_name": f"ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ ({tag}) TEST SHTAB", "country_name": "KZ"}
        self.ca = Party(ca_key, certificate(ca_key, ca_subject, self.root, 2, ca=True))
        tsa_key = Key.make(self.kind, f"{self.label} tsa {self.kind}")
        self.tsa = Party(tsa_key, certificate(tsa_key, {"common_name": "TSA SERVICE", "country_name": "KZ"},
                                              self.ca, 3, [TSA_EKU]))
        responder_key = Key.make(self.kind, f"{self.label} ocsp {self.kind}")
        self.responder = Party(responder_key, certificate(responder_key, {"common_name": "OCSP RESPONDER",
                                                                          "country_name": "KZ"}, self.ca, 4,
                                                          [OCSP_EKU]))

    def anchors_pem(self) -> bytes:
        from asn1crypto import pem
        return b"".join(pem.armor("CERTIFICATE", c.certificate.dump()) for c in (self.root, self.ca))

    def signer(self, serial: int = 100, ekus: list[str] | None = None, begin: dt.datetime = BEGIN,
               end: dt.datetime = END, **who) -> Party:
        key = Key.make(self.kind, f"{self.label} signer {serial} {self.kind}")
        usages = ekus if ekus is not None else [SIGNING_EKU, *FIRST_HEAD]
        return Party(key, certificate(key, person(**who), self.ca, serial, usages, begin=begin, end=end))

    # ------------------------------------------------------------ CMS

    def signer_info(self, signer: Party, content: bytes, at: dt.datetime | None = SIGNED_AT,
                    timestamp: bool = False, imprint_of: bytes | None = None, digest_of: bytes | None = None,
                    ocsp_status: str | None = None, cert_hash_of: bytes | None = None) -> cms.SignerInfo:
        key, cert = signer.key, signer.certificate
        attrs = [{"type": "content_type", "values": ["data"]}]
        if at is not None:
            attrs.append({"type": "signing_time", "values": [cms.Time({"utc_time": at})]})
        attrs.append({"type": "signing_certificate_v2", "values": [{"certs": [{
            "hash_algorithm": {"algorithm": "sha256"}, "cert_hash": hashlib.sha256(cert_hash_of or cert.dump()).digest()}]}]})
        attrs.append({"type": "message_digest",
                      "values": [A.digest(key.digest_oid, content if digest_of is None else digest_of)]})
        signed_attrs = cms.CMSAttributes(attrs)
        to_sign = signed_attrs.dump()
        signature = key.sign(to_sign)
        info = cms.SignerInfo({
            "version": "v1",
            "sid": {"issuer_and_serial_number": {"issuer": cert.issuer, "serial_number": cert.serial_number}},
            "digest_algorithm": {"algorithm": key.digest_oid},
            "signed_attrs": signed_attrs,
            "signature_algorithm": {"algorithm": key.signature_oid},
            "signature": signature,
        })
        unsigned = []
        if timestamp:
            token = self.timestamp(signature if imprint_of is None else imprint_of, at or SIGNED_AT)
            unsigned.append({"type": "signature_time_stamp_token", "values": [token]})
        if ocsp_status is not None:
            unsigned.append({"type": "1.2.840.113549.1.9.16.2.24",
                             "values": [core.Any.load(self.revocation_values(cert, ocsp_status, at or SIGNED_AT))]})
        if unsigned:
            info["unsigned_attrs"] = unsigned
        return info

    def cms(self, content: bytes, signers: list[Party] | None = None, attached: bool = False,
            infos: list[cms.SignerInfo] | None = None, certificates: list | None = None, **options) -> bytes:
        signers = signers if signers is not None else [self.signer()]
        infos = infos if infos is not None else [self.signer_info(s, content, **options) for s in signers]
        digest_oids = sorted({info["digest_algorithm"]["algorithm"].dotted for info in infos})
        encap = {"content_type": "data"}
        if attached:
            encap["content"] = content
        return cms.ContentInfo({"content_type": "signed_data", "content": cms.SignedData({
            "version": "v1",
            "digest_algorithms": [{"algorithm": oid} for oid in digest_oids],
            "encap_content_info": encap,
            "certificates": certificates if certificates is not None else [s.certificate for s in signers],
            "signer_infos": infos,
        })}).dump()

    def timestamp(self, signature: bytes, at: dt.datetime) -> cms.ContentInfo:
        key = self.tsa.key
        info = tsp.TSTInfo({
            "version": "v1", "policy": "1.2.398.3.3.2.6.2",
            "message_imprint": {"hash_algorithm": {"algorithm": key.digest_oid},
                                "hashed_message": A.digest(key.digest_oid, signature)},
            "serial_number": 7, "gen_time": at,
        }).dump()
        attrs = cms.CMSAttributes([
            {"type": "content_type", "values": ["tst_info"]},
            {"type": "message_digest", "values": [A.digest(key.digest_oid, info)]},
        ])
        cert = self.tsa.certificate
        return cms.ContentInfo({"content_type": "signed_data", "content": cms.SignedData({
            "version": "v3",
            "digest_algorithms": [{"algorithm": key.digest_oid}],
            "encap_content_info": {"content_type": "tst_info",
                                   "content": core.ParsableOctetString(info)},
            "certificates": [cert],
            "signer_infos": [{
                "version": "v1",
                "sid": {"issuer_and_serial_number": {"issuer": cert.issuer, "serial_number": cert.serial_number}},
                "digest_algorithm": {"algorithm": key.digest_oid},
                "signed_attrs": attrs,
                "signature_algorithm": {"algorithm": key.signature_oid},
                "signature": key.sign(attrs.dump()),
            }],
        })})

    def revocation_values(self, cert: x509.Certificate, status: str, at: dt.datetime) -> bytes:
        """CAdES revocation values with one OCSP answer of our responder about `cert`."""
        sha1 = algos.DigestAlgorithm({"algorithm": "sha1"})
        single = {
            "cert_id": {"hash_algorithm": sha1,
                        "issuer_name_hash": hashlib.sha1(self.ca.certificate.subject.dump()).digest(),
                        "issuer_key_hash": hashlib.sha1(b"key").digest(),
                        "serial_number": cert.serial_number},
            "cert_status": ocsp.CertStatus(name="good", value=core.Null()) if status == "good" else
            ocsp.CertStatus(name="revoked", value={"revocation_time": at - dt.timedelta(days=1)}),
            "this_update": at,
        }
        data = ocsp.ResponseData({"responder_id": ocsp.ResponderId(name="by_name",
                                                                   value=self.responder.certificate.subject),
                                  "produced_at": at, "responses": [single]})
        raw = data.dump()
        basic = ocsp.BasicOCSPResponse({
            "tbs_response_data": ocsp.ResponseData.load(raw),
            "signature_algorithm": {"algorithm": self.responder.key.signature_oid},
            "signature": self.responder.key.sign(raw),
            "certs": [self.responder.certificate]})
        return b"\x30" + _length(len(b"\xa1" + _length(len(_seq(basic.dump()))) + _seq(basic.dump()))) + \
            b"\xa1" + _length(len(_seq(basic.dump()))) + _seq(basic.dump())


def _seq(inner: bytes) -> bytes:
    return b"\x30" + _length(len(inner)) + inner


def _length(n: int) -> bytes:
    if n < 128:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw
