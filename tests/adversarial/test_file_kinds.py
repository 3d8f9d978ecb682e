"""A data path that is a folder or a FIFO is reported, never skipped without a word, and a
FIFO is never opened (reading it would hang)."""

from __future__ import annotations

import os

from tests.conftest import Repo, problems, run


def test_a_fifo_and_a_folder_in_data_are_reported(repo: Repo) -> None:
    fifo = repo.path("data/people/pipe.yaml")
    os.mkfifo(fifo)
    repo.path("data/people/folder.yaml").mkdir()
    for _ in range(2):  # and again, with the cache
        found = {p["file"]: p for p in problems(run("validate", "--format", "json", repo=repo))}
        assert found["data/people/pipe.yaml"]["code"] == "HF100"
        assert "not a regular file" in found["data/people/pipe.yaml"]["message"]
        assert "folder" in found["data/people/folder.yaml"]["message"]
    # control: the same names as plain files are read as data
    fifo.unlink()
    repo.path("data/people/folder.yaml").rmdir()
    repo.write("data/people/pipe.yaml", repo.read("data/people/anne-rod.yaml"))
    again = [
        p
        for p in problems(run("validate", "--format", "json", repo=repo))
        if p["file"] == "data/people/pipe.yaml"
    ]
    assert [p["code"] for p in again] == ["HF301"]  # its id is not its file name
