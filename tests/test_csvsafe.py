"""CSV the kit writes cannot run formulas in a spreadsheet."""
import csv
import io

import pytest

from okrkit.formats import csvsafe


@pytest.mark.parametrize("cell", ["=1+1", "+41 20", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")'])
def test_formula_starts_get_an_apostrophe(cell):
    assert csvsafe.neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell, shown", [("Grow revenue", "Grow revenue"), ("a=b", "a=b"), (None, ""),
                                         (-3, -3), (0.5, 0.5), (float("nan"), "")])
def test_plain_text_and_numbers_are_left_alone(cell, shown):
    assert csvsafe.neutralise(cell) == shown


def test_to_csv_neutralises_header_and_cells_and_quotes_properly():
    text = csvsafe.to_csv(["=team", "note"], [["sales", '-1, "quoted"\nnext line'], ["@x", 2]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["'=team", "note"], ["sales", "'-1, \"quoted\"\nnext line"], ["'@x", "2"]]


def test_frame_to_csv_writes_a_named_index():
    import pandas as pd

    frame = pd.DataFrame({"score": [0.7, None], "note": ["=cmd|' /C calc'!A0", "ok"]},
                         index=pd.Index(["ana", "bo"], name="learner"))
    rows = list(csv.reader(io.StringIO(csvsafe.frame_to_csv(frame))))
    assert rows[0] == ["learner", "score", "note"]
    assert rows[1] == ["ana", "0.7", "'=cmd|' /C calc'!A0"] and rows[2] == ["bo", "", "ok"]


def test_write_csv_is_atomic_and_keeps_the_previous_version(tmp_path):
    path = tmp_path / "out.csv"
    csvsafe.write_csv(path, ["a"], [["1"]])
    csvsafe.write_csv(path, ["a"], [["2"]])
    assert path.read_bytes() == b"a\r\n2\r\n"
    assert (tmp_path / "out.csv~").read_bytes() == b"a\r\n1\r\n"
