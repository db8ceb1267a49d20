"""relucert: certified claims about the loss landscape of shallow ReLU networks.

A binding to the C API of librelucert-api (include/relucert/api.h) through
ctypes. It runs the library's own workflows, so a certificate made here is
byte for byte the one the relucert command makes.

    import numpy as np, relucert
    r = relucert.eval(W)                  # V = I (the identity teacher)
    r.loss                                # Enclosure: r.loss.lo <= F(W) <= r.loss.hi
    c = relucert.certify_minimum(W, out="W.json")
    c.verdicts["strict_minimum"]          # Verdict.PROVED, REFUTED or UNDECIDED
    relucert.check("W.json").valid

Arrays in: anything numpy.asarray accepts (lists, NumPy arrays, tensors
with __array__). float64 and float32 values are read exactly, as the
binary numbers they are; integer arrays exactly; arrays of Fractions or of
decimal strings ("0.1", "1/3") exactly. Bad input raises relucert.Error
(a ValueError) with the one-line message the relucert command prints for
the same input.

Numbers out are exact: an Enclosure holds lo and hi as fractions.Fraction;
float(lo) rounds to the nearest double, which may lie outside the
enclosure; Enclosure.outward() gives doubles rounded outward.

Long runs (certify_dataset, paper, ...) report progress: a tqdm bar when
tqdm is importable (Debian: python3-tqdm), else plain lines on stderr;
progress=False turns it off, a callable receives every Progress report.

The library is found through the environment variable RELUCERT_API_LIBRARY
(a path), else the system's library search (ctypes.util.find_library),
else the usual install prefixes, else the build tree the package was
configured in (relucert/_build.py, written by configure).
"""
import base64
import ctypes
import ctypes.util
import enum
import html
import io
import json
import math
import os
import sys
import time
from fractions import Fraction

__all__ = ["Error", "Verdict", "Enclosure", "EnclosureArray", "EvalResult", "Certificate",
           "CheckResult", "Record", "DatasetRun", "PaperRun", "AtlasRun", "SearchResult",
           "OverparamRow", "OverparamRun", "CensusRow", "CensusRun", "Progress",
           "eval", "certify_minimum", "certify_dataset", "certify_convexity",
           "certify_nonconvex", "certify_fails", "certify_opsc", "check", "summary",
           "load_dataset", "dataset_path", "paper", "latex", "atlas", "search", "overparam",
           "census", "outward", "exact", "version"]

DATASET = "safran2021-minima.jsonl"


class Error(ValueError):
    """Bad input, with the one-line message the relucert command prints for
    the same input (its exit status 2)."""


# ---------------------------------------------------------------- the library

_PROGRESS_FN = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_long,
                                ctypes.c_long, ctypes.c_char_p, ctypes.c_double,
                                ctypes.c_void_p)
_CALLS = ("rc_api_eval", "rc_api_certify_minimum", "rc_api_check", "rc_api_check_file", "rc_api_dataset_record",
          "rc_api_certify_dataset", "rc_api_paper", "rc_api_latex", "rc_api_atlas",
          "rc_api_summary", "rc_api_certify_landscape", "rc_api_search", "rc_api_overparam",
          "rc_api_census")


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
        if not all(hasattr(lib, n) for n in _CALLS + ("rc_api_set_progress",)):
            continue            # an older installed library
        for name in _CALLS:
            f = getattr(lib, name)
            f.argtypes = [ctypes.c_char_p]
            f.restype = ctypes.c_void_p
        lib.rc_api_version.argtypes = []
        lib.rc_api_version.restype = ctypes.c_void_p
        lib.rc_api_free.argtypes = [ctypes.c_void_p]
        lib.rc_api_free.restype = None
        lib.rc_api_set_progress.argtypes = [_PROGRESS_FN, ctypes.c_void_p]
        lib.rc_api_set_progress.restype = None
        return lib
    raise ImportError("relucert: cannot find librelucert-api (install relucert with "
                      "'make install', or set RELUCERT_API_LIBRARY to the library file)")


_lib = _load()


def _call(fn, arg, progress=False):
    with _Reporter(progress):
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


# ---------------------------------------------------------------- progress

class Progress:
    """One progress report of the library (rc_progress_t): kind is "begin",
    "step", "end", "note" or "error"; phase names the workflow's phase;
    done of total items (unit: text) after seconds; for a note or an error,
    text is the line."""
    KINDS = ("begin", "step", "end", "note", "error")
    __slots__ = ("kind", "phase", "done", "total", "text", "seconds")

    def __init__(self, kind, phase, done, total, text, seconds):
        self.kind, self.phase, self.done, self.total = kind, phase, done, total
        self.text, self.seconds = text, seconds

    def __repr__(self):
        return "Progress(%s, %r, %d/%d %s, %.1f s)" % (self.kind, self.phase, self.done,
                                                       self.total, self.text, self.seconds)


class _Reporter:
    """Installs the library's progress callback for one call. progress:
    None (a tqdm bar if tqdm is importable, else plain lines on stderr),
    False (nothing), or a callable taking a Progress."""

    def __init__(self, progress):
        self.user = progress if callable(progress) else None
        self.on = progress is not False
        self.bars = {}
        self.last = {}
        self.errors = []
        self.tqdm = None
        if self.on and self.user is None:
            try:
                from tqdm.auto import tqdm
                self.tqdm = tqdm
            except ImportError:
                self.tqdm = None

    def __enter__(self):
        if self.on:
            self.cb = _PROGRESS_FN(self._report)
            _lib.rc_api_set_progress(self.cb, None)
        return self

    def __exit__(self, *exc):
        if self.on:
            _lib.rc_api_set_progress(_PROGRESS_FN(), None)
            for bar in self.bars.values():
                bar.close()
        return False

    def _report(self, kind, phase, done, total, text, seconds, ctx):
        try:
            p = Progress(Progress.KINDS[kind] if 0 <= kind < 5 else str(kind),
                         (phase or b"").decode("utf-8", "replace"), done, total,
                         (text or b"").decode("utf-8", "replace"), seconds)
            if p.kind == "error":
                self.errors.append(p.text)
            if self.user is not None:
                self.user(p)
            elif self.tqdm is not None:
                self._bar(p)
            else:
                self._line(p)
        except Exception:           # never unwind through C
            pass

    def _bar(self, p):
        bar = self.bars.get(p.phase)
        if p.kind == "begin":
            if bar is not None:
                bar.close()
            self.bars[p.phase] = self.tqdm(total=p.total or None, desc=p.phase, unit=" " + p.text,
                                           file=sys.stderr, leave=True)
        elif p.kind == "step" and bar is not None:
            bar.n = p.done
            bar.refresh()
        elif p.kind == "end" and bar is not None:
            bar.n = p.done
            bar.close()
            del self.bars[p.phase]
        elif p.kind in ("note", "error"):
            (self.tqdm.write if self.bars else _stderr)(
                ("relucert: " if p.kind == "error" else p.phase + ": ") + p.text)

    def _line(self, p):
        now = time.monotonic()
        if p.kind == "begin":
            self.last[p.phase] = now
            _stderr("%s: %d %s" % (p.phase, p.total, p.text))
        elif p.kind == "step" and now - self.last.get(p.phase, 0) >= 10:
            self.last[p.phase] = now
            _stderr("%s: %d/%d %s, %.0f s" % (p.phase, p.done, p.total, p.text, p.seconds))
        elif p.kind == "end":
            _stderr("%s: %d/%d %s, %.1f s" % (p.phase, p.done, p.total, p.text, p.seconds))
        elif p.kind == "note":
            _stderr("%s: %s" % (p.phase, p.text))
        elif p.kind == "error":
            _stderr("relucert: %s" % p.text)


