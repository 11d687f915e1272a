"""A bounded store of the sentence encoder's outputs for short messages seen before.

People send the same short messages again and again ("yes", "thanks", "show me more"); the
encoder gives the same vectors for the same word pieces, so they need computing only once.
Only messages of up to `max_pieces` word pieces are kept (the ones that repeat), and at most
`capacity` of them, the least recently used going first: at most about
capacity x max_pieces x 1.5 KB of memory (1,024 x 24: under 40 MB).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, Hashable, Optional, TypeVar

Value = TypeVar("Value")


class EncodingCache(Generic[Value]):
    def __init__(self, capacity: int = 1024, max_pieces: int = 24) -> None:
        self.capacity, self.max_pieces = capacity, max_pieces
        self._entries: "OrderedDict[Hashable, Value]" = OrderedDict()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> Optional[Value]:
        value = self._entries.get(key)
        if value is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return value

    def put(self, key: Hashable, pieces: int, value: Value) -> None:
        """Keeps `value` if the message is short enough and the cache is on (capacity > 0)."""
        if self.capacity <= 0 or pieces > self.max_pieces:
            return
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)
