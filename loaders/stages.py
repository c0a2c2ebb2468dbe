"""Where a build's time goes in the process that runs it: wall and own-CPU seconds per named stage.

A build's parent lists the inputs, fingerprints them, maps the batches (the workers' part), merges
what they return and writes the dataset. Whatever the parent does itself does not shrink with more
workers, so `python -m benchmarks` prints these figures per corpus size: the serial part is the
wall seconds of every stage but `map`, plus the parent's own CPU seconds during `map` (receiving and
unpickling the batches' tables).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# The stages a build records, in the order it runs them.
STAGES = ("listing", "fingerprint", "map", "merge", "write", "index")
PARALLEL = "map"  # the stage the workers run; the parent's CPU in it is its serial share


@dataclass
class Stages:
    """Wall and parent-CPU seconds per stage. Each second is charged to the innermost stage open at the time
    (the search index is written inside the dataset's write: its seconds count as `index`, not `write`)."""

    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    _open: list[str] = field(default_factory=list, repr=False)
    _since: tuple[float, float] = field(default=(0.0, 0.0), repr=False)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Charges the time spent inside the block to stage `name` (one of STAGES)."""
        if name not in STAGES:
            raise ValueError(f"unknown stage {name!r}; choose one of {', '.join(STAGES)}")
        self._charge()
        self._open.append(name)
        try:
            yield
        finally:
            self._charge()
            self._open.pop()

    def serial_s(self) -> float:
        """Seconds of the build the parent spends itself: every stage's wall time but the map's, plus the
        parent's CPU during the map."""
        return sum(s for name, s in self.wall.items() if name != PARALLEL) + self.cpu.get(PARALLEL, 0.0)

    def as_dict(self) -> dict[str, float]:
        """Wall seconds per stage (STAGES order, 0 for a stage not run), the map's parent CPU as `map_cpu` and
        `serial` (`serial_s`): what a benchmark reports."""
        return {**{name: self.wall.get(name, 0.0) for name in STAGES},
                "map_cpu": self.cpu.get(PARALLEL, 0.0), "serial": self.serial_s()}

    def _charge(self) -> None:
        now = (time.perf_counter(), time.process_time())
        if self._open:
            top = self._open[-1]
            self.wall[top] = self.wall.get(top, 0.0) + now[0] - self._since[0]
            self.cpu[top] = self.cpu.get(top, 0.0) + now[1] - self._since[1]
        self._since = now
