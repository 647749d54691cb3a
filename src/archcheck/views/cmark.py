"""cmark-gfm itself, through ``cmarkgfm``'s C bindings, with the memory it hands back freed.

``cmarkgfm``'s own Python wrapper never frees the syntax tree or the rendered HTML (a check of
a large tree grew by gigabytes), so the calls are made here, and what cmark-gfm allocated is
given back to its own allocator once the HTML is a Python string.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from functools import cache
from typing import Any

from cmarkgfm import _cmark  # type: ignore[import-untyped]


class _Memory(ctypes.Structure):
    _fields_ = (
        ("calloc", ctypes.c_void_p),
        ("realloc", ctypes.c_void_p),
        ("free", ctypes.CFUNCTYPE(None, ctypes.c_void_p)),
    )


@cache
def _library() -> Any:
    """The loaded C library itself (dlopen of a loaded library returns the same handle), for
    the two functions the bindings leave out."""
    library = ctypes.CDLL(_cmark.__file__)
    library.cmark_node_free.argtypes = (ctypes.c_void_p,)
    library.cmark_node_free.restype = None
    library.cmark_get_default_mem_allocator.restype = ctypes.POINTER(_Memory)
    library.cmark_gfm_core_extensions_ensure_registered()
    return library


def _address(pointer: Any) -> int:
    return int(_cmark.ffi.cast("uintptr_t", pointer))


def render_html(text: str, options: int, extensions: Sequence[str]) -> str:
    """cmark-gfm's HTML of ``text`` with these options and syntax extensions."""
    library = _library()
    lib, ffi = _cmark.lib, _cmark.ffi
    data = text.encode("utf-8")
    parser = lib.cmark_parser_new(options)
    try:
        for name in extensions:
            extension = lib.cmark_find_syntax_extension(name.encode())
            if extension == ffi.NULL:
                raise ValueError(f"cmark-gfm has no syntax extension {name!r}")
            lib.cmark_parser_attach_syntax_extension(parser, extension)
        lib.cmark_parser_feed(parser, data, len(data))
        root = lib.cmark_parser_finish(parser)
        try:
            raw = lib.cmark_render_html(
                root, options, lib.cmark_parser_get_syntax_extensions(parser)
            )
            try:
                return str(ffi.string(raw).decode("utf-8"))
            finally:
                library.cmark_get_default_mem_allocator().contents.free(_address(raw))
        finally:
            library.cmark_node_free(_address(root))
    finally:
        lib.cmark_parser_free(parser)