def _stderr(line):
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


# ---------------------------------------------------------------- numbers in

def exact(x):
    """The exact value of a number as a string the library reads exactly:
    a float (or NumPy float) as its ratio p/q, a Fraction as p/q, an int,
    or a string unchanged (a decimal or rational)."""
    if isinstance(x, str):
        return x
    if isinstance(x, Fraction):
        return "%d/%d" % (x.numerator, x.denominator)
    if isinstance(x, int) and not isinstance(x, bool):
        return str(x)
    try:
        import numpy as np
        if isinstance(x, np.integer):
            return str(int(x))
    except ImportError:
        pass
    f = float(x)                    # exact for float64 and float32 values
    if not math.isfinite(f):
        return repr(f)              # the library names it in its message
    p, q = f.as_integer_ratio()
    return "%d/%d" % (p, q)


def _as_array(A, name):
    import numpy as np
    if isinstance(A, np.ndarray):
        return A
    try:
        return np.asarray(A)
    except Exception as e:
        if hasattr(A, "detach"):            # a tensor that requires grad, on a device
            try:
                return np.asarray(A.detach().cpu())
            except Exception:
                pass
        raise Error("%s: expected an array (anything numpy.asarray accepts), found %s (%s)"
                    % (name, type(A).__name__, str(e).splitlines()[0] if str(e) else "")) from None


def _npy(A):
    import numpy as np
    buf = io.BytesIO()
    np.save(buf, A, allow_pickle=False)
    return {"npy": base64.b64encode(buf.getvalue()).decode("ascii")}


def _matrix(A, name):
    """A as the C API reads it: binary arrays as the bytes of a .npy file
    (read by the library exactly as the command reads W.npy, with its
    messages), anything else as rows of exact strings."""
    import numpy as np
    a = _as_array(A, name)
    kind = a.dtype.kind
    if kind == "f" and a.dtype.itemsize in (4, 8):
        return _npy(a)
    if kind == "f" and a.dtype.itemsize == 2:
        return _npy(a.astype(np.float64))          # exact
    if kind == "f":                                # long double
        b = a.astype(np.float64)
        ok = np.isnan(a) | (b.astype(a.dtype) == a)
        if not ok.all():
            raise Error("%s: expected values that are binary64 numbers, found dtype %s with "
                        "an entry no double holds exactly" % (name, a.dtype))
        return _npy(b)
    if kind in "iu":
        if a.size == 0 or (int(a.max()) <= 2 ** 53 and int(a.min()) >= -2 ** 53):
            return _npy(a.astype(np.float64))      # exact below 2^53
        kind = "O"
    if kind in "OUS":
        if a.ndim != 2:
            raise Error("%s: expected a two-dimensional array (N neurons x D inputs), found %d "
                        "dimension%s" % (name, a.ndim, "" if a.ndim == 1 else "s"))
        if kind == "S":
            a = a.astype("U")
        try:
            return [[exact(x) for x in row] for row in a.tolist()]
        except (TypeError, ValueError) as e:
            raise Error("%s: expected numbers (floats, ints, Fractions or exact strings), %s"
                        % (name, e)) from None
    return _npy(a)                  # bool, complex, ...: the library's dtype message


def _int(x, name):
    """An integer argument, or Error naming it."""
    if isinstance(x, bool) or not isinstance(x, int):
        try:
            import numpy as np
            if isinstance(x, np.integer):
                return int(x)
        except ImportError:
            pass
        raise Error("%s: expected an integer, found %r" % (name, x))
    return x


def _point(req, W, V, name="W"):
    req["W"] = _matrix(W, name)
    req["W_name"] = name
    if V is None or (isinstance(V, str) and V == "identity"):
        req["V"] = "identity"
    else:
        req["V"] = _matrix(V, "V")
    return req


# ---------------------------------------------------------------- numbers out

class Enclosure:
    """A closed interval [lo, hi] of exact rationals that contains a value.

    lo, hi: fractions.Fraction (exact); mid, rad: midpoint and radius
    (Fraction); outward(): doubles (a, b) with a <= lo and b >= hi; x in e:
    lo <= x <= hi exactly (x a float, int, Fraction, or an Enclosure that
    lies inside). Unpacks as lo, hi = e."""
    __slots__ = ("lo", "hi", "_text")

    def __init__(self, lo, hi, text=None):
        self.lo = Fraction(lo)
        self.hi = Fraction(hi)
        self._text = text

    @classmethod
    def _from_json(cls, o):
        return cls(Fraction(o["lo"]), Fraction(o["hi"]), (o["lo"], o["hi"]))

    @property
    def mid(self):
        return (self.lo + self.hi) / 2

    @property
    def rad(self):
        return (self.hi - self.lo) / 2

    def outward(self):
        """(a, b): doubles with a <= lo and hi <= b."""
        return outward((self.lo, self.hi))

    def __contains__(self, x):
        if isinstance(x, Enclosure):
            return self.lo <= x.lo and x.hi <= self.hi
        return self.lo <= Fraction(x) <= self.hi

    def __iter__(self):
        return iter((self.lo, self.hi))

    def __eq__(self, other):
        return isinstance(other, Enclosure) and (self.lo, self.hi) == (other.lo, other.hi)

    def __hash__(self):
        return hash((self.lo, self.hi))

    def to_dict(self):
        """{"lo": ..., "hi": ...}: exact strings (the library's decimals)."""
        if self._text is not None:
            return {"lo": self._text[0], "hi": self._text[1]}
        return {"lo": exact(self.lo), "hi": exact(self.hi)}

    def __format__(self, spec):
        """"[lo, hi]" with 6 (or spec, e.g. ".10") significant digits, lo
        rounded down and hi up: still an enclosure."""
        digits = int(spec.strip(".g")) if spec.strip(".g") else 6
        return "[%s, %s]" % (_decimal(self.lo, digits, True), _decimal(self.hi, digits, False))

    def __repr__(self):
        return "Enclosure(%s)" % format(self)


