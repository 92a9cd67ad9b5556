#!/usr/bin/env python3
"""numpy reference for the kernel benchmark (bench/kernel.ts), written as a numpy user would.

Three ways to run it:
  numpy_reference.py info               one JSON line: numpy version, BLAS, threads, allocator
  numpy_reference.py serve              a loop: one JSON request per stdin line, one JSON line back:
      {"op", "size", "list": true}                          -> {"variants": [names]}
      {"op", "size", "seconds", "clock", "variant": i}      -> {"opsPerSec", "runs", "seconds", "variant", "faultsPerOp"}
  numpy_reference.py OP SIZE [SECONDS] [CLOCK]  every variant once, one JSON line each (for use by hand)

The clock is "wall" (time.perf_counter, the default) or "cpu" (time.process_time: this process's
user + system CPU time, as the kernel side's process.cpuUsage). A batch is one untimed warm-up op,
then timed ops until `seconds` have passed (at least one); the clock is read after chunks of ops
that grow to an eighth of the ops done so far. The kernel side (bench/kernel.ts `timeBatch`) times
its batches exactly so. `faultsPerOp` is the process's minor page faults (getrusage ru_minflt)
during the timed ops, per op: memory the op's allocations got fresh from the system.

Operations (n = number of qubits; subsystem 0 is the leftmost Kronecker factor, as in the kernel):
  gate1 n     rho -> U rho U^dagger, U a Haar 2x2 unitary on qubit k % n (k counts the ops)
  gate2 n     a Haar 4x4 unitary on qubits (k % n, (k+1) % n)
  kraus1 n    the depolarizing channel p = 0.1 (Kraus sqrt(1-3p/4) I, sqrt(p/4) X, Y, Z) on qubit k % n
  ptrace1 n   trace out qubit k % n of an n-qubit density matrix (result on n - 1 qubits)
  eigvalsh d  eigenvalues of a random d x d Hermitian a + a^dagger
  eigh d      eigenvalues and eigenvectors of the same
  entropy d   von Neumann entropy (bits) of a random full-rank d x d density matrix

Each op has its usual numpy formulations (tensordot / einsum / reshape + matmul), the "variants";
one request times ONE variant. The caller (bench/kernel.ts) times every variant in every round as
a contender of its own, like the kernel, and takes as the reference the variant with the best
median over the rounds (so the reference is a strong one, without taking the best of several
noisy batches in each round, which would bias it upwards). The state is
evolved in sequence (rho = f(rho)), as in the kernel benchmark. The caller sets the thread
environment (OMP/OPENBLAS/MKL_NUM_THREADS=1); `info` reports what numpy actually uses.
"""
import json
import resource
import sys
import time

import numpy as np

rng = np.random.default_rng(7)


def haar(d):
    z = (rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))) / np.sqrt(2)
    q, r = np.linalg.qr(z)
    return q * (np.diag(r) / abs(np.diag(r)))


def random_rho(n):
    """A mixture of min(2^n, 4) Haar-random pure states (as the kernel benchmark's state)."""
    d = 2 ** n
    r = min(d, 4)
    rho = np.zeros((d, d), dtype=complex)
    for _ in range(r):
        v = rng.normal(size=d) + 1j * rng.normal(size=d)
        v /= np.linalg.norm(v)
        rho += np.outer(v, v.conj()) / r
    return rho


def full_rank_rho(d):
    a = rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
    rho = a @ a.conj().T
    return rho / np.trace(rho).real


def random_hermitian(d):
    a = rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
    return a + a.conj().T


def apply_tensordot(rho, u, qubits, n):
    """(U (x) I) rho (U (x) I)^dagger by tensordot on the 2n-index tensor."""
    k = len(qubits)
    t = rho.reshape([2] * (2 * n))
    ug = u.reshape([2] * (2 * k))
    t = np.tensordot(ug, t, axes=(list(range(k, 2 * k)), list(qubits)))
    t = np.moveaxis(t, list(range(k)), list(qubits))
    cols = [n + q for q in qubits]
    t = np.tensordot(t, ug.conj(), axes=(cols, list(range(k, 2 * k))))
    t = np.moveaxis(t, list(range(2 * n - k, 2 * n)), cols)
    return t.reshape(2 ** n, 2 ** n)


def apply_matmul1(rho, u, q, n):
    """One qubit by reshape + matmul: rows as a batched matmul, columns by einsum."""
    a, b, d = 2 ** q, 2 ** (n - q - 1), 2 ** n
    t = np.matmul(u, rho.reshape(a, 2, b * d))
    t = t.reshape(d, a, 2, b)
    t = np.einsum("xaib,ji->xajb", t, u.conj(), optimize=True)
    return t.reshape(d, d)


def ptrace_einsum(rho, q, n):
    a, b = 2 ** q, 2 ** (n - q - 1)
    t = rho.reshape(a, 2, b, a, 2, b)
    return np.einsum("aibcid->abcd", t).reshape(a * b, a * b)


def ptrace_trace(rho, q, n):
    a, b = 2 ** q, 2 ** (n - q - 1)
    t = rho.reshape(a, 2, b, a, 2, b)
    return np.trace(t, axis1=1, axis2=4).reshape(a * b, a * b)


def entropy(rho):
    ev = np.linalg.eigvalsh(rho)
    ev = ev[ev > 1e-300]
    return float(-np.sum(ev * np.log2(ev)))


