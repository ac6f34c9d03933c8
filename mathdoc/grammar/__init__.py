"""The notation front end: TeX math -> tokens with offsets -> a typed tree (`grammar.tree`).

`parse(text)` reads one member; `statements(text)` cuts a whole formula into relation chains of
parsed members.  The conventions of reading are documented, one table per construct, in the
modules of `grammar.rules`.
"""

from .parser import parse
from .sexpr import sexpr

__all__ = ["parse", "sexpr"]
