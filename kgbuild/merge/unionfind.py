"""Disjoint sets over the integers 0..n-1, with path halving."""

from __future__ import annotations


class UnionFind:
    """``find(x)`` is the representative of x's set; ``union(a, b)`` joins two sets, keeping the
    smaller representative so that results do not depend on the order of unions. A list, not a
    dict: the name matcher calls ``find`` millions of times."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
