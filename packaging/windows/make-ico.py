#!/usr/bin/env python3
"""Packs the existing PNG renders of the app icon into a Windows .ico.

    python3 packaging/windows/make-ico.py resources/icons packaging/windows/caselens.ico

Sizes up to 128 are stored as 32-bit BGRA bitmaps (every Windows tool, NSIS
included, reads those); 256 is stored as PNG, as Windows Vista and later
expect. Only the standard library is used: the PNGs are decoded here
(non-interlaced 8/16-bit RGBA or RGB, which is what resources/icons holds).
The output is deterministic, so the committed file can be checked against a
fresh run.
"""

import struct
import sys
import zlib
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256)


def read_png(data: bytes):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if interlace or colour not in (2, 6) or depth not in (8, 16):
        raise ValueError("unsupported PNG layout")
    channels = 4 if colour == 6 else 3
    bpp = channels * depth // 8
    stride = width * bpp
    raw = zlib.decompress(idat)
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    step = depth // 8  # 16-bit samples: keep the high byte
    pixels = []
    for line in rows:
        row = []
        for x in range(width):
            px = line[x * bpp:(x + 1) * bpp]
            sample = [px[i * step] for i in range(channels)]
            if channels == 3:
                sample.append(255)
            row.append(tuple(sample))
        pixels.append(row)
    return width, height, pixels


def bitmap_entry(width, height, pixels) -> bytes:
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    xor = bytearray()
    for row in reversed(pixels):  # bottom-up
        for r, g, b, a in row:
            xor += bytes((b, g, r, a))
    mask_stride = ((width + 31) // 32) * 4
    mask = bytes(mask_stride * height)  # alpha channel decides; AND mask all 0
    return header + bytes(xor) + mask


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    source, output = Path(sys.argv[1]), Path(sys.argv[2])
    images = []
    for size in SIZES:
        data = (source / f"caselens-{size}.png").read_bytes()
        width, height, pixels = read_png(data)
        if (width, height) != (size, size):
            raise SystemExit(f"caselens-{size}.png is {width}x{height}")
        images.append((size, data if size >= 256 else bitmap_entry(width, height, pixels)))
    out = bytearray(struct.pack("<HHH", 0, 1, len(images)))
    offset = 6 + 16 * len(images)
    for size, blob in images:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    for _, blob in images:
        out += blob
    output.write_bytes(bytes(out))
    print(f"wrote {output} ({len(out)} bytes, sizes {', '.join(map(str, SIZES))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
