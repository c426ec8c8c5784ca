"""ECG's own tools: the Excel calculator workbook, the web calculator's balance JSON, the parity report.

Entry points (each module imports openpyxl only inside the function that reads a workbook):
- detect.read_any(path) / detect.read_any_balance(path): read any of the three inputs, by content;
- workbook.read_workbook(path_or_bytes): an official workbook -> balance + the workbook's results;
- ecalc_json.load_ecalc(text) / dump_ecalc(balance): the web calculator's JSON, both ways;
- parity.compare(balance, results): our score beside the official tool's own numbers.
"""
