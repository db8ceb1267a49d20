"""Contracts of the Python package (python/relucert), run by tests/py_api.sh
against the library just built. Exits nonzero if any check fails."""
import json
import sys
from fractions import Fraction

import numpy as np
import relucert

top = sys.argv[1]
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
        check(what + " (message: %s)" % e, text in str(e) and "\n" not in str(e))
        return
    check(what + ": no exception", False)


# exact numbers: a float goes over as its ratio; 0.1 is not 1/10
check("exact(0.1) is the double's ratio", relucert.exact(0.1) == "3602879701896397/36028797018963968")
check("exact(np.float32(0.1))", Fraction(relucert.exact(np.float32(0.1))) == Fraction(float(np.float32(0.1))))
check("exact('1/10') unchanged", relucert.exact("1/10") == "1/10")
check("exact(Fraction(1, 3))", relucert.exact(Fraction(1, 3)) == "1/3")

# eval at W = V = I_3: F = 0 exactly, inside the enclosure; float32 = float64
r = relucert.eval(np.eye(3))
lo, hi = r["loss"]
check("F(I) = 0 enclosed", lo <= 0 <= hi and isinstance(lo, Fraction))
check("gradient is 3 rows of 3 enclosures", len(r["gradient"]) == 3 and len(r["gradient"][0]) == 3)
a, b = relucert.outward(r["hessian_min_eig"])
check("outward doubles enclose", Fraction(a) <= r["hessian_min_eig"][0] and Fraction(b) >= r["hessian_min_eig"][1])
r32 = relucert.eval(np.eye(3, dtype=np.float32))
check("float32 identity = float64 identity", r32 == r)

# eval with a general teacher (d = 4 > k = 2)
rng = np.random.default_rng(1)
W = rng.normal(size=(3, 4))
V = rng.normal(size=(2, 4))
api = relucert.eval(W, V)
check("general teacher: enclosures of the right shape", len(api["gradient"]) == 3 and api["k"] == 2)
lo, hi = api["loss"]
check("general teacher: F enclosed tightly", 0 < hi - lo < Fraction(1, 10 ** 60))
rb = relucert.eval(W, V, box_radius="1/1000")
check("a box widens the enclosure", rb["loss"][0] <= lo and rb["loss"][1] >= hi and rb["box_radius"] == "1/1000")

# certify: a global minimum is proved global; check accepts, and rejects a tampered copy
c = relucert.certify_minimum(np.eye(3), source="I3")
check("W = V = I_3 certified (global)", c["success"] and c["certificate"]["source"] == "I3")
check("check(dict) valid", relucert.check(c["certificate"]) == {"valid": True})
bad = json.loads(json.dumps(c["certificate"]))
bad["success"] = not bad["success"]
v = relucert.check(bad)
check("check rejects a flipped success", v["valid"] is False and "success" in v["reason"])
v = relucert.check('{"format": ')
check("check rejects broken JSON", v["valid"] is False)
check("check(path) of a published certificate",
      relucert.check(top + "/proofs/default/convexity-k3.json") == {"valid": True})

# the dataset, exactly: W_exact is the record's exact point
rec = relucert.load_dataset(path=top + "/data/safran2021-minima.jsonl", k=6, index=0)
check("dataset record k = 6", rec["k"] == 6 and rec["W"].shape == (6, 6)
      and isinstance(rec["W_exact"][0][0], Fraction))
check("W is the nearest doubles of W_exact",
      all(float(rec["W_exact"][i][j]) == rec["W"][i, j] for i in range(6) for j in range(6)))
c = relucert.certify_minimum(rec["W_exact"], source="x")
check("the exact record certified", c["success"] and "reduced" in c["path"])

# errors: one line, as relucert.Error
raises("NaN", lambda: relucert.eval([[1.0, float("nan")]]), "expected a finite number")
raises("3-d array", lambda: relucert.eval(np.zeros((2, 2, 2))), "two-dimensional")
raises("int array", lambda: relucert.eval(np.eye(3, dtype=np.int64)), "float64 or float32")
raises("V of the wrong width", lambda: relucert.eval(np.eye(3), np.eye(2)), "V")
raises("zero neuron with the Hessian", lambda: relucert.eval(np.zeros((2, 2)), hessian=True),
       "expected a nonzero student neuron for --hessian")
raises("n != k", lambda: relucert.certify_minimum(np.ones((2, 3)), np.eye(3)), "n = k")
raises("bad path", lambda: relucert.certify_minimum(np.eye(2), path="sideways"), "path: expected")
raises("too much precision", lambda: relucert.eval(np.eye(2), prec=1 << 20), "prec")
raises("unknown record", lambda: relucert.load_dataset(path=top + "/data/safran2021-minima.jsonl",
                                                     k=7, index=999), "no record")
check("version", relucert.version()["relucert"] != "")

print("py_api.py: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
