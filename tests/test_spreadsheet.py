"""Importing a pilot group's draft OKRs from a spreadsheet export, and its errors."""
import pytest

import okrkit
from okrkit.errors import InputError
from okrkit.rollout import spreadsheet

HEADER = "team,level,objective,key result,aligns to,depends on,supports,baseline,target,confidence\n"


def read(write, body, header=HEADER, name="export.csv"):
    return spreadsheet.read_csv(write(name, header + body))


def failure(write, body, header=HEADER):
    with pytest.raises(InputError) as error:
        read(write, body, header)
    return error.value


def test_the_shipped_template_imports_and_every_rule_runs_on_it():
    org = spreadsheet.read_csv(spreadsheet.template_path())
    assert [s.id for s in org.sets] == ["company", "sales", "marketing", "support", "stock"]
    assert org.cycle == "2025-Q1" and org.name == "pilot-okrs-template"
    sales = org.by_id["sales"]
    assert sales.level == "department" and sales.owner == "Head of Sales"
    assert sales.objectives[0].aligns_to == "company/O1" and sales.objectives[0].depends_on == ("marketing",)
    assert len(sales.objectives[0].key_results) == 3
    found = okrkit.check(org)
    assert {"OKR203", "OKR204", "OKR103"} <= set(found.codes)
    assert all(f.path == str(spreadsheet.template_path()) and f.line for f in found if f.code != "OKR402")


def test_rows_group_into_sets_and_objectives_in_order_of_first_appearance(write):
    org = read(write, "Sales,,Grow big,Increase revenue from 20 to 30 Mil USD,,,,20,30,60%\n"
                      "Marketing,,Launch a campaign,Increase leads from 200 to 400,Sales/o1,,sales/O1,,,\n"
                      "Sales,,Grow big,Increase revenue from 10 to 20 Mil USD,,,,,,0.5\n"
                      "sales,,  grow   BIG ,Increase partners from 4 to 9,,,,,,\n")
    sales, marketing = org.sets
    assert (sales.id, marketing.id) == ("sales", "marketing")
    assert [kr.text[:17] for kr in sales.objectives[0].key_results] == ["Increase revenue "] * 2 + ["Increase partners"]
    first = sales.objectives[0].key_results[0]
    assert (first.baseline, first.target, first.confidence, first.line) == (20, 30, 0.6, 2)
    assert sales.objectives[0].key_results[1].confidence == 0.5
    assert marketing.objectives[0].aligns_to == "sales/O1" and marketing.objectives[0].supports == ("sales/O1",)


def test_blank_team_and_objective_continue_the_row_above_like_merged_cells(write):
    org = read(write, "Support,team,Make support effortless,Cut wait from 5 to 2 minutes,,,,,,\n"
                      ",,,Raise CSAT from 3.9 to 4.5,,,,,,\n"
                      ",,Keep customers for life,Reduce churn from 6 to 4.5%,,,,,,\n")
    objectives = org.by_id["support"].objectives
    assert [len(o.key_results) for o in objectives] == [2, 1]


def test_semicolon_export_with_bom_and_quoted_multiline_cells(write):
    text = "\ufeffteam;objective;key result;note\nOps;Make delivery effortless;\"Cut late deliveries\nfrom 8% to 3%\";\"a; b\"\n"
    org = spreadsheet.read_csv(write("eu.csv", text))
    kr = org.sets[0].objectives[0].key_results[0]
    assert kr.text == "Cut late deliveries\nfrom 8% to 3%" and kr.note == "a; b"


def test_an_objective_row_without_key_result_is_an_objective_without_key_results(write):
    org = read(write, "Sales,,Grow big,,,,,,,\n")
    assert "OKR104" in okrkit.check(org).codes


def test_cells_are_data_never_formulas(write):
    org = read(write, 'Sales,,=cmd|\' /C calc\'!A0,"=HYPERLINK(""http://x"")",,,,,,\n')
    objective = org.sets[0].objectives[0]
    assert objective.title.startswith("=cmd") and objective.key_results[0].text.startswith("=HYPERLINK")


