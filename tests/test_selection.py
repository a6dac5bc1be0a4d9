"""The selection syntax of `select`, as the spec's table and examples give it, its errors, and a
property test: whatever text comes in, the parser returns a selection or its own clear error."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from citrine_state.errors import UsageError
from citrine_state.selection import Selection, SelectionError, format_numbers, parse


@pytest.mark.parametrize(
    ("text", "count", "numbers"),
    [
        # The spec's "Basic Syntax" table.
        ("1,3,5", 12, (1, 3, 5)),
        ("1-5", 12, (1, 2, 3, 4, 5)),
        ("1,3-7,9", 12, (1, 3, 4, 5, 6, 7, 9)),
        ("all", 12, tuple(range(1, 13))),
        # The spec's "Advanced Examples".
        ("1,4,7", 12, (1, 4, 7)),
        ("1,3-6,9,12-15", 15, (1, 3, 4, 5, 6, 9, 12, 13, 14, 15)),
        ("1-3,5", 12, (1, 2, 3, 5)),
    ],
)
def test_the_specs_examples_select_what_the_spec_says(text: str, count: int,
                                                      numbers: tuple[int, ...]) -> None:
    assert parse(text, count).numbers == numbers


@pytest.mark.parametrize("text", ["none", "", "   ", "NONE", " None ", "\t"])
def test_none_or_empty_cancels(text: str) -> None:
    selection = parse(text, 12)
    assert selection.cancelled and selection.numbers == ()


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        (" 1 , 3 - 5 , 9 ", (1, 3, 4, 5, 9)),  # spaces anywhere
        ("ALL", tuple(range(1, 13))),
        ("5,1,3", (1, 3, 5)),  # list order (= timestamp order), whatever the typed order
        ("1-3,2,3,1-2", (1, 2, 3)),  # duplicates fold
        ("4-4", (4,)),
        ("007", (7,)),
    ],
)
def test_spaces_case_order_and_duplicates_are_forgiven(text: str,
                                                       numbers: tuple[int, ...]) -> None:
    assert parse(text, 12).numbers == numbers


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("13", "13 is out of range, there are 12 migrations (1-12)"),
        ("2-13", "13 is out of range"),
        ("0", "the list starts at 1"),
        ("0-3", "the list starts at 1"),
        ("5-3", "reversed range: write the smaller number first (3-5)"),
        ("1-", "is not a range"),
        ("-3", "is not a range"),
        ("1-3-5", "is not a range"),
        ("abc", 'is not a number, a range (e.g. 1-5), "all" or "none"'),
        ("1,a", '"a" is not a number'),
        ("1.5", "is not a number"),
        ("1,,3", "an entry is empty"),
        ("1,", "an entry is empty"),
        ("all,3", '"all" stands alone'),
        ("none,1", '"none" stands alone'),
        ("1 2", '"1 2" is not a number'),
        ("٣", "is not a number"),  # another script's digit is not taken for 3
        ("9" * 5000, "a number that large is out of range"),
    ],
)
def test_bad_text_is_a_clear_one_line_error(text: str, says: str) -> None:
    with pytest.raises(SelectionError) as err:
        parse(text, 12)
    message = str(err.value)
    assert says in message
    assert len(message.splitlines()) == 1 and len(message) < 200


def test_a_selection_error_is_a_usage_error_so_the_cli_exits_2() -> None:
    assert issubclass(SelectionError, UsageError)
    assert SelectionError.exit_code == 2


def test_all_on_an_empty_list_is_an_error_and_numbers_are_out_of_range() -> None:
    with pytest.raises(SelectionError, match="nothing to select"):
        parse("all", 0)
    with pytest.raises(SelectionError, match="the list is empty"):
        parse("1", 0)
    assert parse("none", 0).cancelled


def test_one_item_lists_say_so_in_the_singular() -> None:
    with pytest.raises(SelectionError, match=r"there is 1 migration \(1\)"):
        parse("2", 1)


@pytest.mark.parametrize(
    ("numbers", "text"),
    [((1, 2, 3, 5), "1-3,5"), ((), "none"), ((4,), "4"), ((1, 3, 4, 5, 6, 7, 9), "1,3-7,9")],
)
def test_format_numbers_writes_the_shortest_text(numbers: tuple[int, ...], text: str) -> None:
    assert format_numbers(numbers) == text
    assert str(Selection(numbers)) == text


# --- properties ---------------------------------------------------------------------------------

SYNTAX = st.sampled_from(list("0123456789-, ") + ["all", "none", "ALL", "\t", "\n", "1-3"])
TEXT = st.one_of(
    st.text(),  # anything at all, any script, control characters
    st.lists(SYNTAX, max_size=30).map("".join),  # text near the syntax, where bugs hide
)


@settings(max_examples=1000, deadline=None)
@given(text=TEXT, count=st.integers(min_value=0, max_value=40))
@example(text="1-99999999999999999999999999", count=12)
@example(text="\x00", count=3)
@example(text="1\u20283", count=5)
def test_any_text_gives_a_selection_or_its_own_clear_error(text: str, count: int) -> None:
    try:
        selection = parse(text, count)
    except SelectionError as err:
        message = str(err)
        assert message and len(message.splitlines()) == 1
        assert all(c.isprintable() for c in message)
        assert len(message) < 300
        return
    numbers = selection.numbers
    assert list(numbers) == sorted(set(numbers))
    assert all(1 <= n <= count for n in numbers)


@settings(max_examples=500, deadline=None)
@given(chosen=st.sets(st.integers(min_value=1, max_value=30)), count=st.integers(30, 40))
def test_formatted_numbers_parse_back_to_the_same_selection(chosen: set[int], count: int) -> None:
    assert parse(format_numbers(sorted(chosen)), count).numbers == tuple(sorted(chosen))
