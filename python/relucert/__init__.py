"""relucert: certified claims about the loss landscape of shallow ReLU networks.

A thin binding to the C API of librelucert-api (include/relucert/api.h)
through ctypes: requests and answers are JSON text, numbers cross the
boundary exactly (a float64 goes over as its exact ratio p/q, enclosure
ends come back as exact decimal strings and become fractions.Fraction).

    import numpy as np, relucert
    r = relucert.eval(W)                       # V = I (the identity teacher)
    lo, hi = r["loss"]                         # Fractions, lo <= F(W) <= hi
    c = relucert.certify_minimum(W, out="W.json")
    relucert.check("W.json")["valid"]

Enclosures are pairs (lo, hi) of Fraction. float(lo) rounds to the nearest
double, which may lie outside the enclosure; relucert.outward((lo, hi))
gives doubles rounded outward (a true enclosure again).

The library is found through the environment variable RELUCERT_API_LIBRARY
(a path), else the system's library search (ctypes.util.find_library),
else the usual install prefixes, else the build tree the package was
configured in (relucert/_build.py, written by configure). Errors raise relucert.Error with the
one-line message the relucert command prints for the same input.
"""
import ctypes
import ctypes.util
import json
import math
import os
from fractions import Fraction

__all__ = ["Error", "eval", "certify_minimum", "check", "load_dataset", "outward",
           "version", "exact"]


class Error(Exception):
    """Bad input, as the relucert command reports it (exit status 2)."""


def _load():
    path = os.environ.get("RELUCERT_API_LIBRARY")
    candidates = [path] if path else []
    found = ctypes.util.find_library("relucert-api")
    if found:
        candidates.append(found)
    for prefix in ("/usr/local/lib", "/usr/lib", "/usr/lib/x86_64-linux-gnu"):
        candidates.append(os.path.join(prefix, "librelucert-api.so.0"))
    try:                        # the configured build tree (_build.py.in)
        from ._build import BUILD_LIBRARY
        candidates.append(BUILD_LIBRARY)
    except ImportError:
        pass
    for c in candidates:
        try:
            lib = ctypes.CDLL(c)
        except OSError:
            continue
        for name in ("rc_api_eval", "rc_api_certify_minimum", "rc_api_check",
                     "rc_api_dataset_record"):
            f = getattr(lib, name)
            f.argtypes = [ctypes.c_char_p]
            f.restype = ctypes.c_void_p
        lib.rc_api_version.argtypes = []
        lib.rc_api_version.restype = ctypes.c_void_p
        lib.rc_api_free.argtypes = [ctypes.c_void_p]
        lib.rc_api_free.restype = None
        return lib
    raise ImportError("relucert: cannot find librelucert-api (install relucert with "
                      "'make install', or set RELUCERT_API_LIBRARY to the library file)")


_lib = _load()


def _call(fn, arg):
    p = fn(arg.encode("utf-8")) if arg is not None else fn()
    if not p:
        raise MemoryError("relucert: out of memory")
    try:
        text = ctypes.string_at(p).decode("utf-8")
    finally:
        _lib.rc_api_free(p)
    ans = json.loads(text)
    if not ans.get("ok"):
        raise Error(ans.get("error", "relucert: unknown error"))
    return ans


def exact(x):
    """The exact value of a number as a string the library reads exactly:
    a float (or numpy float) as its ratio p/q, a Fraction as p/q, an int,
    or a string unchanged (a decimal or rational)."""
    if isinstance(x, str):
        return x
    if isinstance(x, Fraction):
        return "%d/%d" % (x.numerator, x.denominator)
    if isinstance(x, int) and not isinstance(x, bool):
        return str(x)
    f = float(x)                    # exact for float64 and float32 values
    if not math.isfinite(f):
        raise Error("expected a finite number, found %r" % (x,))
    p, q = f.as_integer_ratio()
    return "%d/%d" % (p, q)


def _matrix(A, name):
    try:
        import numpy as np
        if isinstance(A, np.ndarray):
            if A.ndim != 2:
                raise Error("%s: expected a two-dimensional array (neurons x inputs), found "
                            "%d dimension(s)" % (name, A.ndim))
            if A.dtype.kind != "f" or A.dtype.itemsize not in (4, 8):
                raise Error("%s: expected dtype float64 or float32, found %s" % (name, A.dtype))
            A = A.tolist()
    except ImportError:
        pass
    return [[exact(x) for x in row] for row in A]


def _teacher(V):
    if V is None or (isinstance(V, str) and V == "identity"):
        return "identity"
    return _matrix(V, "V")