def _decimal(x, digits, lower):
    """x (Fraction) to digits significant decimal digits, rounded down
    (lower) or up: a printed bound that is still a bound."""
    import decimal
    ctx = decimal.Context(prec=digits, rounding=decimal.ROUND_FLOOR if lower
                          else decimal.ROUND_CEILING, Emax=10 ** 9, Emin=-10 ** 9)
    x = Fraction(x)
    d = ctx.divide(decimal.Decimal(x.numerator), decimal.Decimal(x.denominator))
    return format(d, "g")


class EnclosureArray:
    """Enclosures of a matrix (the gradient, the Hessian): lo and hi are
    NumPy object arrays of Fraction, mid a float64 array (nearest doubles of
    the midpoints), outward() float64 arrays (lo_f, hi_f) rounded outward;
    a[i, j] is an Enclosure."""

    def __init__(self, rows):
        import numpy as np
        self._rows = rows
        n = len(rows)
        d = len(rows[0]) if n else 0
        self.lo = np.empty((n, d), dtype=object)
        self.hi = np.empty((n, d), dtype=object)
        for i, row in enumerate(rows):
            for j, e in enumerate(row):
                self.lo[i, j] = Fraction(e["lo"])
                self.hi[i, j] = Fraction(e["hi"])

    @property
    def shape(self):
        return self.lo.shape

    @property
    def mid(self):
        import numpy as np
        return np.array([[float((a + b) / 2) for a, b in zip(ra, rb)]
                         for ra, rb in zip(self.lo.tolist(), self.hi.tolist())],
                        dtype=np.float64).reshape(self.shape)

    def outward(self):
        import numpy as np
        pairs = [[outward((a, b)) for a, b in zip(ra, rb)]
                 for ra, rb in zip(self.lo.tolist(), self.hi.tolist())]
        lo = np.array([[p[0] for p in r] for r in pairs], dtype=np.float64).reshape(self.shape)
        hi = np.array([[p[1] for p in r] for r in pairs], dtype=np.float64).reshape(self.shape)
        return lo, hi

    def __getitem__(self, ij):
        i, j = ij
        return Enclosure._from_json(self._rows[i][j])

    def __contains__(self, A):
        import numpy as np
        a = np.asarray(A)
        return a.shape == self.shape and all(
            self.lo[i, j] <= Fraction(a[i, j].item()) <= self.hi[i, j]
            for i in range(self.shape[0]) for j in range(self.shape[1]))

    def to_list(self):
        return self._rows

    def __repr__(self):
        return "EnclosureArray(shape=%s)" % (self.shape,)


def outward(enclosure):
    """(lo, hi) of Fractions (or an Enclosure) as doubles rounded outward:
    lo' <= lo, hi' >= hi."""
    lo, hi = enclosure
    a, b = float(lo), float(hi)
    if Fraction(a) > lo:
        a = math.nextafter(a, -math.inf)
    if Fraction(b) < hi:
        b = math.nextafter(b, math.inf)
    return (a, b)


def _is_enc(o):
    return isinstance(o, dict) and set(o) == {"lo", "hi"} and all(
        isinstance(v, str) for v in o.values())


class Verdict(str, enum.Enum):
    """A claim's verdict in a certificate."""
    PROVED = "proved"
    REFUTED = "refuted"
    UNDECIDED = "undecided"

    def __str__(self):
        return self.value


# ---------------------------------------------------------------- results

class _Result:
    """Attributes, to_dict() (the library's JSON object, exact strings),
    to_json(), and a repr for notebooks."""

    def to_dict(self):
        return self._data

    def to_json(self, **kw):
        return json.dumps(self.to_dict(), **kw)

    def _lines(self):
        return []

    def __repr__(self):
        return "\n".join(self._lines())

    def _repr_html_(self):
        return "<pre>%s</pre>" % html.escape(repr(self))


class EvalResult(_Result):
    """relucert eval at a point (or over a box): n, d, k, prec; loss,
    gradient_norm, hessian_min_eig (Enclosure); gradient (EnclosureArray,
    n x d), hessian (EnclosureArray, or None unless asked); differentiable;
    box_radius (Fraction, or None). Every enclosure contains the exact
    value (at every point of the box)."""

    def __init__(self, data):
        self._data = data
        self.n, self.d, self.k, self.prec = (data.get(x) for x in ("n", "d", "k", "prec"))
        self.differentiable = data.get("differentiable")
        br = data.get("box_radius")
        self.box_radius = Fraction(br) if isinstance(br, str) else None
        self.loss = self._enc("loss")
        self.gradient_norm = self._enc("gradient_norm")
        self.hessian_min_eig = self._enc("hessian_min_eig")
        g = data.get("gradient")
        self.gradient = EnclosureArray(g) if isinstance(g, list) else None
        h = data.get("hessian")
        self.hessian = EnclosureArray(h) if isinstance(h, list) else None

    def _enc(self, key):
        v = self._data.get(key)
        return Enclosure._from_json(v) if _is_enc(v) else None

    def __getitem__(self, key):     # r["loss"] as in earlier versions
        return getattr(self, key)

    def _lines(self):
        where = "over the box of radius %s around W" % self.box_radius \
            if self.box_radius is not None else "at W"
        out = ["relucert eval %s (n = %s, d = %s, k = %s, %s bits): enclosures of the exact values"
               % (where, self.n, self.d, self.k, self.prec)]
        for name, e in (("F", self.loss), ("|grad F|", self.gradient_norm),
                        ("lambda_min(H)", self.hessian_min_eig)):
            if e is not None:
                out.append("  %s in %s" % (name, format(e)))
        if self.differentiable is False:
            out.append("  F is not differentiable there (a zero neuron)")
        return out