def test_comment_rows_and_unknown_columns_are_ignored(write):
    org = read(write, "# team,...,an instruction row\nSales,,Grow big,Increase revenue from 1 to 2,,,,,,,whatever\n",
               header=HEADER.rstrip("\n") + ",comments for us\n")
    assert len(org.sets) == 1


@pytest.mark.parametrize("body, line, message", [
    ("Sales,galaxy,Grow big,Raise NPS from 1 to 2,,,,,,\n", 2, "level"),
    ("Sales,,Grow big,Raise NPS from 1 to 2,,,,lots,,\n", 2, "baseline: expected a number"),
    ("Sales,,Grow big,Raise NPS from 1 to 2,,,,,,\nSales,company,Grow big,Raise CSAT from 1 to 2,,,,,,\n"
     "Sales,team,Grow big,Raise X from 1 to 2,,,,,,\n", 4, "level"),
    ("Sales,,Grow big,Raise NPS from 1 to 2,company/O1,,,,,\nSales,,Grow big,Raise X from 1 to 2,company/O2,,,,,\n",
     3, "aligns to"),
    ("Sales,,Grow big,Raise NPS from 1 to 2,company objective one,,,,,\n", 2, "not a reference"),
    (",,Grow big,Raise NPS from 1 to 2,,,,,,\n", 2, "team is missing"),
    ("Sales,,,Raise NPS from 1 to 2,,,,,,\n", 2, "objective is missing"),
    ("Sales,,Grow big,Raise NPS from 1 to 2,,,,,,\nOps,,,Cut X from 2 to 1,,,,,,\n", 3, "objective is missing"),
    ("Sales,,Grow big,Raise NPS from 1 to 2,,,,,,,,extra\n", 2, "cells, but the header"),
    ("Sales,,Grow big,\"Raise NPS\" from,,,,,,\n", 2, "not valid CSV"),
    ("\n\n", 2, "no key result rows"),
])
def test_bad_rows_name_the_file_and_line(write, body, line, message):
    error = failure(write, body)
    assert error.path.endswith("export.csv") and error.line == line
    assert message in error.message


def test_bad_headers_are_reported_on_line_1(write):
    assert "did you mean 'objective'" in failure(write, "", header="team,objectiv,key result\n").message
    assert "missing column(s) key_result" in failure(write, "", header="team,objective\nSales,Grow\n").message
    assert "appears twice" in failure(write, "", header="team,objective,key result,kr\n").message


def test_set_ids_and_teams_must_agree(write):
    error = failure(write, "Sales,,Grow big,Raise NPS from 1 to 2,,,,,,\n",
                    header=HEADER.replace("team,", "team,set id,", 1).replace("\n", "") + "\n")
    assert error.line == 2  # 'Grow big' lands in the level column and is not a level
    body = "Sales,s1,team,Grow,Raise NPS from 1 to 2,,,,,,\nOps,s1,team,Move,Cut X from 2 to 1,,,,,,\n"
    error = failure(write, body, header="team,set id,level,objective,key result,aligns to,depends on,supports,"
                                        "baseline,target,confidence\n")
    assert error.line == 3 and "already used by team 'Sales'" in error.message


def test_empty_and_binary_files_are_input_errors(write):
    with pytest.raises(InputError, match="empty"):
        spreadsheet.read_csv(write("empty.csv", ""))
    with pytest.raises(InputError, match="binary"):
        spreadsheet.read_csv(write("x.csv", b"team\0objective"))
    with pytest.raises(InputError, match="no such file"):
        spreadsheet.read_csv("/nonexistent/export.csv")


def test_references_may_name_a_team_with_spaces_and_list_several(write):
    org = read(write, "Outlet Support,,Make support effortless,Cut wait from 5 to 2 minutes,,,,,,\n"
                      "Sales,,Grow big,Raise NPS from 1 to 2,outlet support/o1,\"Outlet Support; marketing\",,,,\n")
    sales = org.by_id["sales"].objectives[0]
    assert sales.aligns_to == "outlet-support/O1" and sales.depends_on == ("outlet-support", "marketing")
