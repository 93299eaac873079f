"""Disjoint sets over any hashable items, with path halving."""

from __future__ import annotations

from collections.abc import Hashable


class UnionFind(dict):
    """``find(x)`` is the representative of x's set; ``union(a, b)`` joins two sets, keeping the
    smaller representative so that results do not depend on the order of unions."""

    def find(self, x: Hashable) -> Hashable:
        parent = self.get(x, x)  # an item never joined is its own representative
        while parent != x:
            grandparent = self.get(parent, parent)
            self[x] = grandparent
            x, parent = grandparent, self.get(grandparent, grandparent)
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self[max(ra, rb)] = min(ra, rb)
