#!/usr/bin/env python3
"""Writes the seed corpus of bgpd/src/test/java/org/bgpd/fuzz/DecoderFuzzTest.

Each file is one flags byte (see FuzzInput.java) and then wire bytes: a whole message for the
`message` target, an UPDATE body for the `update` target. Run from the repository root; the
files are committed, so this only needs running again to add seeds.
"""
import os
import struct

ROOT = "bgpd/src/test/resources/org/bgpd/fuzz/DecoderFuzzTestInputs"
FOUR, IBGP, AP4, AP6, EXT, NO6, NO4 = 1, 2, 4, 8, 16, 32, 64


def attr(code, value, flags=None):
    if flags is None:
        flags = 0x40 if code in (1, 2, 3, 5, 6) else 0x80 if code in (4, 9, 10, 14, 15) else 0xC0
    if len(value) > 255 or flags & 0x10:
        return bytes([flags | 0x10, code]) + struct.pack("!H", len(value)) + value
    return bytes([flags, code, len(value)]) + value


def v4(prefix, length, path_id=None):
    octets = bytes(int(x) for x in prefix.split("."))[: (length + 7) // 8]
    pid = struct.pack("!I", path_id) if path_id is not None else b""
    return pid + bytes([length]) + octets


def v6(hexaddr, length):
    raw = bytes.fromhex(hexaddr.ljust(32, "0"))
    return bytes([length]) + raw[: (length + 7) // 8]


def as_path(asns, four=True, seg=2):
    fmt = "!I" if four else "!H"
    return bytes([seg, len(asns)]) + b"".join(struct.pack(fmt, a) for a in asns)


def body(withdrawn=b"", attrs=b"", nlri=b""):
    return struct.pack("!H", len(withdrawn)) + withdrawn + struct.pack("!H", len(attrs)) + attrs + nlri


def message(mtype, payload):
    return b"\xff" * 16 + struct.pack("!HB", 19 + len(payload), mtype) + payload


ORIGIN = attr(1, b"\x00")
PATH4 = attr(2, as_path([65001, 4200000000]))
NH = attr(3, bytes([10, 0, 0, 1]))
BASE = ORIGIN + PATH4 + NH
MP6 = attr(14, struct.pack("!HBB", 2, 1, 16) + bytes.fromhex("20010db8000000000000000000000001") + b"\x00" + v6("20010db80001", 48) + v6("20010db80002", 64))

updates = {
    "plain_v4": (FOUR, body(attrs=BASE + attr(4, b"\x00\x00\x00\x10") + attr(8, b"\xfd\xe8\x00\x01"), nlri=v4("192.0.2.0", 24) + v4("198.51.100.0", 25))),
    "ibgp_full": (FOUR | IBGP, body(attrs=BASE + attr(5, b"\x00\x00\x00\x64") + attr(6, b"") + attr(7, struct.pack("!I", 65001) + bytes([10, 0, 0, 9]))
                                          + attr(9, bytes([10, 0, 0, 7])) + attr(10, bytes([10, 0, 0, 8, 10, 0, 0, 9])) + attr(32, struct.pack("!III", 65000, 1, 2)), nlri=v4("10.1.0.0", 16))),
    "two_octet_as4": (0, body(attrs=ORIGIN + attr(2, as_path([65001, 23456], four=False)) + NH + attr(17, as_path([65001, 4200000000])) + attr(7, struct.pack("!H", 23456) + bytes([10, 0, 0, 1])) + attr(18, struct.pack("!I", 4200000000) + bytes([10, 0, 0, 1])), nlri=v4("203.0.113.0", 24))),
    "withdraw_only": (FOUR, body(withdrawn=v4("192.0.2.0", 24) + v4("0.0.0.0", 0))),
    "eor_v4": (FOUR, body()),
    "eor_v6": (FOUR, body(attrs=attr(15, struct.pack("!HB", 2, 1)))),
    "mp_reach_v6": (FOUR, body(attrs=ORIGIN + PATH4 + MP6)),
    "mp_reach_v6_linklocal": (FOUR, body(attrs=ORIGIN + PATH4 + attr(14, struct.pack("!HBB", 2, 1, 32) + bytes.fromhex("20010db8000000000000000000000001fe800000000000000000000000000001") + b"\x00" + v6("20010db8", 32)))),
    "mp_unreach_v6": (FOUR, body(attrs=attr(15, struct.pack("!HB", 2, 1) + v6("20010db80001", 48)))),
    "addpath_v4": (FOUR | AP4, body(withdrawn=v4("10.9.0.0", 16, 7), attrs=BASE, nlri=v4("192.0.2.0", 24, 1) + v4("192.0.2.0", 24, 2))),
    "addpath_v6_mp": (FOUR | AP6, body(attrs=ORIGIN + PATH4 + attr(14, struct.pack("!HBB", 2, 1, 16) + bytes.fromhex("20010db8000000000000000000000001") + b"\x00" + struct.pack("!I", 5) + v6("20010db8", 32)))),
    "v6_not_negotiated": (FOUR | NO6, body(attrs=ORIGIN + PATH4 + MP6)),
    "unknown_transitive": (FOUR, body(attrs=BASE + attr(99, b"hello", 0xC0) + attr(100, b"x" * 300, 0xE0), nlri=v4("192.0.2.0", 24))),
    "extended_length_flag": (FOUR | EXT, body(attrs=attr(1, b"\x00", 0x50) + PATH4 + NH + attr(8, b"\x00\x01\x00\x02" * 200), nlri=v4("192.0.2.0", 24))),
    "bad_origin_value": (FOUR, body(attrs=attr(1, b"\x07") + PATH4 + NH, nlri=v4("192.0.2.0", 24))),
    "bad_origin_flags": (FOUR, body(attrs=attr(1, b"\x00", 0x80) + PATH4 + NH, nlri=v4("192.0.2.0", 24))),
    "bad_next_hop_length": (FOUR, body(attrs=ORIGIN + PATH4 + attr(3, b"\x0a\x00\x00"), nlri=v4("192.0.2.0", 24))),
    "missing_as_path": (FOUR, body(attrs=ORIGIN + NH, nlri=v4("192.0.2.0", 24))),
    "duplicate_origin": (FOUR, body(attrs=ORIGIN + ORIGIN + PATH4 + NH, nlri=v4("192.0.2.0", 24))),
    "as_path_overrun": (FOUR, body(attrs=ORIGIN + attr(2, b"\x02\x05\x00\x00\xfd\xe9") + NH, nlri=v4("192.0.2.0", 24))),
    "attr_overruns_list": (FOUR, body(attrs=ORIGIN + PATH4 + b"\x40\x03\x09\x0a\x00", nlri=b"")),
    "bad_nlri_length": (FOUR, body(attrs=BASE, nlri=b"\x21\x0a\x00\x00\x00\x01")),
    "bad_withdrawn": (FOUR, body(withdrawn=b"\x18\xc0\x00")),
    "mp_reach_bad_nh_len": (FOUR, body(attrs=ORIGIN + PATH4 + attr(14, struct.pack("!HBB", 2, 1, 5) + b"\x20\x01\x0d\xb8\x00" + b"\x00" + v6("20010db8", 32)))),
    "mp_reach_unknown_afi": (FOUR, body(attrs=ORIGIN + PATH4 + attr(14, struct.pack("!HBB", 25, 70, 4) + b"\x0a\x00\x00\x01\x00" + b"\x10\x00\x01"))),
    "local_pref_from_ebgp": (FOUR, body(attrs=BASE + attr(5, b"\x00\x00\x00\x64") + attr(9, b"\x0a\x00\x00\x07"), nlri=v4("192.0.2.0", 24))),
    "bad_communities_length": (FOUR, body(attrs=BASE + attr(8, b"\x00\x01\x00"), nlri=v4("192.0.2.0", 24))),
    "bad_large_communities": (FOUR, body(attrs=BASE + attr(32, b"\x00" * 11), nlri=v4("192.0.2.0", 24))),
    "as_set_and_confed": (FOUR, body(attrs=ORIGIN + attr(2, as_path([65001]) + as_path([1, 2, 3], seg=1) + as_path([64512], seg=3)) + NH, nlri=v4("192.0.2.0", 24))),
    "empty_as_path_ebgp": (FOUR, body(attrs=ORIGIN + attr(2, b"") + NH, nlri=v4("192.0.2.0", 24))),
    "short_body": (FOUR, b"\x00\x00\x00"),
}

OPEN_CAPS = (b"\x02\x06\x01\x04\x00\x01\x00\x01" + b"\x02\x06\x01\x04\x00\x02\x00\x01" + b"\x02\x06\x41\x04" + struct.pack("!I", 4200000000)
             + b"\x02\x02\x02\x00" + b"\x02\x02\x46\x00" + b"\x02\x02\x06\x00" + b"\x02\x0a\x40\x08\x80\x78\x00\x01\x01\x80\x00\x02"
             + b"\x02\x0a\x45\x08\x00\x01\x01\x03\x00\x02\x01\x01" + b"\x02\x06\x49\x04\x03bgp\x00")


def open_msg(params, asn=23456, hold=90):
    return message(1, struct.pack("!BHHIB", 4, asn, hold, 0x0A000001, len(params)) + params)


messages = {
    "open_full": (0, open_msg(OPEN_CAPS)),
    "open_bare": (0, open_msg(b"", asn=65001, hold=0)),
    "open_bad_version": (0, message(1, struct.pack("!BHHIB", 3, 65001, 90, 1, 0))),
    "open_bad_hold": (0, open_msg(b"", hold=2)),
    "open_param_overrun": (0, open_msg(b"\x02\x09\x01\x04\x00\x01")),
    "open_extended_params": (0, message(1, struct.pack("!BHHIBBH", 4, 65001, 90, 1, 255, 255, 8) + b"\x02\x00\x05\x02\x02\x00\x00\x00")),
    "keepalive": (0, message(4, b"")),
    "keepalive_with_body": (0, message(4, b"\x00")),
    "notification_cease_shutdown": (0, message(3, b"\x06\x02\x0bmaintenance")),
    "notification_bad_utf8": (0, message(3, b"\x06\x04\x03\xff\xfe\xfd")),
    "notification_max_prefix": (0, message(3, b"\x06\x01\x00\x01\x01\x00\x00\x03\xe8")),
    "notification_update_error": (0, message(3, b"\x03\x01")),
    "route_refresh": (0, message(5, b"\x00\x01\x00\x01")),
    "route_refresh_borr": (0, message(5, b"\x00\x02\x01\x01")),
    "route_refresh_bad_length": (0, message(5, b"\x00\x01\x00\x01\x00")),
    "update_v4": (FOUR, message(2, updates["plain_v4"][1])),
    "update_v6_ext": (FOUR | EXT, message(2, updates["mp_reach_v6"][1])),
    "update_two_octet": (0, message(2, updates["two_octet_as4"][1])),
    "update_addpath": (FOUR | AP4, message(2, updates["addpath_v4"][1])),
    "update_malformed": (FOUR, message(2, updates["as_path_overrun"][1])),
    "bad_marker": (0, b"\xff" * 15 + b"\x00" + b"\x00\x13\x04"),
    "bad_length": (0, b"\xff" * 16 + b"\x00\x12\x04"),
    "length_mismatch": (0, b"\xff" * 16 + b"\x00\x20\x04"),
    "unknown_type": (0, message(9, b"abc")),
    "short": (0, b"\xff\xff\xff"),
}

for target, seeds in (("update", updates), ("message", messages)):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    for name, (flags, data) in seeds.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(bytes([flags]) + data)
print("wrote", len(updates), "update and", len(messages), "message seeds under", ROOT)
