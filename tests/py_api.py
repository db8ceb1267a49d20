"""Contracts of the Python package (python/relucert), run by tests/py_api.sh
with the package installed into a virtual environment, against the library
just built. argv: TOP_SRCDIR, the relucert command. Exits nonzero if any
check fails."""
import io
import json
import os
import subprocess
import sys
import time
from fractions import Fraction

import numpy as np
import relucert
from relucert import Enclosure, Verdict

top, cmd = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(what, cond):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def raises(what, fn, text):
    try:
        fn()
    except relucert.Error as e:
        check(what + " (message: %s)" % e, text in str(e) and "\n" not in str(e)
              and isinstance(e, ValueError))
        return str(e)
    except Exception as e:
        check(what + ": raised %s: %s, not relucert.Error" % (type(e).__name__, e), False)
        return None
    check(what + ": no exception", False)


def cli_error(*args):
    """The command's one-line message (without "relucert: ") and status."""
    p = subprocess.run([cmd] + list(args), capture_output=True, text=True)
    return p.stderr.strip().replace("relucert: ", "", 1), p.returncode


# installed, not the source tree
check("the package is the installed one (%s)" % relucert.__file__,
      os.path.realpath(top) not in os.path.realpath(relucert.__file__))

# exact numbers: a float goes over as its ratio; 0.1 is not 1/10
check("exact(0.1) is the double's ratio", relucert.exact(0.1) == "3602879701896397/36028797018963968")
check("exact('1/10') unchanged", relucert.exact("1/10") == "1/10")
check("exact(Fraction(1, 3))", relucert.exact(Fraction(1, 3)) == "1/3")
check("exact(np.int64(5))", relucert.exact(np.int64(5)) == "5")

# Enclosure: exact ends, containment, outward doubles, digits rounded outward
e = Enclosure(Fraction(1, 3), Fraction(1, 2))
check("Enclosure mid, rad", e.mid == Fraction(5, 12) and e.rad == Fraction(1, 12))
check("containment", 0.4 in e and Fraction(1, 3) in e and 0.3 not in e and 1 not in e)
check("containment of an enclosure", Enclosure("0.35", "0.4") in e)
a, b = e.outward()
check("outward doubles enclose", Fraction(a) <= e.lo and Fraction(b) >= e.hi)
check("printed digits rounded outward", format(e) == "[0.333333, 0.5]"
      and format(Enclosure(Fraction(2, 3), 1)) == "[0.666666, 1]")
lo, hi = e
check("unpacks as lo, hi", (lo, hi) == (e.lo, e.hi))

# eval at W = V = I_3: F = 0 exactly, inside the enclosure; float32 = float64 = list = int
r = relucert.eval(np.eye(3))
check("F(I) = 0 enclosed", 0 in r.loss and isinstance(r.loss.lo, Fraction))
check("gradient: a 3 x 3 EnclosureArray", r.gradient.shape == (3, 3)
      and isinstance(r.gradient[0, 1], Enclosure) and np.zeros((3, 3)) in r.gradient)
glo, ghi = r.gradient.outward()
check("gradient outward: float64 arrays", glo.dtype == np.float64 and (glo <= ghi).all())
check("lambda_min(I_3) = 1/4 - 1/(2 pi)", r.hessian_min_eig.rad < Fraction(1, 10 ** 60)
      and abs(float(r.hessian_min_eig.mid) - (0.25 - 1 / (2 * np.pi))) < 1e-16)
