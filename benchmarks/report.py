"""The figures the harness reports, their targets (from the performance issue) and the table."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Spec:
    key: str
    label: str
    unit: str
    target: str = ""  # as printed; "" when the issue sets none
    limit: float | None = None  # the number the target compares against
    compare: str = ""  # "vs_alex>=", "<=", "<"
    alex: str = ""  # key of the alex figure this one is compared with
    higher_is_better: bool = False


SPECS = (
    Spec(
        "words_per_s_model_less",
        "words/s, model-less",
        "words/s",
        ">= 30x alex",
        30,
        "vs_alex>=",
        "alex_words_per_s",
        True,
    ),
    Spec(
        "words_per_s_model",
        "words/s, model mode",
        "words/s",
        ">= 10x alex",
        10,
        "vs_alex>=",
        "alex_words_per_s",
        True,
    ),
    Spec("model_less_over_model", "model-less / model-mode throughput", "x", "<= 3", 3, "<="),
    Spec(
        "startup_clean_s",
        "start-up, clean 300-word file (warm)",
        "s",
        "<= 0.25 s",
        0.25,
        "<=",
        "alex_startup_clean_s",
    ),
    Spec(
        "startup_clean_cold_s",
        "start-up, clean 300-word file (cold)",
        "s",
        alex="alex_startup_clean_s",
    ),
    Spec(
        "startup_findings_s",
        "start-up, file with findings (warm)",
        "s",
        "<= 1.5 s",
        1.5,
        "<=",
        "alex_startup_findings_s",
    ),
    Spec(
        "startup_findings_cold_s",
        "start-up, file with findings (cold)",
        "s",
        alex="alex_startup_findings_s",
    ),
    Spec(
        "peak_rss_model_less_mib",
        "peak memory, corpus, model-less",
        "MiB",
        "<= 250 MiB",
        250,
        "<=",
        "alex_peak_rss_mib",
    ),
    Spec(
        "peak_rss_model_mib",
        "peak memory, corpus, model mode",
        "MiB",
        "<= 700 MiB",
        700,
        "<=",
        "alex_peak_rss_mib",
    ),
    Spec("scaling_2x_time_ratio", "time 2x corpus / 1x", "x"),
    Spec("scaling_4x_time_ratio", "time 4x corpus / 1x", "x", "<= 4.4", 4.4, "<="),
    Spec("dense_over_sparse_per_word", "dense / sparse time per word", "x", "<= 3", 3, "<="),
    Spec("jobs2_speedup", "--jobs 2 speed-up over --jobs 1", "x", higher_is_better=True),
    Spec("cached_rerun_s", "cached re-run, corpus unchanged", "s", "< 2 s", 2, "<"),
    Spec("docx_100_pages_s", "100-page policy .docx", "s"),
    Spec("alex_words_per_s", "alex: words/s", "words/s", higher_is_better=True),
    Spec("alex_startup_clean_s", "alex: start-up, clean 300-word file", "s"),
    Spec("alex_startup_findings_s", "alex: start-up, file with findings", "s"),
    Spec("alex_peak_rss_mib", "alex: peak memory, corpus", "MiB"),
)
KEYS = tuple(s.key for s in SPECS)
_OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    "<": operator.lt,
    "vs_alex>=": operator.ge,
}


@dataclass
class Figure:
    key: str
    label: str
    unit: str
    value: float | None
    target: str
    passed: bool | None
    vs_alex: float | None
    alex_is_reference: bool
    note: str


def evaluate(
    values: dict[str, float | None],
    notes: dict[str, str],
    alex_values: dict[str, float],
    reference: set[str],
) -> list[Figure]:
    """Turn measured values into figures with target verdicts and ratios to alex;
    ``reference`` names the alex figures that were not measured but quoted."""
    figures = []
    for spec in SPECS:
        value = values.get(spec.key)
        base = alex_values.get(spec.alex) if spec.alex else None
        ratio = value / base if value is not None and base else None
        passed = None
        if spec.compare and value is not None:
            subject = ratio if spec.compare == "vs_alex>=" else value
            if subject is not None and spec.limit is not None:
                passed = _OPS[spec.compare](subject, spec.limit)
        figures.append(
            Figure(
                spec.key,
                spec.label,
                spec.unit,
                value,
                spec.target,
                passed,
                None if ratio is None else round(ratio, 3),
                spec.alex in reference and ratio is not None,
                notes.get(spec.key, ""),
            )
        )
    return figures


def as_json(figures: list[Figure]) -> dict[str, dict[str, object]]:
    """Figures keyed by name, for the JSON report."""
    return {f.key: {k: v for k, v in asdict(f).items() if k != "key"} for f in figures}


def table(figures: list[Figure]) -> str:
    """A fixed-width text table: figure, value, target, pass/fail, ratio to alex."""
    rows = [("figure", "value", "target", "result", "vs alex")]
    for f in figures:
        value = "skipped" if f.value is None else f"{_num(f.value)} {f.unit}"
        result = {True: "PASS", False: "FAIL", None: ""}[f.passed]
        if f.target and f.value is None:
            result = "n/a"
        ratio = "" if f.vs_alex is None else f"{f.vs_alex:.2f}x"
        if ratio and f.alex_is_reference:
            ratio += " (ref)"
        rows.append((f.label, value, f.target or "-", result, ratio))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"  {f.label}: {f.note}" for f in figures if f.note]
    return "\n".join(lines + (["", "notes:", *notes] if notes else []))


def _num(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3f}" if abs(value) < 1 else f"{value:.2f}"
