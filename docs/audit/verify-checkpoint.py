#!/usr/bin/env python3
"""Verify a dangjian audit checkpoint proof without the platform's code (docs/audit.md).

    verify-checkpoint.py PUBLIC_KEY.pem PROOF.json

PROOF.json is what the audit service answers for
  GET /api/audit/checkpoints/{n}/inclusion?service=..&aggregateId=..            (an inclusion proof), or
  GET /api/audit/checkpoints/{n}/consistency?from=m&service=..&aggregateId=..   (a consistency proof of one stream).
PUBLIC_KEY.pem is the audit service's public key (GET /api/audit/checkpoints/key, field publicKeyPem), obtained
once and kept: compare its SHA-256 with a key id you trust.

Checks, with openssl for the Ed25519 signature and hashlib for everything else:
  1. each checkpoint's statement is signed by the key (openssl pkeyutl -verify -rawin), names the key's id
     and the root and numbers the proof states;
  2. the stream's leaf hashes, with its audit path, to the signed root (RFC 9162, section 2.1.3.2);
  3. for a consistency proof: the later checkpoint holds the stream with at least as many events, the same
     head if no more, and otherwise chain links from the earlier head to the later one.
Exit status 0 when everything holds; 1 with the reason otherwise.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile


def fail(reason):
    print("NOT VERIFIED: " + reason)
    sys.exit(1)


def public_key_der(pem_text):
    match = re.search(r"-----BEGIN PUBLIC KEY-----(.+?)-----END PUBLIC KEY-----", pem_text, re.S)
    if not match:
        fail("the key file holds no PUBLIC KEY")
    return base64.b64decode("".join(match.group(1).split()))


def verify_signature(key_file, statement, signature_b64):
    with tempfile.TemporaryDirectory() as tmp:
        message = os.path.join(tmp, "statement.txt")
        signature = os.path.join(tmp, "signature.bin")
        with open(message, "wb") as out:
            out.write(statement.encode("utf-8"))
        with open(signature, "wb") as out:
            out.write(base64.b64decode(signature_b64))
        result = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key_file, "-rawin",
                                 "-in", message, "-sigfile", signature], capture_output=True, text=True)
        return result.returncode == 0


def statement_fields(statement):
    lines = statement.split("\n")
    if lines[0] != "dangjian-audit-checkpoint-v1" or lines[-1] != "":
        fail("not a checkpoint statement (v1)")
    fields = {}
    for line in lines[1:-1]:
        name, _, value = line.partition(": ")
        fields[name] = value
    return fields


def check_checkpoint(key_file, key_id, checkpoint):
    statement = checkpoint["statement"]
    if not verify_signature(key_file, statement, checkpoint["signature"]):
        fail("checkpoint %s: the signature does not verify with the key" % checkpoint["number"])
    fields = statement_fields(statement)
    if fields.get("key") != key_id:
        fail("checkpoint %s was signed by key %s, not %s" % (checkpoint["number"], fields.get("key"), key_id))
    for name, value in (("number", str(checkpoint["number"])), ("root", checkpoint["root"])):
        if fields.get(name) != value:
            fail("checkpoint %s: the statement's %s is %s, the proof says %s" % (checkpoint["number"], name, fields.get(name), value))
    return fields


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def verify_inclusion(leaf_text, index, size, path, root_hex):
    """RFC 9162, section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn = index, size - 1
    r = hashlib.sha256(b"\x00" + leaf_text.encode("utf-8")).digest()
    for hex_value in path:
        p = bytes.fromhex(hex_value)
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r.hex() == root_hex


def check_inclusion(key_file, key_id, proof):
    checkpoint = proof["checkpoint"]
    fields = check_checkpoint(key_file, key_id, checkpoint)
    leaf = proof["leaf"]
    leaf_text = "%s\n%s\n%d\n%s" % (leaf["service"], leaf["aggregateId"], leaf["count"], leaf["head"])
    if int(fields["streams"]) != proof["treeSize"]:
        fail("checkpoint %s covers %s streams, the proof a tree of %s" % (checkpoint["number"], fields["streams"], proof["treeSize"]))
    if not verify_inclusion(leaf_text, proof["leafIndex"], proof["treeSize"], proof["path"], checkpoint["root"]):
        fail("the leaf of %s %s is not in checkpoint %s" % (leaf["service"], leaf["aggregateId"], checkpoint["number"]))
    return leaf


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    key_file, proof_file = sys.argv[1], sys.argv[2]
    with open(key_file) as pem:
        key_id = hashlib.sha256(public_key_der(pem.read())).hexdigest()
    with open(proof_file, encoding="utf-8") as f:
        proof = json.load(f)
    if "leafIndex" in proof:
        leaf = check_inclusion(key_file, key_id, proof)
        print("VERIFIED: %s %s with %d events, head %s, is in checkpoint %s" % (leaf["service"], leaf["aggregateId"], leaf["count"],
                                                                                leaf["head"], proof["checkpoint"]["number"]))
        return
    earlier = check_inclusion(key_file, key_id, proof["earlier"])
    if proof.get("later") is None:
        fail("checkpoint %s no longer holds %s %s" % (proof["to"], earlier["service"], earlier["aggregateId"]))
    later = check_inclusion(key_file, key_id, proof["later"])
    if later["count"] < earlier["count"]:
        fail("%s %s had %d events at checkpoint %s and %d at %s: cut" % (earlier["service"], earlier["aggregateId"], earlier["count"],
                                                                         proof["from"], later["count"], proof["to"]))
    if later["count"] == earlier["count"]:
        if later["head"] != earlier["head"]:
            fail("the head at sequence %d changed from %s to %s: rewritten" % (earlier["count"] - 1, earlier["head"], later["head"]))
    else:
        links = proof["links"]
        expected_sequence, previous = earlier["count"], earlier["head"]
        for link in links:
            if link["sequence"] != expected_sequence or link["prevHash"] != previous:
                fail("the chain from the earlier head breaks at sequence %d" % expected_sequence)
            previous, expected_sequence = link["hash"], expected_sequence + 1
        if expected_sequence != later["count"] or previous != later["head"]:
            fail("the chain's links do not reach the later head")
    print("VERIFIED: checkpoint %s is consistent with checkpoint %s for %s %s (%d -> %d events)" % (
        proof["to"], proof["from"], earlier["service"], earlier["aggregateId"], earlier["count"], later["count"]))


if __name__ == "__main__":
    main()
