#!/usr/bin/env python3
"""Draw assets/icon.png (256x256): two offset speech bubbles, one per speaker,
with a line of text each — the app compares what two people said.
Standard library only; deterministic output."""
import os
import struct
import zlib

SIZE = 256


def inside_round_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def pixel(x, y):
    if not inside_round_rect(x, y, 8, 8, 247, 247, 48):
        return (0, 0, 0, 0)
    color = (27, 42, 74, 255)  # ink blue background
    # bubble A (left/top), bubble B (right/bottom)
    if inside_round_rect(x, y, 34, 44, 170, 118, 22) or (40 <= x <= 70 and 110 <= y <= 140 and x - 40 <= 140 - y):
        color = (236, 240, 247, 255)
        if 54 <= y <= 64 and 54 <= x <= 150 or 84 <= y <= 94 and 54 <= x <= 122:
            color = (200, 60, 60, 255)  # removed words: red
    if inside_round_rect(x, y, 86, 138, 222, 212, 22) or (186 <= x <= 216 and 204 <= y <= 234 and 216 - x <= 234 - y and x >= 186):
        color = (250, 245, 230, 255)
        if 152 <= y <= 162 and 106 <= x <= 202 or 182 <= y <= 192 and 106 <= x <= 170:
            color = (46, 140, 87, 255)  # added words: green
    return color


def main():
    rows = []
    for y in range(SIZE):
        row = bytearray([0])
        for x in range(SIZE):
            row.extend(pixel(x, y))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "icon.png")
    with open(out, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
