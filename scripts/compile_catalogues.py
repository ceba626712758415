#!/usr/bin/env python3
"""Write the validated copy of every shipped catalogue to data/compiled/<slug>.json.

Run it after editing a shipped municipality file or areas.toml; tests/test_catalogue.py fails
while a copy is out of date. The copies make even the first `bti measures list` fast: without
one, the catalogue is validated with pydantic (about 200 ms) and cached in the user's folder.
"""

from __future__ import annotations

import json
import sys

from bti_cli.catalogue import loader as catalogue


def main() -> int:
    folder = catalogue.shipped_dir() / "compiled"
    folder.mkdir(exist_ok=True)
    for slug in catalogue.shipped_municipalities():
        payload = catalogue.compiled_payload(slug)
        path = folder / f"{slug}.json"
        path.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{path}: {len(payload['data']['measures'])} measures, key {payload['key']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
