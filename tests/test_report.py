"""Findings for people and for machines: repeated findings of one set grouped in text, never in JSON."""
import json

from okrkit import report
from okrkit.formats.drafts import parse
from okrkit.formats.yamlsets import organisation
from okrkit.rules import check

TASKS = ("Cycle: 2025-Q1\nO: Make our launch a success this quarter\nKR: Write the launch plan\nKR: Hire a designer\n"
         "KR: Set up the landing page\nKR: Grow sign-ups from 100 to 400\n"
         "O: Win the north\nKR: Send out the newsletters\nKR: Run a webinar\nKR: Raise NPS from 20 to 40\n")


def text_of(draft: str, path: str = "tasks.okr") -> tuple[str, list]:
    s = parse(draft, path)
    found = check(s)
    return report.as_text(found, 1, sizes=report.set_sizes(s)), found


def test_repeated_findings_of_a_set_are_one_counted_line():
    text, found = text_of(TASKS)
    unmeasured = [f for f in found if f.code == "OKR203"]
    assert len(unmeasured) == 5
    assert "5 of 7 key results have no number: this reads as a task list, not an OKR set." in text
    assert text.count("OKR203") == 1
    assert "O1/KR1 (line 3)" in text and "O2/KR2 (line 9)" in text
    assert text.count(unmeasured[0].hint) == 1  # the hint once, not five times


def test_json_keeps_every_finding():
    _, found = text_of(TASKS)
    doc = json.loads(report.as_json(found, 1))
    assert len(doc["findings"]) == len(found)
    assert sum(1 for f in doc["findings"] if f["code"] == "OKR203") == 5


def test_a_few_findings_stay_one_line_each():
    text, found = text_of("Cycle: 2025-Q1\nO: Win the north this year\nKR: Write the plan\nKR: Hire a designer\n"
                          "KR: Grow sign-ups from 100 to 400\n")
    assert sum(1 for f in found if f.code == "OKR203") == report.GROUP_FROM - 1
    assert text.count("OKR203") == report.GROUP_FROM - 1 and "key results have no number" not in text


def test_a_minority_of_tasks_is_not_called_a_task_list():
    draft = "Cycle: 2025-Q1\nO: Win the north this year\n" + "".join(
        f"KR: Grow sales in region {i} from 1 to 2\n" for i in range(1, 6)) + \
        "O: Win the south this year\nKR: Write the plan\nKR: Hire a designer\nKR: Set up the shop\n" \
        "KR: Grow sales from 1 to 2\nKR: Grow sales in the east from 1 to 2\n"
    text, _ = text_of(draft)
    assert "3 of 10 key results have no number." in text and "task list" not in text


def test_groups_are_per_set_in_an_organisation():
    org = organisation([parse(TASKS, "a.okr", set_id="alpha"), parse(TASKS, "b.okr", set_id="beta")])
    text = report.as_text(check(org), 2, sizes=report.set_sizes(org))
    assert text.count("5 of 7 key results have no number") == 2
    assert "OKR203 alpha:" in text and "OKR203 beta:" in text


def test_without_sizes_the_count_still_reads():
    s = parse(TASKS, "tasks.okr")
    assert "5 key results have no number." in report.as_text(check(s), 1)


def test_a_blank_template_is_not_called_a_task_list():
    """Unmeasured key results that are no tasks ("Increase ... from ... to ...") are counted, not judged."""
    text, _ = text_of("Cycle: 2025-Q1\nO: Win the north this year\nKR: Increase ... from ... to ...\n"
                      "KR: Reduce ... from ... to ...\nKR: Raise ... from ... to ...\n")
    assert "3 of 3 key results have no number." in text and "task list" not in text
    assert "'...' is a placeholder" in text  # the hint, shared by the three


def test_objectives_are_counted_as_objectives():
    org = organisation([parse("Cycle: 2025-Q1\nO: Win the north this year\nKR: Grow sales from 1 to 2\n"
                              "O: Win the south this year\nKR: Grow sales from 1 to 2\n"
                              "O: Win the east this year\nKR: Grow sales from 1 to 2\n", "a.okr", set_id="alpha"),
                        parse("Level: company\nCycle: 2025-Q1\nO: Grow the whole company this year\n"
                              "KR: Grow sales from 1 to 2\n", "c.okr", set_id="company")])
    text = report.as_text(check(org), 2, sizes=report.set_sizes(org))
    assert "3 of 3 objectives are silos, linked to no other set." in text
    assert "3 of 3 objectives have fewer than 3 key results." in text
