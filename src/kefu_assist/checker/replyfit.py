"""Fitting the reply model's logistic regressions (NumPy; training only, never imported by the
program): ``replymodel.train`` calls ``fit``.

The design matrix is sparse (a draft's grams, counted) and held twice, in row order for X @ w and
in column order for X.T @ err: each product is one gather and one ``np.add.reduceat`` over the
runs of a row or a column, in float32 (four times faster than float64 here; the weights ship
rounded to thousandths anyway). Gradient descent is full-batch and deterministic, with Nesterov
momentum if asked.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

f32 = np.float32


class _Sparse:
    """Rows of (column, count) as a sparse matrix in both orders."""

    def __init__(self, rows: Sequence[dict[int, float]], width: int):
        r_idx, c_idx, vals = [], [], []
        for r, row in enumerate(rows):
            for c, v in sorted(row.items()):
                r_idx.append(r)
                c_idx.append(c)
                vals.append(v)
        self.n, self.v = len(rows), width
        self.ri = np.array(r_idx, dtype=np.int64)
        self.ci = np.array(c_idx, dtype=np.int64)
        self.xv = np.array(vals, dtype=f32)
        by_col = np.argsort(self.ci, kind="stable")
        self.ri_c, self.xv_c = self.ri[by_col], self.xv[by_col]
        self.row_has = np.unique(self.ri)
        self.row_starts = np.searchsorted(self.ri, self.row_has)
        ci_c = self.ci[by_col]
        self.col_has = np.unique(ci_c)
        self.col_starts = np.searchsorted(ci_c, self.col_has)

    def times(self, w: np.ndarray) -> np.ndarray:
        z = np.zeros((self.n, w.shape[1]), dtype=f32)
        if len(self.xv):
            z[self.row_has] = np.add.reduceat(self.xv[:, None] * w[self.ci], self.row_starts, axis=0)
        return z

    def t_times(self, err: np.ndarray) -> np.ndarray:
        g = np.zeros((self.v, err.shape[1]), dtype=f32)
        if len(self.xv):
            g[self.col_has] = np.add.reduceat(self.xv_c[:, None] * err[self.ri_c], self.col_starts, axis=0)
        return g


def _balanced(y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Each rule's positives and negatives weigh half of its loss each (``weight`` within them)."""
    pos = (y * weight).sum(axis=0)
    neg = ((1.0 - y) * weight).sum(axis=0)
    return (weight * np.where(y == 1.0, 0.5 / np.maximum(pos, 1e-9), 0.5 / np.maximum(neg, 1e-9))).astype(f32)


def _descend(x: _Sparse, y: np.ndarray, share: np.ndarray, w: np.ndarray, b: np.ndarray,
             epochs: int, rate: float, l2: float, momentum: float) -> tuple[np.ndarray, np.ndarray]:
    rate_, decay, mu = f32(rate), f32(l2), f32(momentum)
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    for _ in range(epochs):
        # the gradient at the look-ahead point w + mu * vw (plain gradient descent when mu is 0)
        wa, ba = (w + mu * vw, b + mu * vb) if momentum else (w, b)
        p = f32(1.0) / (f32(1.0) + np.exp(-np.clip(x.times(wa) + ba, -30, 30)))
        err = (p - y) * share
        grad = x.t_times(err)
        if momentum:
            vw = mu * vw - rate_ * (grad + decay * wa)
            vb = mu * vb - rate_ * err.sum(axis=0)
            w, b = w + vw, b + vb
        else:
            w = w - rate_ * (grad + decay * w)
            b = b - rate_ * err.sum(axis=0)
    return w, b


def _counts(grams: Sequence[str], column: dict[str, int]) -> dict[int, float]:
    out: dict[int, float] = {}
    for g in grams:
        c = column.get(g)
        if c is not None:
            out[c] = out.get(c, 0.0) + 1.0
    return out


def fit(
    drafts: Sequence[list[str]], labels: Sequence[frozenset[str]], rules: Sequence[str], vocab: Sequence[str],
    *, epochs: int, rate: float, l2: float, momentum: float = 0.0, row_weights: Sequence[float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The weights (one row a gram of ``vocab``) and biases of one logistic regression a rule;
    ``drafts[i]``: draft i's grams (each clause's, ``replymodel.features``)."""
    column = {g: i for i, g in enumerate(vocab)}
    n, k = len(drafts), len(rules)
    y = np.array([[1.0 if rule in ls else 0.0 for rule in rules] for ls in labels], dtype=f32).reshape(n, k)
    rw = np.ones(n, dtype=f32) if row_weights is None else np.asarray(row_weights, dtype=f32)
    x = _Sparse([_counts(grams, column) for grams in drafts], len(vocab))
    w = np.zeros((len(vocab), k), dtype=f32)
    b = np.zeros(k, dtype=f32)
    return _descend(x, y, _balanced(y, rw[:, None] * np.ones((1, k), dtype=f32)), w, b, epochs, rate, l2, momentum)
