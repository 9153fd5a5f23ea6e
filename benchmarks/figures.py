"""Figures over the corpus and the generated dense corpus (values and notes by key)."""

from __future__ import annotations

import corpora
import procs
import suite


def corpus_figures(
    bench: suite.Bench, corpus: corpora.Corpus, values: dict, notes: dict[str, str]
) -> None:
    """Throughput and memory in both modes, scaling, --jobs and the cached re-run."""
    for mode, name in (("none", "model_less"), ("auto", "model")):
        args = ["--model", mode, *corpus.args()]
        run = bench.check_median(f"corpus, --model {mode}", args, bench.repeats)
        if procs.ok(run):
            values[f"words_per_s_{name}"] = corpus.words / run.wall_s
            values[f"peak_rss_{name}_mib"] = run.peak_mib
            notes[f"peak_rss_{name}_mib"] = (
                f"largest process {run.max_rss_mib:.0f} MiB, "
                f"all processes (PSS) {run.tree_pss_mib:.0f} MiB"
            )
            notes[f"words_per_s_{name}"] = (
                f"{corpus.words:,} words in {run.wall_s:.1f} s, CPU {run.cpu_s:.1f} s "
                f"(medians of {bench.repeats})"
            )
        else:
            notes[f"words_per_s_{name}"] = f"genderlint exited {run.exit_code}"
    if values.get("words_per_s_model") and values.get("words_per_s_model_less"):
        values["model_less_over_model"] = (
            values["words_per_s_model_less"] / values["words_per_s_model"]
        )
    runs = suite.scaling(bench, corpus, (1, 2, 4))
    if len(runs) == 3:
        values["scaling_2x_time_ratio"] = runs[2].wall_s / runs[1].wall_s
        values["scaling_4x_time_ratio"] = runs[4].wall_s / runs[1].wall_s
        notes["scaling_4x_time_ratio"] = (
            ", ".join(f"{k}x {r.wall_s:.1f} s (CPU {r.cpu_s:.1f} s)" for k, r in runs.items())
            + f", medians of {bench.repeats}; by CPU time 4x/1x is "
            + f"{runs[4].cpu_s / runs[1].cpu_s:.2f}"
        )
    if bench.has_jobs:
        args = ["--model", "none", *corpus.args()]
        one = bench.check_median("corpus, --jobs 1", ["--jobs", "1", *args], bench.repeats)
        two = bench.check_median("corpus, --jobs 2", ["--jobs", "2", *args], bench.repeats)
        if procs.ok(one) and procs.ok(two):
            values["jobs2_speedup"] = one.wall_s / two.wall_s
        notes["jobs2_speedup"] = (
            f"--jobs 1 {one.wall_s:.1f} s (CPU {one.cpu_s:.1f} s), "
            f"--jobs 2 {two.wall_s:.1f} s (CPU {two.cpu_s:.1f} s)"
        )
    else:
        notes["jobs2_speedup"] = "this genderlint check has no --jobs option"
    if bench.has_cache:
        fill, again = suite.cached_rerun(bench, corpus)
        if procs.ok(again):
            values["cached_rerun_s"] = again.wall_s
        notes["cached_rerun_s"] = (
            f"--model none, median of {bench.repeats}; filling the cache took {fill.wall_s:.1f} s"
        )
    else:
        notes["cached_rerun_s"] = "this genderlint check has no results cache (--no-cache)"


def dense_figure(
    bench: suite.Bench,
    words: int,
    values: dict,
    notes: dict[str, str],
    sparse: corpora.Corpus | None = None,
) -> None:
    """The dense corpus's time per word against the corpus's, model-less, from runs of the
    two made alternately (see :func:`suite.dense`)."""
    corpus, run, paired = suite.dense(bench, words, sparse)
    found = bench.runs[-1]["findings"]
    per_k = f"{1000 * found / corpus.words:.0f}" if isinstance(found, int) else "?"
    if sparse is not None and paired is not None and procs.ok(run) and procs.ok(paired):
        values["dense_over_sparse_per_word"] = (run.wall_s / corpus.words) / (
            paired.wall_s / sparse.words
        )
        notes["dense_over_sparse_per_word"] = (
            f"dense {corpus.words:,} words, {per_k} findings per 1,000 words, "
            f"{run.wall_s:.1f} s (CPU {run.cpu_s:.1f} s); sparse: the corpus, model-less, "
            f"{paired.wall_s:.1f} s (CPU {paired.cpu_s:.1f} s); runs alternated, medians of "
            f"{bench.repeats}"
        )