def _enclosures(obj):
    """{"lo": s, "hi": s} objects become (Fraction, Fraction), recursively."""
    if isinstance(obj, dict):
        if set(obj.keys()) == {"lo", "hi"} and all(isinstance(v, str) for v in obj.values()):
            return (Fraction(obj["lo"]), Fraction(obj["hi"]))
        return {k: _enclosures(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_enclosures(v) for v in obj]
    return obj


def outward(enclosure):
    """(lo, hi) of Fractions as doubles rounded outward: lo' <= lo, hi' >= hi."""
    lo, hi = enclosure
    a, b = float(lo), float(hi)
    if Fraction(a) > lo:
        a = math.nextafter(a, -math.inf)
    if Fraction(b) < hi:
        b = math.nextafter(b, math.inf)
    return (a, b)


def eval(W, V=None, prec=256, box_radius=None, hessian=False):
    """Enclosures of F, grad F, |grad F| and the smallest Hessian eigenvalue
    at W (n x d; V: k x d, or None / "identity" for V = I_d), or over the box
    of radius box_radius around W: the object `relucert eval` prints, with
    every enclosure a pair (lo, hi) of Fractions."""
    req = {"W": _matrix(W, "W"), "V": _teacher(V), "prec": int(prec), "hessian": bool(hessian)}
    if box_radius is not None:
        req["box_radius"] = exact(box_radius)
    return _enclosures(_call(_lib.rc_api_eval, json.dumps(req))["result"])


def certify_minimum(W, V=None, prec=256, alpha="1/2", path="auto", arith="auto",
                    source="python", out=None):
    """`relucert certify minimum` on the candidate W: returns {"success": bool,
    "path": the path line, "certificate": dict}. With out, the certificate is
    also written to that file, byte for byte as the command writes it (with
    source = the name the command would record, the bytes are the same)."""
    req = {"W": _matrix(W, "W"), "V": _teacher(V), "prec": int(prec), "alpha": exact(alpha),
           "path": path, "arith": arith, "source": source}
    if out is not None:
        req["out"] = os.fspath(out)
    a = _call(_lib.rc_api_certify_minimum, json.dumps(req))
    return {"success": a["success"], "path": a["path"], "certificate": a["certificate"]}


def check(cert):
    """Re-verifies a certificate (a file name, or the certificate as a dict or
    JSON text): {"valid": True} or {"valid": False, "reason": text}."""
    if isinstance(cert, dict):
        text = json.dumps(cert)
    elif isinstance(cert, str) and cert.lstrip().startswith("{"):
        text = cert
    else:
        with open(os.fspath(cert), "r", encoding="utf-8") as f:
            text = f.read()
    a = _call(_lib.rc_api_check, text)
    return {k: v for k, v in a.items() if k != "ok"}


def _default_dataset():
    here = os.path.dirname(os.path.abspath(__file__))
    for c in (os.path.join(here, "..", "..", "data", "safran2021-minima.jsonl"),
              "/usr/local/share/relucert/safran2021-minima.jsonl",
              "/usr/share/relucert/safran2021-minima.jsonl"):
        if os.path.exists(c):
            return os.path.normpath(c)
    raise Error("cannot find the dataset safran2021-minima.jsonl (give path=...)")


def load_dataset(path=None, k=None, index=None):
    """Records of the published dataset (Safran, Yehudai, Shamir 2021), each a
    dict with k, index, kind, p, W (float64 array, the nearest doubles),
    W_exact (rows of Fractions, the exact point) and V (the identity).
    k and index select records; one record when both are given."""
    import numpy as np
    path = os.fspath(path) if path is not None else _default_dataset()
    out = []
    with open(path, "r", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            if (k is not None and rec["k"] != k) or (index is not None and rec["index"] != index):
                continue
            a = _call(_lib.rc_api_dataset_record,
                      json.dumps({"dataset": path, "k": rec["k"], "index": rec["index"]}))
            W = [[Fraction(x) for x in row] for row in a["W"]]
            out.append({"k": rec["k"], "index": rec["index"], "kind": rec.get("kind"),
                        "p": rec.get("p"), "W_exact": W,
                        "W": np.array([[float(x) for x in row] for row in W]),
                        "V": np.eye(rec["k"])})
    if k is not None and index is not None:
        if not out:
            raise Error("%s: no record with k = %d, index = %d" % (path, k, index))
        return out[0]
    return out


def version():
    """Versions of relucert and of FLINT, Arb, MPFR and GMP."""
    a = _call(_lib.rc_api_version, None)
    return {k: v for k, v in a.items() if k != "ok"}