def _verdict(v):
    try:
        return Verdict(v)
    except ValueError:
        return None


class Certificate(_Result):
    """A certificate (any kind) and what it proves. kind, success (the
    certificate's own field), verdicts ({claim: Verdict}), certificate (the
    JSON object), path (certify_minimum: the path taken and why), file (where
    it was written, or None). For a minimum: loss and lambda_min
    (Enclosure, or None), morse_index (int, or None: undecided), distance
    (Fraction: the proved Frobenius distance of the box to the input, or
    None when not proved), blocks (the symmetry's blocks, or None).
    summary: the lines the relucert command prints for it (kinds minimum,
    convexity, nonconvex, opsc-fails, pl-fails, opsc; None for others),
    derived from the certificate's verdicts alone; the repr shows them.
    check() re-verifies it."""

    _SUMMARY_KINDS = ("minimum", "convexity", "nonconvex", "opsc-fails", "pl-fails", "opsc")

    def __init__(self, cert, path=None, file=None, summary=None):
        self._data = cert
        self.certificate = cert
        self._summary = summary
        self.kind = cert.get("kind")
        self.success = bool(cert.get("success"))
        self.path = path
        self.file = file
        claims = cert.get("claims") or {}
        self.verdicts = {c: _verdict(v.get("verdict")) for c, v in claims.items()
                         if isinstance(v, dict) and "verdict" in v}
        pd = claims.get("positive_definite") or {}
        ng = claims.get("non_global") or {}
        self.loss = Enclosure._from_json(ng["loss"]) if _is_enc(ng.get("loss")) else None
        self.lambda_min = Enclosure._from_json(pd["lambda_min"]) \
            if _is_enc(pd.get("lambda_min")) else None
        mi = pd.get("morse_index")
        self.morse_index = mi if isinstance(mi, int) else None
        dc = claims.get("distance_to_candidate") or {}
        self.distance = Fraction(dc["frobenius"]) \
            if dc.get("verdict") == "proved" and isinstance(dc.get("frobenius"), str) else None
        sym = cert.get("symmetry")
        self.blocks = sym.get("blocks") if isinstance(sym, dict) else None

    @classmethod
    def read(cls, file):
        """The certificate in a file (any kind; not re-verified: check())."""
        file = os.fspath(file)
        try:
            with open(file, "r", encoding="utf-8") as f:
                return cls(json.load(f), file=file)
        except OSError as e:
            raise Error("%s: cannot open: %s" % (file, e.strerror)) from None
        except ValueError as e:
            raise Error("%s: expected a JSON certificate: %s" % (file, e)) from None

    def __getitem__(self, key):     # c["success"], c["certificate"], c["path"]
        return getattr(self, key)

    @property
    def summary(self):
        if self._summary is None and self.kind in self._SUMMARY_KINDS:
            self._summary = summary(self._data)
        return self._summary

    def proved(self, claim):
        """True when the certificate proves claim (its verdict is "proved")."""
        return self.verdicts.get(claim) is Verdict.PROVED

    def check(self):
        """Re-verifies the certificate from its contents (relucert check)."""
        return check(self._data)

    def _lines(self):
        head = "relucert certificate: %s" % self.kind
        if self.file:
            head += " (%s)" % self.file
        out = [head]
        if self.path:
            out.append("  path: %s" % self.path)
        if self.summary is not None:
            out.extend("  " + ln for ln in self.summary.splitlines())
            out.append("  success: %s" % ("true" if self.success else "false"))
            return out
        for claim, v in self.verdicts.items():
            extra = ""
            if claim == "positive_definite" and self.lambda_min is not None:
                extra = " (lambda_min in %s%s)" % (format(self.lambda_min),
                                                   ", Morse index %d" % self.morse_index
                                                   if self.morse_index is not None else "")
            elif claim == "non_global" and self.loss is not None:
                extra = " (F in %s)" % format(self.loss)
            elif claim == "distance_to_candidate" and self.distance is not None:
                extra = " (within %s of the input, Frobenius norm)" % _decimal(
                    self.distance, 6, False)
            out.append("  %s: %s%s" % (claim, v.value if v else "?", extra))
        out.append("  success: %s" % ("true" if self.success else "false"))
        return out

    def _repr_html_(self):
        lines = self._lines()
        if self.summary is not None:
            return "<p><b>%s</b></p><pre>%s</pre>" % (html.escape(lines[0]),
                                                     html.escape("\n".join(lines[1:])))
        rows = "".join("<tr><td>%s</td><td>%s</td></tr>" % (html.escape(a), html.escape(b))
                       for a, b in (ln.strip().split(": ", 1) for ln in lines[1:]))
        return "<p><b>%s</b></p><table>%s</table>" % (html.escape(lines[0]), rows)


class CheckResult(_Result):
    """relucert check: valid (bool), reason (the text after "FAILED: ", or
    None). bool(result) is valid."""

    def __init__(self, data):
        self._data = data
        self.valid = bool(data.get("valid"))
        self.reason = data.get("reason")

    def __bool__(self):
        return self.valid

    def __eq__(self, other):        # == {"valid": True} as in earlier versions
        if isinstance(other, dict):
            return self._data == other
        return isinstance(other, CheckResult) and self._data == other._data

    __hash__ = None

    def __getitem__(self, key):
        return self._data[key]

    def _lines(self):
        return ["ok" if self.valid else "FAILED: %s" % self.reason]


# ---------------------------------------------------------------- calls

def eval(W, V=None, prec=256, box_radius=None, hessian=False, progress=None):
    """Enclosures of F, grad F, |grad F| and the smallest Hessian eigenvalue
    at W (n x d; V: k x d, or None / "identity" for V = I_d), or over the box
    of radius box_radius around W (relucert eval). Returns an EvalResult."""
    req = _point({"prec": _int(prec, "prec"), "hessian": bool(hessian)}, W, V)
    if box_radius is not None:
        req["box_radius"] = exact(box_radius)
    return EvalResult(_call(_lib.rc_api_eval, json.dumps(req), progress)["result"])