d = r.to_dict()
check("to_dict is the command's JSON", d["loss"] == r.loss.to_dict() and json.loads(r.to_json()) == d)
for what, A in (("float32", np.eye(3, dtype=np.float32)), ("a list", [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
                ("int64", np.eye(3, dtype=np.int64)), ("uint8", np.eye(3, dtype=np.uint8)),
                ("Fractions", [[Fraction(int(i == j)) for j in range(3)] for i in range(3)]),
                ("strings", [["1" if i == j else "0" for j in range(3)] for i in range(3)])):
    check("eval(%s) = eval(float64)" % what, relucert.eval(A).to_dict() == d)


class Tensor:
    """Only __array__, as a torch tensor offers."""

    def __init__(self, a):
        self.a = a

    def __array__(self, dtype=None, copy=None):
        return self.a if dtype is None else self.a.astype(dtype)


check("eval(an object with __array__)", relucert.eval(Tensor(np.eye(3))).to_dict() == d)
check("an int array is read exactly (2^53 - 1)",
      relucert.eval(np.array([[2 ** 53 - 1]], dtype=np.int64)).d == 1)

# eval with a general teacher (d = 4 > k = 2); a box widens
rng = np.random.default_rng(1)
W = rng.normal(size=(3, 4))
V = rng.normal(size=(2, 4))
api = relucert.eval(W, V)
check("general teacher", api.gradient.shape == (3, 4) and api.k == 2)
check("F enclosed tightly", 0 < api.loss.hi - api.loss.lo < Fraction(1, 10 ** 60))
rb = relucert.eval(W, V, box_radius="1/1000")
check("a box widens the enclosure", api.loss in rb.loss and rb.box_radius == Fraction(1, 1000))

# certify: verdicts as an enum, the words are the certificate's
c = relucert.certify_minimum(np.eye(3), source="I3")
check("W = V = I_3: success", c.success and c.certificate["source"] == "I3")
check("I_3 is the global minimum: non_global refuted", c.verdicts["non_global"] is Verdict.REFUTED)
for claim, v in c.verdicts.items():
    check("verdict of %s is the certificate's" % claim,
          v.value == c.certificate["claims"][claim]["verdict"])
# the display is the command's summary, derived from the certificate alone
text = repr(c)
cli = subprocess.run([cmd, "certify", "minimum", os.path.join(top, "examples", "identity-k3.txt"),
                      "--out", "i3.json"], capture_output=True, text=True)
lines = cli.stdout.splitlines()
check("summary = the command's lines for the same point",
      c.summary.splitlines() == lines[1:-1] and lines[-1] == "certificate: i3.json")
check("repr shows the summary", all("  " + ln in text.splitlines() for ln in c.summary.splitlines()))
check("relucert.summary(dict) = Certificate.summary", relucert.summary(c.certificate) == c.summary)
for claim, word in (("critical_point", "critical point ("), ("strict_minimum", "strict minimum: "),
                    ("non_global", "non-global: "), ("saddle_after_split", "saddle after adding")):
    line = [x for x in c.summary.splitlines() if x.startswith(word)]
    check("summary line of %s carries its verdict %s" % (claim, c.verdicts[claim].value),
          len(line) == 1 and (": %s" % c.verdicts[claim].value) in line[0])
flip = json.loads(c.to_json())
flip["claims"]["non_global"]["verdict"] = "undecided"
flip["claims"]["strict_minimum"]["verdict"] = "undecided"
fs = relucert.summary(flip)
check("the words follow the certificate's verdicts",
      "non-global: undecided (" in fs and "strict minimum: undecided (" in fs
      and "strict minimum: proved" not in fs)
raises("summary of another kind", lambda: relucert.summary({"kind": "atlas"}), "kind: expected a certificate")
check("_repr_html_", "<pre>" in c._repr_html_() and "strict minimum: proved" in c._repr_html_())
check("check(Certificate)", relucert.check(c).valid and relucert.check(c) == {"valid": True})
bad = json.loads(c.to_json())
bad["success"] = not bad["success"]
v = relucert.check(bad)
check("check rejects a flipped success", not v and "success" in v.reason)
check("check rejects broken JSON", not relucert.check('{"format": '))
check("check(path) of a published certificate",
      relucert.check(top + "/proofs/default/convexity-k3.json").valid)

# the dataset: all records fast, from the installed package; W = the library's exact point
t = time.perf_counter()
recs = relucert.load_dataset()
secs = time.perf_counter() - t
print("py_api.py: load_dataset(): %d records in %.3f s (%s)" % (len(recs), secs, relucert.dataset_path()))
check("2,235 records", len(recs) == 2235)
check("load_dataset() in at most 2 s (%.3f s)" % secs, secs <= 2)
check("the dataset comes with the installed package",
      os.path.dirname(relucert.__file__) in relucert.dataset_path())
sample = [x for x in recs if x.k <= 20] + [x for x in recs if x.index == 1]
check("W is the nearest doubles of the library's exact record (%d records)" % len(sample),
      all(float(x.W_exact[i][j]) == x.W[i, j] for x in sample for i in range(x.k) for j in range(x.k)))
rec = relucert.load_dataset(k=7, index=1)
check("record attributes", rec.kind == "spurious" and rec.p == [1, 6] and rec.W.shape == (7, 7))
c = relucert.certify_minimum(rec.W_exact, source="x")
check("the exact record certified on the reduced path", c.success and "reduced" in c.path
      and not c.path.startswith("path:"))
check("its verdicts", c.proved("strict_minimum") and c.proved("non_global") and c.morse_index == 0)
check("the distance to the input is proved (0 for the exact record)",
      c.distance is not None and c.distance >= 0)

# symmetrize: the record with its neurons shuffled and 1e-12 noise goes to the reduced path
P = rng.permutation(7)
Wp = rec.W[P][:, P] + 1e-12 * rng.standard_normal((7, 7))
c = relucert.certify_minimum(Wp, symmetrize="1e-9")
check("symmetrize: shuffled + noise -> reduced (%s)" % c.path, c.success and "reduced" in c.path
      and c.blocks is not None and sorted(c.blocks) == [1, 6])
check("without symmetrize: dense", "dense" in relucert.certify_minimum(Wp, progress=False).path)

# errors: the command's text for the same bad input (the array saved as W.npy)
os.makedirs("errs", exist_ok=True)
cases = []
Z = np.eye(4)
Z[2, 3] = np.nan
cases.append(("NaN", Z))
Z = np.eye(4)
Z[1] = 0.0
cases.append(("a zero neuron", Z))
cases.append(("infinity", np.array([[1.0, np.inf], [0.0, 1.0]])))
cases.append(("a 1-d array", np.ones(3)))
cases.append(("a 3-d array", np.zeros((2, 2, 2))))
cases.append(("bool dtype", np.eye(3, dtype=bool)))
cases.append(("complex dtype", np.eye(3, dtype=complex)))
for what, Z in cases:
    name = os.path.join("errs", "W.npy")
    np.save(name, Z)
    want, st = cli_error("certify", "minimum", name, "--teacher", "identity")
    got = raises(what, lambda: relucert.certify_minimum(Z, source=name), "expected")
    check("%s: the command exits 2" % what, st == 2)
    check("%s: Python's error = the command's\n  %s\n  %s" % (what, got, want), got == want)
raises("NaN (default name W)", lambda: relucert.eval([[1.0, float("nan")]]),
       "W: row 0, column 1: expected a finite number, found nan")
raises("ragged list", lambda: relucert.eval([[1.0, 2.0], [3.0]]), "W: expected an array")
raises("V of the wrong width", lambda: relucert.eval(np.eye(3), np.eye(2)), "V")
raises("zero neuron with the Hessian", lambda: relucert.eval(np.zeros((2, 2)), hessian=True),
       "expected a nonzero student neuron for --hessian")
# n != k is certified (issue 24): two parallel neurons never make a strict minimum
c_nk = relucert.certify_minimum(np.ones((2, 3)), np.eye(3))
check("n != k: certified on the dense path, not a strict minimum",
      c_nk.verdicts["strict_minimum"] != relucert.Verdict.PROVED)
raises("bad path", lambda: relucert.certify_minimum(np.eye(2), path="sideways"), "path: expected")
raises("too much precision", lambda: relucert.eval(np.eye(2), prec=1 << 20), "prec")
raises("unknown record", lambda: relucert.load_dataset(k=7, index=999), "found none")
raises("prec not an integer", lambda: relucert.eval(np.eye(2), prec="many"), "prec: expected an integer")
want, st = cli_error("check", "no-such-cert.json")
got = raises("check of a missing file", lambda: relucert.check("no-such-cert.json"), "cannot open")
check("check of a missing file: the command's text (%s)" % want, got == want and st == 2)
with open("broken.json", "w") as f:
    f.write('{"format":\n')
v = relucert.check("broken.json")
p = subprocess.run([cmd, "check", "broken.json"], capture_output=True, text=True)
check("check of broken JSON: the command's reason (%s)" % v.reason,
      not v and p.stdout.strip() == "broken.json: FAILED: " + v.reason)
raises("unreadable dataset", lambda: relucert.load_dataset("no-such-file.jsonl"), "cannot open")

# workflows: certify_dataset with progress (a callable, then plain lines without tqdm,
# then a tqdm bar)
events = []
run = relucert.certify_dataset(out_dir="minima", k_max=7, progress=events.append)
check("certify_dataset: 3 records certified", run.certified == 3 and run.failed == 0
      and [(x["k"], x["index"]) for x in run.rows] == [(6, 0), (7, 0), (7, 1)])
check("progress: begin, a step per record, end",
      [x.kind for x in events] == ["begin", "step", "step", "step", "end"]
      and events[0].phase == "certify" and events[-1].done == 3)
check("the certificates pass the checker", all(
      relucert.check(os.path.join("minima", x["certificate"])).valid for x in run.rows))
check("run.certificate(k, index)", run.certificate(7, 1).proved("strict_minimum"))
code = ("import sys, relucert\nsys.modules['tqdm'] = None\n"
        "relucert.certify_dataset(out_dir='minima2', k_max=7)\n")
p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
check("without tqdm: plain progress lines on a pipe (%r)" % p.stderr,
      p.returncode == 0 and "certify: 3 records" in p.stderr and "certify: 3/3 records" in p.stderr)
fake = ("import sys, types\nlog = []\n"
        "class tqdm:\n"
        "    def __init__(self, total=None, desc=None, **kw): log.append(('open', desc, total)); self.n = 0\n"
        "    def refresh(self): log.append(('at', self.n))\n"
        "    def close(self): log.append(('close', self.n))\n"
        "    @staticmethod\n"
        "    def write(s): log.append(('write', s))\n"
        "m = types.ModuleType('tqdm.auto'); m.tqdm = tqdm\n"
        "sys.modules['tqdm'] = types.ModuleType('tqdm'); sys.modules['tqdm.auto'] = m\n"
        "import relucert\nrelucert.certify_dataset(out_dir='minima3', k_max=7)\nprint(log)\n")
p = subprocess.run([sys.executable, "-c", fake], capture_output=True, text=True)
check("with tqdm: one bar, moved per record, closed (%r %r)" % (p.stdout, p.stderr),
      p.returncode == 0 and "('open', 'certify', 3)" in p.stdout and "('close', 3)" in p.stdout
      and p.stderr == "")
check("progress=False: silent", subprocess.run(
    [sys.executable, "-c", "import relucert; relucert.certify_dataset(out_dir='minima4', "
     "k_max=6, progress=False)"], capture_output=True, text=True).stderr == "")

# latex of the certificates just written
ok = relucert.latex([os.path.join("minima", x["certificate"]) for x in run.rows], "minima.tex",
                    progress=False)
check("latex: complete, a .tex file", ok and "\\begin{" in open("minima.tex").read())

# atlas: the command's bytes, its counts
at = relucert.atlas(out_dir="atlas", k_max=9, k_max_three=0, progress=False)
subprocess.run([cmd, "atlas", "--dataset", relucert.dataset_path(), "--k-max", "9", "--families",
                "two", "--out-dir", "atlas-cli"], capture_output=True)
check("atlas: complete, 29 points (%s)" % at, at.complete and at.points == 29
      and len(at.read_points()) == 29)
import glob
certs = [relucert.Certificate.read(f) for f in sorted(glob.glob("atlas/certs/**/*.json", recursive=True))]
saddles = [x for x in certs if x.verdicts.get("strict_minimum") is Verdict.REFUTED]
check("atlas certificates: %d, %d saddles" % (len(certs), len(saddles)), len(certs) == 29 and saddles)
check("every certificate printed with its own verdicts", all(
      "  strict minimum: %s (" % x.verdicts["strict_minimum"].value in repr(x)
      and "  non-global: %s (" % x.verdicts["non_global"].value in repr(x) for x in certs))
check("a saddle: lambda_min < 0 and its Morse index printed, no 'strict minimum: proved'",
      all("strict minimum: proved" not in repr(x) and x.lambda_min.hi < 0 and x.morse_index > 0
          and ("Morse index %d" % x.morse_index) in repr(x) for x in saddles))
raises("Certificate.read of a missing file", lambda: relucert.Certificate.read("nope.json"),
       "nope.json: cannot open")
check("atlas.jsonl = the command's, byte for byte",
      open("atlas/atlas.jsonl", "rb").read() == open("atlas-cli/atlas.jsonl", "rb").read())

# the landscape kinds: the command's certificate bytes and summary words


def cli_run(*args):
    return subprocess.run([cmd] + list(args), capture_output=True, text=True)


def same_as_cli(what, cert, file, args):
    r = cli_run(*(list(args) + ["--out", file + ".cli"]))
    check(what + ": the command's bytes", open(file, "rb").read() == open(file + ".cli", "rb").read())
    check(what + ": the command's summary",
          cert.summary + "certificate: %s.cli\n" % file == r.stdout)
    check(what + ": success is the command's exit status 0", cert.success == (r.returncode == 0))


cv = relucert.certify_convexity(k=2, norm="box", boxes=16, out="cv.json", progress=False)
same_as_cli("convexity", cv, "cv.json", ["certify", "convexity", "--k", "2", "--norm", "box", "--boxes", "16"])
check("convexity: proved, and shown", cv.success and cv.proved("strongly_convex")
      and "strongly convex: proved" in repr(cv))
check("convexity: V as an array = k", relucert.certify_convexity(
      V=np.eye(2), norm="box", boxes=16, progress=False).certificate == cv.certificate)
cm = relucert.certify_convexity(k=3, mu="0.091", out="cm.json", progress=False)
same_as_cli("convexity mu too large", cm, "cm.json", ["certify", "convexity", "--k", "3", "--mu", "0.091"])
check("convexity mu too large: refuted, not success", not cm.success
      and cm.verdicts["strongly_convex"] is Verdict.REFUTED and "refuted at W = V itself" in cm.summary)
raises("convexity without k", lambda: relucert.certify_convexity(),
       "certify convexity: expected --k K or --teacher FILE")
raises("convexity norm", lambda: relucert.certify_convexity(k=2, norm="max"), "norm: expected")
nc = relucert.certify_nonconvex(2, 3, eps=["0.1", "1e-3"], alpha=["1/3", "2/3"], out="nc.json",
                                progress=False)
same_as_cli("nonconvex", nc, "nc.json", ["certify", "nonconvex", "--k", "2", "--n", "3", "--eps",
                                         "0.1,1e-3", "--alpha", "1/3,2/3"])
check("nonconvex: both eps proved", nc.success and nc.summary.count(" proved\n") == 2)
nk = relucert.certify_nonconvex(2, 2, out="nk.json", progress=False)
same_as_cli("nonconvex n = k", nk, "nk.json", ["certify", "nonconvex", "--k", "2", "--n", "2"])
check("nonconvex n = k: refuted, not success, the convexity certificate", not nk.success
      and nk.kind == "convexity" and "non-convexity near the minimum (n = k): refuted" in nk.summary)
raises("nonconvex n > 2k", lambda: relucert.certify_nonconvex(2, 5), "expected k <= n <= 2k")
raises("nonconvex eps", lambda: relucert.certify_nonconvex(2, 3, eps=["0.1", "abc"]), "--eps: ")
of = relucert.certify_fails("opsc-fails", 3, eps=["1e-2", "1e-4"], lam=["1e-1", "1e-3"], out="of.json",
                            progress=False)
same_as_cli("opsc-fails", of, "of.json", ["certify", "opsc-fails", "--k", "3", "--eps", "1e-2,1e-4",
                                          "--lambda", "1e-1,1e-3"])
pf = relucert.certify_fails("pl-fails", 2, eps="0.1", lam="1e-30", out="pf.json", progress=False)
same_as_cli("pl-fails below the grid", pf, "pf.json", ["certify", "pl-fails", "--k", "2", "--eps", "0.1",
                                                       "--lambda", "1e-30"])
check("pl-fails below the grid: undecided, not success", not pf.success and pf.summary.endswith("undecided\n"))
raises("opsc-fails k = 1", lambda: relucert.certify_fails("opsc-fails", 1), "K >= 2")
op = relucert.certify_opsc(3, 2, 3, 1, arith="arb", out="op.json", progress=False)
same_as_cli("opsc", op, "op.json", ["certify", "opsc", "--k", "3", "--m", "2", "--samples", "3", "--seed", "1",
                                    "--arith", "arb"])
oa = relucert.certify_opsc(3, 2, 2, 1, adversarial=True, lam="1e-30", progress=False)
check("opsc adversarial, lambda 1e-30: not refuted near 0, not success",
      not oa.success and "refuted near s = 0: 0 of 2" in oa.summary)
raises("opsc adversarial with m = 1", lambda: relucert.certify_opsc(3, 1, 2, 1, adversarial=True),
       "--adversarial needs --m M with M >= 2")
raises("opsc sigma2", lambda: relucert.certify_opsc(3, 2, 2, 1, sigma2=-1),
       "--sigma2: expected a positive number")

# search: the command's records and counts; overparam: rows as objects
sr = relucert.search(k=7, runs=8, seed=1, jobs=2, progress=False)
r = cli_run("search", "--k", "7", "--runs", "8", "--seed", "1")
check("search: the command's records", sr.records == [json.loads(x) for x in r.stdout.splitlines()])
check("search: counts (%s)" % sr, sr.runs == 8 and sr.global_runs + sr.spurious_runs + sr.saddle_runs
      + sr.unconverged_runs + sr.lost == 8 and sr.summary == r.stderr)
s5 = relucert.search(k=4, n=5, runs=4, seed=1, method="lbfgs", progress=False)
check("search n = k + 1: zero-loss runs counted, not written", s5.n == 5 and s5.zero_loss_runs == 4
      and s5.records == [])
r5 = cli_run("search", "--k", "4", "--n", "5", "--runs", "4", "--seed", "1", "--method", "lbfgs")
check("search n = k + 1: the command's words", s5.summary == r5.stderr and repr(s5) == r5.stderr.rstrip("\n"))
raises("search without seed", lambda: relucert.search(k=3, runs=2),
       "search: expected --k K (or --teacher FILE), --runs R and --seed S")
raises("search method", lambda: relucert.search(k=3, runs=2, seed=1, method="newton"),
       "method: expected auto, gd or lbfgs")
ov = relucert.overparam(k_min=6, k_max=6, runs=10, out_dir="op6", progress=False)
row = ov.rows[0]
check("overparam: one row, an object (%r)" % row, ov.complete and len(ov.rows) == 1 and row.k == 6
      and row.s == 1 and row.runs == 10 and row.zero_loss_runs == 10 and row.not_certified == 0)
check("overparam: the case's counts on disk",
      json.load(open("op6/k006-s1/case.json"))["runs"] == 10)
raises("overparam k_min > k_max", lambda: relucert.overparam(k_min=7, k_max=6, out_dir="op7"),
       "overparam: expected 1 <= k_min <= k_max")

# census: rows as objects, the certificate read back and re-checked
cs = relucert.census(3, 4, out_dir="census34", progress=False)
check("census: complete, two rows (%r)" % cs, cs.complete and cs.ks == 2 and len(cs.rows) == 2
      and cs.rows[0].k == 3 and cs.rows[0].unresolved == 0 and cs.rows[1].points == 4)
check("census: the certificate re-checks", cs.certificate(4).check().valid)
check("census: the summary file", json.load(open("census34/census-summary.json")) is not None)
c2 = relucert.census(4, pattern="two-block", a=1, max_nodes=400, out_dir="census2b", progress=False)
check("census two-block: one row, a = 1 (%r)" % c2, len(c2.rows) == 1 and c2.rows[0].a == 1
      and "a=1" in repr(c2.rows[0]) and (c2.complete == (c2.unresolved == 0)))
check("census two-block: the certificate re-checks", c2.certificate(4, a=1).check().valid)
raises("census k_min > k_max", lambda: relucert.census(5, 4, out_dir="census54"),
       "k: expected 2 <= k <= k-max <= 10^6, found 5..4")
raises("census pattern", lambda: relucert.census(3, pattern="nine-block", out_dir="census9"),
       "pattern: expected one-block or two-block, found 'nine-block'")

check("version", relucert.version()["relucert"] != "")

print("py_api.py: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
