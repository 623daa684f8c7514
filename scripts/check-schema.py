#!/usr/bin/env python3
"""Check charter YAML files against docs/charter.schema.json.

Usage: scripts/check-schema.py [--schema PATH] CHARTER.yaml [CHARTER.yaml ...]

Prints `OK <file>` for each file the schema accepts; otherwise `<file>: N problems` followed by
one line per problem, `  <key path>: <message>`. Exit status: 0 when every file passes, 1 when
any file breaks the schema, 2 when a file cannot be read, is not YAML or is empty.

This checks the schema, not the charter: `northstar validate` is the final word, and it also
checks what a schema cannot (unique promise ids, that `clock` and `segment` name something
defined, history order, blocks that cross midnight or overlap, real time zone names, holiday
ranges that run backwards, calendar versions that end before they start or start on the same day).

How the YAML is read, and why. Editors validate YAML as if it were JSON, and the schema is
written for that view. PyYAML follows YAML 1.1, which differs from what editors (YAML 1.2) and
Northstar see in two ways that matter here, so the loader below is PyYAML's SafeLoader with:

- no timestamp resolver: `2026-12-25` stays the string "2026-12-25" (YAML 1.1 would make it a
  date object, which is not JSON and which the schema's date patterns could not check);
- booleans only for true/false: `yes`, `no`, `on` and `off` stay strings, as in YAML 1.2.

Numbers stay numbers (`northstar: 1`, `share: 0.9`), as they do in editors; the schema accepts
numbers wherever Northstar does. Duplicate keys in one mapping are reported, as Northstar
refuses them (PyYAML would silently keep the last one). Needs PyYAML and jsonschema.
"""

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

try:
    import jsonschema
    import yaml
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.exit(f"check-schema: needs PyYAML and jsonschema ({error}); pip install pyyaml jsonschema")

DEFAULT_SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "charter.schema.json"


class CharterYAMLLoader(yaml.SafeLoader):
    """SafeLoader that reads dates as text, booleans as YAML 1.2 does, and refuses duplicate keys."""


# Drop the timestamp resolver and the YAML 1.1 boolean resolver; keep every other resolver.
DROPPED_TAGS = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
CharterYAMLLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CharterYAMLLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    mapping = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        # JSON keys are strings; YAML may read `1:` or `true:` as something else.
        key = key if isinstance(key, str) else str(key)
        if key in mapping:
            raise DuplicateKeyError(
                "while reading a mapping", node.start_mark, f"the key `{key}` appears twice", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


CharterYAMLLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def key_path(path):
    """`promises[2].target.share`, the way `northstar validate` names places."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


# When several errors describe the same place, the first kind in this list explains it best.
PREFERRED = ["enum", "const", "pattern", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "not",
             "additionalProperties", "required", "minItems", "maxItems", "minProperties", "maxProperties", "type"]


def rank(error):
    if "propertyNames" in error.schema_path:
        return len(PREFERRED) - 1
    return PREFERRED.index(error.validator) if error.validator in PREFERRED else len(PREFERRED) - 2


def explanations(error):
    """The errors that explain an anyOf/oneOf failure: those of the branch that got furthest into the
    value, or the anyOf itself when every branch failed at its own level."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    branches = {}
    for branch_error in error.context:
        branches.setdefault(branch_error.relative_schema_path[0], []).extend(explanations(branch_error))
    # The branch that understood the most: its errors sit deepest in the value.
    furthest = max(branches.values(), key=lambda found: max(len(f.absolute_path) for f in found))
    deepest = max(len(found.absolute_path) for found in furthest)
    if deepest > len(error.absolute_path):
        return [found for found in furthest if len(found.absolute_path) == deepest]
    return [error]


def describe(error):
    """One line for an error, in the schema's own words where it has them."""
    value = repr(error.instance) if not isinstance(error.instance, (dict, list)) else "this value"
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    if error.validator in ("anyOf", "oneOf"):
        leaves = [leaf for branch_error in error.context for leaf in explanations(branch_error)]
        choices = [leaf for leaf in leaves if leaf.validator == "enum"]
        if choices:
            return describe(choices[0])
        return f"{value} is not valid here. {description}" if description else error.message
    if error.validator == "enum" and isinstance(error.instance, str):
        names = [str(name) for name in error.validator_value]
        close = difflib.get_close_matches(error.instance.lower(), names, n=1)
        guess = f" (did you mean `{close[0]}`?)" if close else ""
        return f"unknown value {value}{guess}. Use one of: {', '.join(names)}."
    if error.validator == "pattern" and "propertyNames" not in error.schema_path:
        hint = error.schema.get("patternErrorMessage") or description
        return f"{value}: {hint}" if hint else error.message
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        extras = [key for key in error.instance if key not in allowed and not any(
            re.search(pattern, key) for pattern in error.schema.get("patternProperties", {}))]
        parts = []
        for key in extras:
            close = difflib.get_close_matches(key, allowed, n=1)
            parts.append(f"unknown key `{key}`" + (f" (did you mean `{close[0]}`?)" if close else ""))
        if parts and allowed:
            return "; ".join(parts) + ". Allowed here: " + ", ".join(allowed) + "."
        return "; ".join(parts) if parts else error.message
    if error.validator in ("type", "not", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum") and description:
        return f"{value} is not valid here. {description}"
    return error.message


def messages(error):
    """`(key path, message)` pairs for one top-level error, one per place."""
    best = {}
    for found in explanations(error):
        place = key_path(found.absolute_path)
        if place not in best or rank(found) < rank(best[place]):
            best[place] = found
    return [(place, describe(found)) for place, found in best.items()]


def check(path, validator):
    """Prints the result for one file; returns 0 (ok), 1 (schema errors) or 2 (unreadable)."""
    try:
        with open(path, encoding="utf-8") as stream:
            document = yaml.load(stream, Loader=CharterYAMLLoader)
    except (OSError, UnicodeDecodeError) as error:
        print(f"{path}: cannot be read: {error}")
        return 2
    except yaml.YAMLError as error:
        print(f"{path}: not YAML: {' '.join(str(error).split())}")
        return 2
    if document is None:
        print(f"{path}: empty: the file holds no YAML document")
        return 2
    errors = sorted(
        validator.iter_errors(document),
        key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, p) for p in e.absolute_path],
    )
    if not errors:
        print(f"OK {path}")
        return 0
    lines = list(dict.fromkeys(f"  {place}: {message}" for error in errors for place, message in messages(error)))
    print(f"{path}: {len(lines)} problem{'s' if len(lines) != 1 else ''}")
    print("\n".join(lines))
    return 1


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check charter YAML files against the Northstar JSON Schema.")
    parser.add_argument("--schema", default=str(DEFAULT_SCHEMA), help="the schema (default: docs/charter.schema.json)")
    parser.add_argument("charters", nargs="+", metavar="CHARTER", help="YAML files to check")
    arguments = parser.parse_args(argv)

    schema = json.loads(Path(arguments.schema).read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    worst = 0
    for path in arguments.charters:
        worst = max(worst, check(path, validator))
    return worst


if __name__ == "__main__":
    sys.exit(main())