def certify_minimum(W, V=None, prec=256, alpha="1/2", path="auto", arith="auto",
                    symmetrize=None, source="python", out=None, progress=None):
    """relucert certify minimum on the candidate W (V: None for the
    identity teacher). symmetrize: a tolerance (--symmetrize TOL): neurons
    whose entries agree within it, in any order, are grouped and the point
    projected onto the symmetric subspace (the certificate records it).
    source: the name the certificate records and the errors give (a file
    name makes them the command's for that file). out: also write the
    certificate there, byte for byte as the command does. Returns a
    Certificate; a claim not proved is a verdict, not an exception."""
    req = _point({"prec": _int(prec, "prec"), "alpha": exact(alpha), "path": path, "arith": arith,
                  "source": source}, W, V, name=source if source != "python" else "W")
    if symmetrize is not None:
        req["symmetrize"] = exact(symmetrize)
    if out is not None:
        req["out"] = os.fspath(out)
    a = _call(_lib.rc_api_certify_minimum, json.dumps(req), progress)
    p = a["path"]
    return Certificate(a["certificate"], path=p[len("path: "):] if p.startswith("path: ") else p,
                       file=req.get("out"))


def check(cert):
    """Re-verifies a certificate (a file name, a Certificate, or the
    certificate as a dict or JSON text): a CheckResult (valid, reason)."""
    if isinstance(cert, Certificate):
        cert = cert.certificate
    if isinstance(cert, dict):
        text = json.dumps(cert)
    elif isinstance(cert, str) and cert.lstrip().startswith("{"):
        text = cert
    else:                   # a file: the command's reasons, its "cannot open"
        a = _call(_lib.rc_api_check_file, os.fspath(cert), False)
        return CheckResult({k: v for k, v in a.items() if k != "ok"})
    a = _call(_lib.rc_api_check, text, False)
    return CheckResult({k: v for k, v in a.items() if k != "ok"})


def summary(cert):
    """The summary the relucert command prints for a certificate (a dict,
    JSON text or a Certificate) of kind minimum, convexity, nonconvex,
    opsc-fails, pl-fails or opsc: its verdicts and bounds as lines of text,
    derived from the certificate alone."""
    if isinstance(cert, Certificate):
        cert = cert.certificate
    text = cert if isinstance(cert, str) else json.dumps(cert)
    return _call(_lib.rc_api_summary, text, False)["summary"]


def version():
    """Versions of relucert and of FLINT, Arb, MPFR and GMP."""
    a = _call(_lib.rc_api_version, None, False)
    return {k: v for k, v in a.items() if k != "ok"}


# ---------------------------------------------------------------- the dataset

def dataset_path():
    """Where the published dataset is: the copy installed with the package,
    else the source tree it was built from, else the library's install
    (PREFIX/share/relucert)."""
    here = os.path.dirname(os.path.abspath(__file__))
    cands = [os.path.join(here, "data", DATASET)]
    try:
        from . import _build
        cands += [getattr(_build, "SOURCE_DATASET", ""),
                  os.path.join(getattr(_build, "PKGDATADIR", ""), DATASET)]
    except ImportError:
        pass
    cands += [os.path.join(here, "..", "..", "data", DATASET),
              "/usr/local/share/relucert/" + DATASET, "/usr/share/relucert/" + DATASET]
    for c in cands:
        if c and os.path.isfile(c):
            return os.path.normpath(c)
    raise Error("cannot find the dataset %s (looked in %s; give path=...)"
                % (DATASET, ", ".join(c for c in cands if c)))


class Record(_Result):
    """A record of the published dataset: k, index, kind ("global",
    "spurious", ...), p (block sizes), multiplicity, min_hessian_eig,
    grad_norm, norm_sum (the published floats, as strings), line (in the
    file); W, the point as a float64 array (the nearest doubles of the exact
    entries); W_exact, the exact point (rows of Fraction, rebuilt by the
    library on first use); V = I_k. rec["W"] works too."""

    def __init__(self, data, path, line):
        self._data = data
        self.path, self.line = path, line
        self.k, self.index = data["k"], data["index"]
        self.kind, self.p = data.get("kind"), data.get("p")
        self.multiplicity = data.get("multiplicity")
        self.min_hessian_eig = data.get("min_hessian_eig")
        self.grad_norm = data.get("grad_norm")
        self.norm_sum = data.get("norm_sum")
        self._W = self._exact = None

    @property
    def W(self):
        if self._W is None:
            self._W = _record_floats(self._data)
        return self._W

    @property
    def W_exact(self):
        if self._exact is None:
            a = _call(_lib.rc_api_dataset_record,
                      json.dumps({"record": json.dumps(self._data), "dataset": self.path,
                                  "line": self.line}), False)
            self._exact = [[Fraction(x) for x in row] for row in a["W"]]
        return self._exact

    @property
    def V(self):
        import numpy as np
        return np.eye(self.k)

    def __getitem__(self, key):
        return getattr(self, key)

    def _lines(self):
        return ["dataset record k = %d, index %d: %s, p = %s (%s:%d)"
                % (self.k, self.index, self.kind, self.p, self.path, self.line)]


def _record_floats(rec):
    """The record's W as nearest doubles, in the layout of proofs/model.md
    section 3 (the library's rc_point_set_dataset_record; tests/py_api.py
    compares the two on every record): W[c, r] = vals[b(r)][b(c)] for
    neurons in different blocks, vals[b][b] on the diagonal, vals[b][m]
    off the diagonal inside block b."""
    import numpy as np
    k = rec["k"]
    if isinstance(rec.get("rows"), list):
        return np.array([[float(x) for x in row] for row in rec["rows"]], dtype=np.float64)
    vals = rec.get("vals")
    if vals is None:
        return np.eye(k)
    m = len(rec["p"])
    val = np.array([[float(x) for x in row] for row in vals], dtype=np.float64)
    b = np.repeat(np.arange(m), rec["p"])
    W = val[b[None, :], b[:, None]]
    same = (b[:, None] == b[None, :]) & ~np.eye(k, dtype=bool)
    W[same] = np.broadcast_to(val[b, m][:, None], (k, k))[same]
    return W


def load_dataset(path=None, k=None, index=None):
    """The records of the published dataset (Safran, Yehudai, Shamir 2021):
    a list of Record, or one Record when both k and index are given. path:
    a JSON Lines file (default: dataset_path()). Reading all 2,235 records
    takes well under a second: W and W_exact are built when first used."""
    path = os.fspath(path) if path is not None else dataset_path()
    out = []
    try:
        f = open(path, "r", encoding="utf-8")
    except OSError as e:
        raise Error("%s: cannot open: %s" % (path, e.strerror)) from None
    with f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as e:
                raise Error("%s:%d: expected a JSON object, found invalid JSON (%s)"
                            % (path, line_no, e)) from None
            if not isinstance(rec, dict) or not isinstance(rec.get("k"), int) \
                    or not isinstance(rec.get("index"), int):
                raise Error('%s:%d: expected integer fields "k" and "index"' % (path, line_no))
            if (k is not None and rec["k"] != k) or (index is not None and rec["index"] != index):
                continue
            out.append(Record(rec, path, line_no))
    if k is not None and index is not None:
        if not out:
            raise Error("%s: expected a record with k = %d and index = %d, found none"
                        % (path, k, index))
        return out[0]
    return out


