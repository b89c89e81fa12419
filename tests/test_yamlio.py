"""The YAML reader: YAML 1.2 scalars, positions, and hostile input."""

import pytest

from klplan.core.errors import InputError
from klplan.loaders.yamlio import decode, load_yaml_text


def load(text):
    return load_yaml_text(text, "plan.yaml").data


def test_norway_and_friends_stay_text():
    assert load("a: no\nb: on\nc: off\nd: yes\ne: y") == dict(
        a="no", b="on", c="off", d="yes", e="y"
    )


def test_leading_zeros_and_times_stay_text():
    assert load("code: 0180\nx: 08\nt: 15:00\nd: 2025-08-18") == {
        "code": "0180",
        "x": "08",
        "t": "15:00",
        "d": "2025-08-18",
    }


def test_numbers_booleans_and_null():
    assert load("a: 8\nb: -2\nc: 1.5\nd: true\ne: False\nf: ~\ng:") == dict(
        a=8, b=-2, c=1.5, d=True, e=False, f=None, g=None
    )


def test_quoted_values_are_always_text():
    assert load("a: '8'\nb: \"true\"") == {"a": "8", "b": "true"}


def test_positions_of_values_and_keys():
    doc = load_yaml_text("groups:\n  - id: a\n    size: 5\n", "plan.yaml")
    w = doc.where(("groups", 0, "size"))
    assert (w.line, w.column, w.key) == (3, 11, "groups[0].size")
    w = doc.where(("groups", 0, "size"), at_key=True)
    assert (w.line, w.column) == (3, 5)
    # A missing key points at its nearest ancestor.
    w = doc.where(("groups", 0, "leader"))
    assert (w.line, w.key) == (2, "groups[0].leader")


def test_duplicate_keys_are_errors_naming_both_lines():
    with pytest.raises(InputError) as e:
        load_yaml_text("a: 1\nb: 2\na: 3\n", "p.yaml")
    assert e.value.message() == "p.yaml:3:1: a: nyckeln 'a' förekommer två gånger (först på rad 1)"


def test_tabs_are_explained():
    with pytest.raises(InputError) as e:
        load_yaml_text("a:\n\tb: 1\n", "p.yaml")
    assert "p.yaml:2:1" in e.value.message()
    assert "tabbar" in e.value.message()


def test_alias_bomb_is_refused_not_expanded():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for name in "bcdefghij":
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]\n"
        prev = name
    with pytest.raises(InputError) as e:
        load_yaml_text(bomb, "bomb.yaml")
    assert e.value.key == "yaml.too_many_nodes"


def test_deep_nesting_is_refused():
    with pytest.raises(InputError) as e:
        load_yaml_text("a: " + "[" * 200 + "]" * 200, "deep.yaml")
    assert e.value.key == "yaml.too_deep"


def test_merge_keys_and_aliases_work():
    data = load("base: &b {weekday: onsdag, time: '15:00'}\ng: {<<: *b, time: '14:00'}")
    assert data["g"] == {"weekday": "onsdag", "time": "14:00"}


def test_python_tags_are_refused():
    with pytest.raises(InputError) as e:
        load_yaml_text("a: !!python/object:os.system ls", "p.yaml")
    assert "stöds inte" in e.value.message()


def test_bom_is_ignored_and_latin1_is_an_error_with_position():
    assert decode(b"\xef\xbb\xbfa: 1", "p.yaml") == "a: 1"
    with pytest.raises(InputError) as e:
        decode("a: 1\nb: G\xf6teborg\n".encode("latin-1"), "p.yaml")
    assert e.value.message().startswith("p.yaml:2:5: filen är inte UTF-8")


def test_syntax_error_has_line_and_column():
    with pytest.raises(InputError) as e:
        load_yaml_text("a: [1, 2\nb: 3\n", "p.yaml")
    assert e.value.message().startswith("p.yaml:")
    assert "ogiltig YAML" in e.value.message()


def test_a_very_large_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from klplan.loaders import yamlio

    monkeypatch.setattr(yamlio, "MAX_BYTES", 1000)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n", "utf-8")
    with pytest.raises(InputError) as e:
        yamlio.load_yaml_file(big)
    assert e.value.key == "file.too_large"
    assert str(big) in e.value.message()
