"""Reads every cell of the given workbooks with openpyxl in read-only mode
(values only), counts the non-empty ones and prints "cells N seconds S"
(time from opening the first workbook to the last cell). For bench/compare_read.sh;
run with Debian's /usr/bin/python3 and python3-openpyxl."""
import sys
import time

import openpyxl

start = time.perf_counter()
cells = 0
for path in sys.argv[1:]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if value is not None:
                    cells += 1
    book.close()
print(f"cells {cells} seconds {time.perf_counter() - start:.3f}")