# ---------------------------------------------------------------- workflows

class DatasetRun(_Result):
    """certify_dataset's outcome: rows (one dict per record: k, index,
    kind, status (the command's word: ok, kept, FAILED, ...), certified,
    seconds, certificate), certified, failed, kept, out_dir, seconds."""

    def __init__(self, data, out_dir):
        self._data = data
        self.rows = data["rows"]
        self.certified, self.failed = data["certified"], data["failed"]
        self.kept, self.seconds = data["kept"], data["seconds"]
        self.out_dir = out_dir

    def certificate(self, k, index):
        """The Certificate of one record (read from out_dir)."""
        return Certificate.read(os.path.join(self.out_dir, "minimum-k%03d-%04d.json" % (k, index)))

    def _lines(self):
        return ["certify_dataset: %d record(s) certified, %d not (%s, %.1f s)"
                % (self.certified, self.failed, self.out_dir, self.seconds)]


def certify_dataset(path=None, out_dir="relucert-minima", k=None, k_max=None, index=None,
                    jobs=1, prec=256, alpha="1/2", method="auto", symmetrize=None,
                    max_move=None, progress=None):
    """relucert certify minimum --dataset: every selected record (k, k_max,
    index) certified into out_dir (minimum-kKKK-IIII.json), over jobs worker
    processes; existing certificates that pass the checker are kept.
    Returns a DatasetRun."""
    req = {"dataset": os.fspath(path) if path is not None else dataset_path(),
           "out_dir": os.fspath(out_dir), "jobs": _int(jobs, "jobs"), "prec": _int(prec, "prec"),
           "alpha": exact(alpha), "path": method}
    for key, v in (("k", k), ("k_max", k_max), ("index", index)):
        if v is not None:
            req[key] = _int(v, key)
    for key, v in (("symmetrize", symmetrize), ("max_move", max_move)):
        if v is not None:
            req[key] = exact(v)
    a = _call(_lib.rc_api_certify_dataset, json.dumps(req), progress)
    return DatasetRun({x: y for x, y in a.items() if x != "ok"}, req["out_dir"])


class PaperRun(_Result):
    """paper's outcome: success (every claim proved and re-verified),
    failures, certificates (the files written), dir."""

    def __init__(self, data, d):
        self._data = data
        self.success, self.failures = data["success"], data["failures"]
        self.certificates, self.dir = data["certificates"], d

    def _lines(self):
        return ["relucert paper: %d certificates in %s, %s"
                % (len(self.certificates), self.dir,
                   "every claim proved and re-verified" if self.success
                   else "%d failure(s)" % self.failures)]


def paper(dir="relucert-paper", full=False, jobs=1, dataset=None, progress=None):
    """relucert paper: a certified version of every claim of the paper into
    dir, each certificate re-verified. Returns a PaperRun."""
    req = {"dir": os.fspath(dir), "full": bool(full), "jobs": _int(jobs, "jobs"),
           "dataset": os.fspath(dataset) if dataset is not None else dataset_path()}
    a = _call(_lib.rc_api_paper, json.dumps(req), progress)
    return PaperRun({x: y for x, y in a.items() if x != "ok"}, req["dir"])


def latex(certificates, out, title=None, standalone=False, digits=6, atlas=None,
          progress=None):
    """relucert latex: the LaTeX appendix of the certificate files into out
    (each re-verified; every row from its verdicts). Returns True when
    everything given is printed as proved; the files left out are reported
    as progress errors (and on stderr)."""
    req = {"certificates": [os.fspath(c) for c in certificates], "out": os.fspath(out),
           "standalone": bool(standalone), "digits": _int(digits, "digits")}
    if title is not None:
        req["title"] = title
    if atlas is not None:
        req["atlas"] = os.fspath(atlas)
    return bool(_call(_lib.rc_api_latex, json.dumps(req), progress)["complete"])


class AtlasRun(_Result):
    """atlas's outcome, the counts of atlas-summary.json: complete (every
    family started, every point's existence proved, every published
    non-global minimum in the range found and certified), families,
    points, minima, minima_new (not in the dataset), saddles,
    saddles_by_index ([0]: index undecided, [i]: Morse index i, [7]: 7 or
    more), critical (proved critical, inertia undecided), undecided
    (existence not proved), published_minima, found, missing_families,
    no_start, seconds; out_dir. read_points() reads atlas.jsonl."""

    def __init__(self, data, out_dir):
        self._data = data
        self.out_dir = out_dir
        for key, v in data.items():
            setattr(self, key, v)

    def read_points(self):
        """The lines of atlas.jsonl (dicts), one per point."""
        with open(os.path.join(self.out_dir, "atlas.jsonl"), "r", encoding="utf-8") as f:
            return [json.loads(x) for x in f if x.strip()]

    def _lines(self):
        return ["relucert atlas (%s): %d families, %d points: %d minima (%d not in the dataset), "
                "%d saddles, %d proved critical with the inertia undecided, %d with existence "
                "not proved; published non-global minima found and certified: %d of %d"
                % (self.out_dir, self.families, self.points, self.minima, self.minima_new,
                   self.saddles, self.critical, self.undecided, self.found,
                   self.published_minima)]


def atlas(out_dir="relucert-atlas", k_min=6, k_max=200, k_max_three=100, a=None, jobs=1,
          prec=128, alpha="1/2", dataset=None, progress=None):
    """relucert atlas: the block-structured critical points of the
    two-block families p = (a, k - a), k_min <= k <= k_max (0: none), and
    of the three-block families p = (a, 1, k - a - 1), k <= k_max_three (0:
    none), that continuation in k reaches from the dataset's records, each
    certified on the reduced path, into out_dir (resumable). a: one family
    or a range (lo, hi). Returns an AtlasRun."""
    req = {"dataset": os.fspath(dataset) if dataset is not None else dataset_path(),
           "out_dir": os.fspath(out_dir), "k_min": _int(k_min, "k_min"), "k_max": _int(k_max, "k_max"),
           "k_max_three": _int(k_max_three, "k_max_three"), "jobs": _int(jobs, "jobs"), "prec": _int(prec, "prec"),
           "alpha": exact(alpha)}
    if a is not None:
        lo, hi = (a, a) if isinstance(a, int) else a
        req["a_lo"], req["a_hi"] = _int(lo, "a"), _int(hi, "a")
    r = _call(_lib.rc_api_atlas, json.dumps(req), progress)
    return AtlasRun({x: y for x, y in r.items() if x != "ok"}, req["out_dir"])


