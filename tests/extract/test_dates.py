import pytest

from kgbuild.extract.dates import statement_date, xsd_type


@pytest.mark.parametrize(
    "phrase, published, expected",
    [
        ("May 21", "2025-05-25", "2025-05-21"),  # the year from the article date
        ("May 21", None, "--05-21"),  # no year known: month and day only, never guessed
        ("November 2023", None, "2023-11"),
        ("2023", None, "2023"),
        ("Sept. 11, 2001", None, "2001-09-11"),
        ("Tuesday", None, None),  # relative: needs the article date
        ("Tuesday", "2025-05-25", "2025-05-20"),
        ("this year", "2025-05-25", None),
        ("last summer", "2025-05-25", None),
        ("March", None, None),
        ("March", "2025-05-25", "2025-03"),
    ],
)
def test_statement_date(phrase, published, expected):
    assert statement_date(phrase, published) == expected


@pytest.mark.parametrize(
    "lexical, datatype", [("2025-05-21", "date"), ("2023-11", "gYearMonth"), ("2023", "gYear"), ("--05-21", "gMonthDay")]
)
def test_xsd_type(lexical, datatype):
    assert xsd_type(lexical) == datatype
