"""PDF speed: certificate and full report of the sample balance, and 100 certificates in a batch.

Uses the shipped sample (resources/sample/balance.json, Bäckerei Sonnenkorn). Times are
wall-clock medians; the first render (reportlab import, font loading) is reported apart.
Run: python benchmarks/bench_pdf.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "exchange"))  # the stress balance of the PDF tests


def timed(func, repeat):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from ecg_desktop.exchange.pdf import render_certificate, render_certificates, render_report, report_data_for
    from ecg_desktop.services.sample import sample_balance

    start = time.perf_counter()
    balance = sample_balance()
    data = report_data_for(balance, "de")
    prepare = time.perf_counter() - start

    start = time.perf_counter()
    first = render_certificate(data)
    cold = time.perf_counter() - start

    cert_time, cert = timed(lambda: render_certificate(data), args.repeat)
    report_time, report = timed(lambda: render_report(data), args.repeat)
    report_en_time, _ = timed(lambda: render_report(data.with_lang("en")), args.repeat)
    batch = [data if i % 2 else data.with_lang("en") for i in range(100)]
    batch_time, batch_pdf = timed(lambda: render_certificates(batch), max(1, args.repeat // 2))
    singles_time, _ = timed(lambda: [render_certificate(d) for d in batch], 1)
    from test_pdf_samples import stress_balance

    stress = report_data_for(stress_balance(), "de")
    stress_time, stress_pdf = timed(lambda: render_report(stress), 1)

    rows = [
        ("score + levers (report data)", prepare, len(first)),
        ("first certificate (imports, fonts)", cold, len(first)),
        ("certificate", cert_time, len(cert)),
        ("full report (de)", report_time, len(report)),
        ("full report (en)", report_en_time, len(report)),
        ("100 certificates, one PDF", batch_time, len(batch_pdf)),
        ("100 certificates, 100 PDFs", singles_time, 0),
        ("stress report (50 files, long texts)", stress_time, len(stress_pdf)),
    ]
    print(
        f"sample: {balance.organisation.name}, matrix {balance.matrix} {balance.type}, {len(balance.evidence)} evidence refs"
    )
    print(f"{'what':<38} {'ms':>9} {'bytes':>10}")
    for name, seconds, size in rows:
        print(f"{name:<38} {seconds * 1000:>9.1f} {size or '':>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