# ---------------------------------------------------------------- landscape

def _list(x, name):
    if x is None:
        return None
    if isinstance(x, (str, int, float, Fraction)):
        x = [x]
    return [exact(v) for v in x]


def _landscape(req, out, progress):
    if out is not None:
        req["out"] = os.fspath(out)
    a = _call(_lib.rc_api_certify_landscape, json.dumps(req), progress)
    c = Certificate(a["certificate"], file=req.get("out"), summary=a["summary"])
    # what was asked is proved (the command's exit status 0): an opsc
    # certificate has no "success", and nonconvex with n = k gives the
    # convexity certificate, whose own success is not the claim asked
    c.success = bool(a["success"])
    return c


def certify_convexity(k=None, V=None, mu=None, norm="euclid", boxes=256, prec=128, out=None,
                      progress=None):
    """relucert certify convexity: lambda_min(H) >= mu (default
    0.045422528454052333) on a neighbourhood of the global minimum W = V
    (V = I_k, or the teacher V: any array-like), with the largest dyadic
    radius found (norm: "euclid", "neuron" or "box"). Returns a Certificate
    (claim strongly_convex; its summary is the command's text). For every
    certify_* landscape call, success says what the command's exit status
    0 says: everything asked was proved; refuted or undecided is a
    verdict, not an exception; bad parameters raise Error with the
    command's message."""
    req = {"kind": "convexity", "norm": norm, "boxes": _int(boxes, "boxes"), "prec": _int(prec, "prec")}
    if k is not None:
        req["k"] = _int(k, "k")
    if V is not None:
        req["V"] = _matrix(V, "V")
    if mu is not None:
        req["mu"] = exact(mu)
    return _landscape(req, out, progress)


def certify_nonconvex(k, n, d=None, alpha=None, eps=None, out=None, progress=None):
    """relucert certify nonconvex (Thm 4): for k < n <= 2k, a certified
    negative Hessian eigenvalue at each eps (default 1e-1, ..., 1e-30) next
    to the global minimum. With n = k the claim is refuted: the certificate
    is the convexity one and success is False. Returns a Certificate."""
    req = {"kind": "nonconvex", "k": _int(k, "k"), "n": _int(n, "n")}
    if d is not None:
        req["d"] = _int(d, "d")
    for key, v in (("alpha", alpha), ("eps", eps)):
        if v is not None:
            req[key] = _list(v, key)
    return _landscape(req, out, progress)


def certify_fails(kind, k, d=None, alpha=None, eps=None, lam=None, out=None, progress=None):
    """relucert certify opsc-fails (kind "opsc-fails", Thm 7) or pl-fails
    ("pl-fails", Thm 9), n = k + 1: for each lambda (lam, default 1e-1, ...,
    1e-12) a point within each eps (default 1e-1, ..., 1e-14) of the minimum
    where the ratio is certified below lambda. Returns a Certificate."""
    if kind not in ("opsc-fails", "pl-fails"):
        raise Error("kind: expected opsc-fails or pl-fails")
    req = {"kind": kind, "k": _int(k, "k")}
    if d is not None:
        req["d"] = _int(d, "d")
    for key, v in (("alpha", alpha), ("eps", eps), ("lambda", lam)):
        if v is not None:
            req[key] = _list(v, key)
    return _landscape(req, out, progress)


def certify_opsc(k, m, samples, seed, adversarial=False, sigma2="1e-5", radius=1, lam="1/100",
                 arith="binary64", prec=128, jobs=1, out=None, progress=None):
    """relucert certify opsc: samples seeded directions U around the global
    minimum of the student with n = m k neurons (V = I_k): Gaussian (OPSC
    and Conjecture 12 proved on the segment s in [0, radius]) or
    adversarial (OPSC with constant lam refuted near 0, Conjecture 12
    proved on (0, radius]). Returns a Certificate (its summary counts the
    directions; success: every direction settled)."""
    req = {"kind": "opsc", "k": _int(k, "k"), "m": _int(m, "m"),
           "samples": _int(samples, "samples"), "seed": _int(seed, "seed"),
           "adversarial": bool(adversarial), "sigma2": exact(sigma2), "radius": exact(radius),
           "lambda": exact(lam), "arith": arith, "prec": _int(prec, "prec"), "jobs": _int(jobs, "jobs")}
    return _landscape(req, out, progress)


# ---------------------------------------------------------------- search, overparam

class SearchResult(_Result):
    """search's outcome (NOT a proof: candidates for certify_minimum): k,
    n, runs and the counts global_runs, global_points, spurious_runs,
    spurious_points, saddle_runs, zero_loss_runs, unconverged_runs, lost;
    records (dicts in the dataset's format, global minima first, then by
    F); summary (the line the command prints, also the repr)."""

    def __init__(self, data):
        self._data = data
        for key, v in data.items():
            setattr(self, key, v)

    def _lines(self):
        return self.summary.splitlines()


def search(k=None, n=None, runs=None, seed=None, method="auto", V=None, max_iter=None, jobs=1,
           progress=None):
    """relucert search: runs local searches in double from seeded random
    starts (teacher I_k, or V: any array-like), n student neurons (default
    k); method "auto" (gradient descent when n = k, else L-BFGS), "gd" or
    "lbfgs". runs and seed are required, as for the command. The records do
    not depend on jobs. Returns a SearchResult."""
    req = {"method": method, "jobs": _int(jobs, "jobs")}
    for key, v in (("runs", runs), ("seed", seed)):
        if v is not None:
            req[key] = _int(v, key)
    if k is not None:
        req["k"] = _int(k, "k")
    if n is not None:
        req["n"] = _int(n, "n")
    if V is not None:
        req["V"] = _matrix(V, "V")
    if max_iter is not None:
        req["max_iter"] = _int(max_iter, "max_iter")
    a = _call(_lib.rc_api_search, json.dumps(req), progress)
    return SearchResult({x: y for x, y in a.items() if x != "ok"})


