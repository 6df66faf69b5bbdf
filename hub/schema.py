"""A small schema language for YAML files, with errors that name the file, the line and the field.

Federations edit `sector.yml` by hand; a mistake must read like "sectors/x/sector.yml, line 12,
field register[2].legal_basis: expected one of ...", never like a Python traceback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml


class SchemaError(ValueError):
    def __init__(self, file: Path | str, line: int, path: str, message: str) -> None:
        shown = _relative(Path(file))
        super().__init__(f"{shown}, line {line}, field {path or '(top)'}: {message}")
        self.file, self.line, self.path, self.message = str(file), line, path, message


def _relative(file: Path) -> str:
    try:
        return file.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(file)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class Spec:
    optional = False

    def check(self, node: yaml.Node, path: str, file: Path) -> Any:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError


@dataclass
class Str(Spec):
    pattern: str | None = None
    hint: str = "text"
    optional: bool = False
    allow_empty: bool = True

    def describe(self) -> str:
        return self.hint

    def check(self, node: yaml.Node, path: str, file: Path) -> Any:
        # Unquoted yes/no/on/off and numbers are not text: ask for quotes instead of guessing.
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            raise SchemaError(file, _line(node), path, f"expected {self.hint} (put it in quotes if it looks like a number or yes/no)")
        value = node.value
        if not self.allow_empty and not value.strip():
            raise SchemaError(file, _line(node), path, f"expected {self.hint}, got an empty value")
        if self.pattern and value and not re.fullmatch(self.pattern, value):
            raise SchemaError(file, _line(node), path, f"expected {self.hint}, got {value!r}")
        return value


@dataclass
class Enum(Spec):
    values: tuple[str, ...]
    optional: bool = False

    def describe(self) -> str:
        return "one of " + ", ".join(self.values)

    def check(self, node: yaml.Node, path: str, file: Path) -> Any:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        if value not in self.values:
            raise SchemaError(file, _line(node), path, f"expected {self.describe()}, got {value!r}")
        return value


@dataclass
class Bool(Spec):
    optional: bool = False

    def describe(self) -> str:
        return "true or false"

    def check(self, node: yaml.Node, path: str, file: Path) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
            raise SchemaError(file, _line(node), path, "expected true or false")
        return node.value.lower() in ("true", "yes", "on")


@dataclass
class ListOf(Spec):
    item: Spec
    optional: bool = False
    min_items: int = 0

    def describe(self) -> str:
        return f"a list of {self.item.describe()}"

    def check(self, node: yaml.Node, path: str, file: Path) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            raise SchemaError(file, _line(node), path, f"expected {self.describe()} (lines starting with '- ')")
        if len(node.value) < self.min_items:
            raise SchemaError(file, _line(node), path, f"expected at least {self.min_items} item(s)")
        return [self.item.check(child, f"{path}[{i + 1}]", file) for i, child in enumerate(node.value)]


@dataclass
class Map(Spec):
    fields: dict[str, Spec]
    optional: bool = False
    name: str = "a group of fields"

    def describe(self) -> str:
        return self.name

    def check(self, node: yaml.Node, path: str, file: Path) -> Any:
        if not isinstance(node, yaml.MappingNode):
            raise SchemaError(file, _line(node), path, f"expected {self.name} with the fields: {', '.join(self.fields)}")
        seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            where = f"{path}.{key}" if path else key
            if key not in self.fields:
                raise SchemaError(file, _line(key_node), where, f"unknown field; expected one of: {', '.join(self.fields)}")
            if key in seen:
                raise SchemaError(file, _line(key_node), where, "this field appears twice")
            seen[key] = self.fields[key].check(value_node, where, file)
        for key, spec in self.fields.items():
            if key not in seen and not spec.optional:
                where = f"{path}.{key}" if path else key
                raise SchemaError(file, _line(node), where, f"missing; expected {spec.describe()}")
        return seen


@dataclass
class Free(Spec):
    """Any YAML value, checked afterwards by `validate(value, line)`; used for wizard answers."""

    validate: Callable[[Any, str], None]
    optional: bool = False
    hint: str = "answers"

    def describe(self) -> str:
        return self.hint

    def check(self, node: yaml.Node, path: str, file: Path) -> Any:
        value = yaml.safe_load(yaml.serialize(node))
        try:
            self.validate(value, path)
        except SchemaError:
            raise
        except ValueError as err:
            raise SchemaError(file, _line(node), path, str(err)) from None
        return value


def load(file: Path, spec: Spec) -> Any:
    text = file.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise SchemaError(file, line, "", f"not valid YAML: {getattr(err, 'problem', err)}") from None
    if node is None:
        raise SchemaError(file, 1, "", "the file is empty")
    return spec.check(node, "", file)



@dataclass
class Int(Spec):
    low: int
    high: int
    optional: bool = False

    def describe(self) -> str:
        return f"a whole number from {self.low} to {self.high}"

    def check(self, node: yaml.Node, path: str, file: Path) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:int" or not self.low <= int(node.value) <= self.high:
            raise SchemaError(file, _line(node), path, f"expected {self.describe()}, got {getattr(node, 'value', '')!r}")
        return int(node.value)


@dataclass
class Checked(Spec):
    """`spec`, then `rule(value)`, which raises ValueError naming what is wrong (a rule across fields)."""

    spec: Spec
    rule: Callable[[Any], None]
    optional: bool = False

    def describe(self) -> str:
        return self.spec.describe()

    def check(self, node: yaml.Node, path: str, file: Path) -> Any:
        value = self.spec.check(node, path, file)
        try:
            self.rule(value)
        except ValueError as err:
            raise SchemaError(file, _line(node), path, str(err)) from None
        return value
