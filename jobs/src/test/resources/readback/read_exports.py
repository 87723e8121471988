"""Reads exported files with readers that share no code with the exporter's writers: openpyxl in
normal and read-only mode for XLSX, the csv module in strict mode for CSV, the json module for JSON.
Prints one JSON document: for each file, what each reader saw, cell by cell, with its type.

usage: read_exports.py FILE...   (Debian's python3-openpyxl; .ci/run installs it)
"""
import csv
import datetime
import json
import re
import sys
import warnings
import zipfile

import openpyxl


def typed(v):
    """A cell as the reader typed it: numbers, dates and date-times tagged, text as text."""
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, datetime.datetime):
        return {"datetime": v.isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    if isinstance(v, (int, float)):
        return {"number": repr(v)}
    return v


def dimensions(path):
    """Each sheet's <dimension ref> as written in the file."""
    out = []
    with zipfile.ZipFile(path) as z:
        names = sorted(
            (n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)),
            key=lambda n: int(re.search(r"\d+", n.rsplit("/", 1)[1]).group()),
        )
        for n in names:
            head = z.open(n).read(4096).decode("utf-8", "replace")
            m = re.search(r'<dimension ref="([^"]+)"', head)
            out.append(m.group(1) if m else None)
    return out


def xlsx(path, read_only):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(path, read_only=read_only)
        sheets = []
        for ws in wb.worksheets:
            rows = []
            formats = {}
            for row in ws.iter_rows():
                values = []
                for c in row:
                    v = getattr(c, "value", None)
                    values.append(typed(v))
                    if isinstance(v, (int, float)) and not isinstance(v, bool):
                        formats.setdefault(c.number_format, 0)
                        formats[c.number_format] += 1
                rows.append(values)
            sheets.append(
                {
                    "name": ws.title,
                    "max_row": ws.max_row,
                    "max_column": ws.max_column,
                    "rows": rows,
                    "number_formats": formats,
                }
            )
        wb.close()
    return {"sheets": sheets, "warnings": [str(w.message) for w in caught]}


def read_csv(path):
    with open(path, "rb") as f:
        bom = f.read(3) == b"\xef\xbb\xbf"
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    return {"bom": bom, "rows": rows}


def read_json(path):
    tag = lambda s: {"number": s}
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=tag, parse_int=tag)


result = {}
for path in sys.argv[1:]:
    if path.endswith(".xlsx"):
        result[path] = {
            "dimensions": dimensions(path),
            "normal": xlsx(path, False),
            "read_only": xlsx(path, True),
        }
    elif path.endswith(".csv"):
        result[path] = read_csv(path)
    elif path.endswith(".json"):
        result[path] = read_json(path)
json.dump(result, sys.stdout, ensure_ascii=False)