class OverparamRow:
    """One case of overparam: k, s, runs, zero_loss_runs, spurious_runs,
    spurious_points (distinct non-global minima found), saddle_runs,
    unconverged_runs, certified, not_certified, seconds."""

    def __init__(self, data):
        self._data = data
        for key, v in data.items():
            setattr(self, key, v)

    def to_dict(self):
        return self._data

    def __repr__(self):
        return ("OverparamRow(k=%d, s=%d: %d non-global minima, %d certified, %d not)"
                % (self.k, self.s, self.spurious_points, self.certified, self.not_certified))


class OverparamRun(_Result):
    """overparam's outcome: complete (every minimum found certified), rows
    (OverparamRow, one per case, ordered by s then k), out_dir."""

    def __init__(self, data, out_dir):
        self._data = data
        self.complete = data["complete"]
        self.rows = [OverparamRow(r) for r in data["rows"]]
        self.out_dir = out_dir

    def _lines(self):
        return ["relucert overparam (%s): %d cases, %d non-global minima, %d certified%s"
                % (self.out_dir, len(self.rows), sum(r.spurious_points for r in self.rows),
                   sum(r.certified for r in self.rows),
                   "" if self.complete else " (some not)")] + [repr(r) for r in self.rows]


def overparam(k_min=6, k_max=20, s=1, runs=30, seed=1, jobs=1, prec=256,
              out_dir="relucert-overparam", progress=None):
    """relucert overparam: for every k in k_min..k_max and s (an int or a
    list), a search with n = k + s neurons and the certification of every
    non-global minimum found, into out_dir (resumable). Returns an
    OverparamRun."""
    req = {"k_min": _int(k_min, "k_min"), "k_max": _int(k_max, "k_max"),
           "s": [_int(x, "s") for x in s] if isinstance(s, (list, tuple)) else _int(s, "s"),
           "runs": _int(runs, "runs"), "seed": _int(seed, "seed"), "jobs": _int(jobs, "jobs"),
           "prec": _int(prec, "prec"), "out_dir": os.fspath(out_dir)}
    a = _call(_lib.rc_api_overparam, json.dumps(req), progress)
    return OverparamRun({x: y for x, y in a.items() if x != "ok"}, req["out_dir"])


class CensusRow:
    """The census of one k: k, boxes, depth, points, minima, saddles,
    critical (inertia undecided), unresolved (boxes where nothing is
    claimed), unresolved_volume (their share of the region's volume, a
    decimal string rounded up, as the certificate states it), complete (no
    unresolved box), checked (its certificate passed the check),
    search_seconds, check_seconds, and error when it failed."""

    def __init__(self, data):
        self._data = data
        for key, v in data.items():
            setattr(self, key, v)
        self.complete = data.get("complete", False)
        self.checked = data.get("checked", False)

    def to_dict(self):
        return self._data

    def __repr__(self):
        name = "k=%d" % self.k + (", a=%d" % self._data["a"] if "a" in self._data else "")
        if "error" in self._data:
            return "CensusRow(%s: %s)" % (name, self.error)
        return ("CensusRow(%s: %d points (%d minima, %d saddles, %d undecided), "
                "%d boxes, %d unresolved (share %s of the region), %s)"
                % (name, self.points, self.minima, self.saddles, self.critical, self.boxes,
                   self.unresolved, self._data.get("unresolved_volume", "?"),
                   "complete and checked" if self.complete and self.checked
                   else "NOT complete" if not self.complete else "NOT checked"))


class CensusRun(_Result):
    """census's outcome: complete (every k's census complete, no unresolved
    box, and its certificate re-checked), the totals (ks, complete_ks,
    checked, resumed, boxes, points, minima, saddles, critical, unresolved,
    unresolved_volume_max, seconds), rows (CensusRow, one per k), out_dir; certificate(k) reads a
    k's certificate back (a Certificate; check() re-verifies it)."""

    def __init__(self, data, out_dir):
        self._data = data
        for key, v in data.items():
            if key != "rows":
                setattr(self, key, v)
        self.rows = [CensusRow(r) for r in data["rows"]]
        self.out_dir = out_dir

    def certificate(self, k, a=None):
        """The certificate of k (one block) or of (k, a) (two blocks)."""
        name = "census-k%04d.json" % _int(k, "k") if a is None else \
            "census-k%04d-a%04d.json" % (_int(k, "k"), _int(a, "a"))
        return Certificate.read(os.path.join(self.out_dir, name))

    def _lines(self):
        return ["relucert census (%s): %d k, %d complete and checked, %d points "
                "(%d minima, %d saddles, %d undecided), %d unresolved boxes%s"
                % (self.out_dir, self.ks, min(self.complete_ks, self.checked), self.points,
                   self.minima, self.saddles, self.critical, self.unresolved,
                   "" if self.complete else " (NOT complete)")] + [repr(r) for r in self.rows]


def census(k_min, k_max=None, pattern="one-block", a=None, max_nodes=None, zero_depth=None,
           prec=128, max_depth=80, jobs=1, check=True, resume=True, shard=None,
           out_dir="relucert-census", progress=None):
    """relucert census: for every k in k_min..k_max (default k_min), the
    certified census of the critical points of the pattern ("one-block", or
    "two-block": every a <= k/2, or only a) for teacher I_k, n = d = k, with
    nonzero neurons in the region of lemma L16, one certificate per work
    item in out_dir (resumable). max_nodes and zero_depth are the two-block
    budgets (--max-nodes, --zero-depth). shard=(i, n) runs only the items at
    0-based positions i, i + n, .... Returns a CensusRun; its complete is
    True only when every census has no unresolved box and its certificate
    passed the check."""
    req = {"k_min": _int(k_min, "k_min"),
           "k_max": _int(k_min if k_max is None else k_max, "k_max"),
           "pattern": str(pattern), "prec": _int(prec, "prec"),
           "max_depth": _int(max_depth, "max_depth"), "jobs": _int(jobs, "jobs"),
           "check": bool(check), "resume": bool(resume), "out_dir": os.fspath(out_dir)}
    for key, v in (("a", a), ("max_nodes", max_nodes), ("zero_depth", zero_depth)):
        if v is not None:
            req[key] = _int(v, key)
    if shard is not None:
        req["shard_i"], req["shard_n"] = _int(shard[0], "shard[0]"), _int(shard[1], "shard[1]")
    ans = _call(_lib.rc_api_census, json.dumps(req), progress)
    return CensusRun({x: y for x, y in ans.items() if x != "ok"}, req["out_dir"])
