"""Where a build's time goes in the process that runs it: wall and own-CPU seconds per named stage.

A build's parent lists the inputs and fingerprints them; its workers build and stage the batches (`map`);
the parent decides copies and people and plans the shards (`merge`); its workers write their parts
(`write`); the parent publishes the dataset (`publish`) and reads it back (`read`). Whatever the parent
does itself does not shrink with more workers, so `python -m benchmarks` prints these figures per corpus
size: the serial part is the wall seconds of the parent's stages, plus its own CPU seconds during the
workers' stages (sending tasks, receiving results).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# The stages a build records, in the order it runs them.
STAGES = ("listing", "fingerprint", "map", "merge", "write", "publish", "read")
PARALLEL = ("map", "write")  # the stages the workers run; the parent's CPU in them is its serial share


@dataclass
class Stages:
    """Wall and parent-CPU seconds per stage. Each second is charged to the innermost stage open at the time."""

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
        """Seconds of the build the parent spends itself: the wall time of every stage but the workers', plus
        the parent's CPU during the workers' stages."""
        return sum(s for name, s in self.wall.items() if name not in PARALLEL) + self.parallel_cpu_s()

    def parallel_cpu_s(self) -> float:
        """The parent's own CPU seconds while the workers ran (the PARALLEL stages)."""
        return sum(self.cpu.get(name, 0.0) for name in PARALLEL)

    def as_dict(self) -> dict[str, float]:
        """Wall seconds per stage (STAGES order, 0 for a stage not run), the parent's CPU during the workers'
        stages as `parent_cpu` and `serial` (`serial_s`): what a benchmark reports."""
        return {**{name: self.wall.get(name, 0.0) for name in STAGES},
                "parent_cpu": self.parallel_cpu_s(), "serial": self.serial_s()}

    def _charge(self) -> None:
        now = (time.perf_counter(), time.process_time())
        if self._open:
            top = self._open[-1]
            self.wall[top] = self.wall.get(top, 0.0) + now[0] - self._since[0]
            self.cpu[top] = self.cpu.get(top, 0.0) + now[1] - self._since[1]
        self._since = now