PAULI = (np.array([[0, 1], [1, 0]], dtype=complex), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]], dtype=complex))


def variants(op, size):
    """(name, function k -> None that performs the k-th op) pairs; the state lives in a closure
    shared by the variants of a row (density-matrix ops evolve it in sequence)."""
    n = size
    if op in ("gate1", "gate2", "kraus1"):
        state = {"rho": random_rho(n)}

        def step(f):
            def run(k):
                state["rho"] = f(state["rho"], k)
            return run

        if op == "gate1":
            u = haar(2)
            return [("tensordot", step(lambda r, k: apply_tensordot(r, u, [k % n], n))),
                    ("matmul+einsum", step(lambda r, k: apply_matmul1(r, u, k % n, n)))]
        if op == "gate2":
            if n < 2:
                raise ValueError("gate2 needs n >= 2")
            u = haar(4)
            return [("tensordot", step(lambda r, k: apply_tensordot(r, u, [k % n, (k + 1) % n], n)))]
        p = 0.1
        ks = [np.sqrt(1 - 3 * p / 4) * np.eye(2, dtype=complex)] + [np.sqrt(p / 4) * m for m in PAULI]
        return [("tensordot", step(lambda r, k: sum(apply_tensordot(r, kk, [k % n], n) for kk in ks))),
                ("matmul+einsum", step(lambda r, k: sum(apply_matmul1(r, kk, k % n, n) for kk in ks)))]
    if op == "ptrace1":
        if n < 2:
            raise ValueError("ptrace1 needs n >= 2")
        rho = random_rho(n)
        sink = []
        return [("einsum", lambda k: sink.append(ptrace_einsum(rho, k % n, n)) or sink.clear()),
                ("trace", lambda k: sink.append(ptrace_trace(rho, k % n, n)) or sink.clear())]
    if op == "eigvalsh":
        h = random_hermitian(size)
        return [("eigvalsh", lambda k: np.linalg.eigvalsh(h))]
    if op == "eigh":
        h = random_hermitian(size)
        return [("eigh", lambda k: np.linalg.eigh(h))]
    if op == "entropy":
        rho = full_rank_rho(size)
        return [("eigvalsh", lambda k: entropy(rho))]
    raise ValueError(f"unknown op {op!r}")


_cache = {}


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def row_variants(op, size):
    """The row's variants, built once per row (one row at a time: a 12-qubit state is 268 MB)."""
    key = (op, size)
    if key not in _cache:
        _cache.clear()
        _cache[key] = variants(op, size)
    return _cache[key]


_next_op = {}


def measure(op, size, seconds, clock="wall", variant=0):
    """ops/s and minor page faults per op of one batch of variant `variant`: one untimed warm-up
    op, then timed ops for `seconds` (at least one op), the faults counted over the timed ops. The
    op index runs on from the variant's last batch (as the kernel's does), so that ops cycling
    through targets time them all in turn."""
    now = CLOCKS[clock]
    vs = row_variants(op, size)
    if not 0 <= variant < len(vs):
        raise ValueError(f"variant {variant} out of range: {op} has {len(vs)}")
    name, v = vs[variant]
    key = (op, size, variant)
    index = _next_op.get(key, 0)
    v(index)
    index += 1
    f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    k, t0 = 0, now()
    while True:
        for _ in range(max(1, k >> 3)):
            v(index)
            index += 1
            k += 1
        el = now() - t0
        if el >= seconds:
            break
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0
    _next_op[key] = index
    return {"op": op, "size": size, "variant": name, "opsPerSec": k / el, "runs": k, "seconds": el, "faultsPerOp": faults / k}


def info():
    out = {"numpy": np.__version__, "python": sys.version.split()[0]}
    try:
        from threadpoolctl import threadpool_info
        out["threadpools"] = threadpool_info()
        out["threadsVerified"] = True
    except ImportError:
        out["threadsVerified"] = False
        try:
            cfg = np.show_config(mode="dicts")
            out["blas"] = cfg.get("Build Dependencies", {}).get("blas", {})
        except Exception as e:  # noqa: BLE001 - report, do not fail
            out["blas"] = f"unavailable ({e})"
    try:
        from numpy._core.multiarray import _get_madvise_hugepage
        out["madviseHugepage"] = bool(_get_madvise_hugepage())
    except Exception:  # noqa: BLE001
        out["madviseHugepage"] = None
    return out


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "info":
        print(json.dumps(info()), flush=True)
        return
    if len(sys.argv) >= 2 and sys.argv[1] == "serve":
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            try:
                req = json.loads(line)
                if req.get("list"):
                    res = {"variants": [name for name, _ in row_variants(req["op"], int(req["size"]))]}
                else:
                    res = measure(req["op"], int(req["size"]), float(req["seconds"]), req.get("clock", "wall"), int(req.get("variant", 0)))
            except Exception as e:  # noqa: BLE001 - the caller marks the row
                res = {"error": f"{type(e).__name__}: {e}"}
            print(json.dumps(res), flush=True)
        return
    op, size = sys.argv[1], int(sys.argv[2])
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    clock = sys.argv[4] if len(sys.argv) > 4 else "wall"
    for i in range(len(row_variants(op, size))):
        print(json.dumps(measure(op, size, seconds, clock, i)), flush=True)


if __name__ == "__main__":
    main()
