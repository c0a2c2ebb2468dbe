"""`loaders.stages`: each second of a build is charged to the innermost stage open, and the serial part is
every stage but the workers' (map and write), plus the parent's own CPU during those."""

from __future__ import annotations

import time

import pytest

from loaders import load_corpus
from loaders.stages import STAGES, Stages


def test_a_nested_stage_takes_its_seconds_out_of_the_outer_one():
    stages = Stages()
    with stages.stage("write"):
        time.sleep(0.05)
        with stages.stage("publish"):
            time.sleep(0.1)
    assert stages.wall["publish"] == pytest.approx(0.1, abs=0.04)
    assert stages.wall["write"] == pytest.approx(0.05, abs=0.04)
    assert stages.cpu["publish"] < 0.05  # sleeping is not the parent's CPU


def test_the_serial_part_counts_the_parents_cpu_in_the_workers_stages_not_their_wall():
    stages = Stages(wall={"listing": 1.0, "map": 50.0, "merge": 2.0, "write": 8.0, "publish": 0.5},
                    cpu={"map": 3.0, "merge": 2.0, "write": 0.25, "publish": 0.5})
    assert stages.serial_s() == 6.75
    assert stages.as_dict() == {"listing": 1.0, "fingerprint": 0.0, "map": 50.0, "merge": 2.0, "write": 8.0,
                                "publish": 0.5, "read": 0.0, "parent_cpu": 3.25, "serial": 6.75}


def test_an_unknown_stage_is_refused_before_it_runs():
    stages = Stages()
    with pytest.raises(ValueError, match="unknown stage 'parse'"):
        with stages.stage("parse"):
            pytest.fail("the block ran")
    assert stages.wall == {}


def test_a_build_charges_every_stage_it_runs(write_files, tmp_path):
    folder = write_files({"a.txt": "date 2025-01-02\n\nThe EU and Kazakhstan met.\n",
                          "b.txt": "no date line\n"})
    stages = Stages()
    corpus = load_corpus(folder, cache_dir=tmp_path / "cache", stages=stages)
    assert len(corpus.articles) == 1 and len(corpus.rejected) == 1
    assert set(stages.wall) == set(STAGES)
    assert all(seconds >= 0 for seconds in stages.wall.values())
    again = Stages()
    load_corpus(folder, cache_dir=tmp_path / "cache", stages=again)  # a cache hit builds nothing
    assert set(again.wall) == {"listing", "fingerprint"}
