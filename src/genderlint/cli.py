"""Command line: `genderlint check | rules | explain`. Exit 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import click

from genderlint import __version__
from genderlint.errors import GenderlintError

EXIT_SUCCESS, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    items = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    return items or None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="genderlint")
def cli() -> None:
    """Gender-aware language linter for security-sector documents."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--select", multiple=True, help="Rule IDs, ID prefixes or categories to enable.")
@click.option("--ignore", multiple=True, help="Rule IDs, ID prefixes or categories to disable.")
@click.option(
    "--profile",
    multiple=True,
    help="Work-context profile(s): general, police, military, border, justice, "
    "peacekeeping, recruitment.",
)
@click.option("--fail-on", help="Lowest severity that makes the exit code 1 (or 'never').")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Config file to use instead of discovering one.",
)
@click.option("--model", help="spaCy pipeline: none, auto, or a package name or path.")
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    type=click.Choice(["text", "json", "sarif", "github"]),
)
@click.option(
    "--stdin-filename", help="Name for text read from '-' (its extension picks the reader)."
)
@click.option("--explain-context", is_flag=True, help="Show why context checks kept a finding.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option("--color/--no-color", default=None, help="Colour output (default: on a terminal).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes (default: by file count and CPUs).",
)
@click.option("--no-cache", is_flag=True, help="Ignore and do not update the results cache.")
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    profile: tuple[str, ...],
    fail_on: str | None,
    config_path: Path | None,
    model: str | None,
    fmt: str,
    stdin_filename: str | None,
    explain_context: bool,
    quiet: bool,
    statistics: bool,
    color: bool | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Check Markdown, text and Word files (folders are searched; '-' reads stdin)."""
    from genderlint.runner import CheckOptions, run_check

    options = CheckOptions(
        paths=paths or (".",),
        select=_split(select),
        ignore=_split(ignore),
        profiles=_split(profile),
        fail_on=fail_on,
        config_path=config_path,
        model=model,
        stdin_filename=stdin_filename,
        jobs=jobs,
        use_cache=not no_cache,
    )
    tty = sys.stdout.isatty()
    use_color = color if color is not None else tty and not os.environ.get("NO_COLOR")
    sys.exit(
        run_check(
            options,
            fmt,
            sys.stdout,
            color=use_color,
            show_source=tty,
            quiet=quiet,
            statistics=statistics,
            explain_context=explain_context,
        )
    )


@cli.command()
@click.argument("in_path", metavar="IN.docx", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    "out_path",
    required=True,
    type=click.Path(path_type=str),
    help="Where to write the reviewed copy (the input is never changed).",
)
@click.option("--force", is_flag=True, help="Overwrite OUT.docx if it exists.")
@click.option(
    "--track-changes",
    is_flag=True,
    help="Also propose each first suggestion as a tracked replacement.",
)
@click.option("--select", multiple=True, help="Rule IDs, ID prefixes or categories to enable.")
@click.option("--ignore", multiple=True, help="Rule IDs, ID prefixes or categories to disable.")
@click.option("--profile", multiple=True, help="Work-context profile(s).")
@click.option("--config", "config_path", type=click.Path(path_type=Path))
@click.option("--model", help="spaCy pipeline: none, auto, or a package name or path.")
def annotate(
    in_path: str,
    out_path: str,
    force: bool,
    track_changes: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    profile: tuple[str, ...],
    config_path: Path | None,
    model: str | None,
) -> None:
    """Write a copy of a Word file with a comment on each finding."""
    from genderlint.docx.annotate import annotate_docx
    from genderlint.runner import CheckOptions, ConfigResolver

    def run() -> None:
        options = CheckOptions(
            paths=(in_path,),
            select=_split(select),
            ignore=_split(ignore),
            profiles=_split(profile),
            config_path=config_path,
            model=model,
        )
        config = ConfigResolver(options).for_path(Path(in_path))
        findings = annotate_docx(
            in_path, out_path, config, force=force, track_changes=track_changes
        )
        changes = " and tracked changes" if track_changes else ""
        click.echo(
            f"{out_path}: {len(findings)} comment{'s' * (len(findings) != 1)}{changes} added"
        )

    _guard(run)


@cli.command("rules")
@click.option("--select", multiple=True, help="Only these IDs, prefixes or categories.")
@click.option("--profile", multiple=True, help="Show the rules active under these profiles.")
@click.option("--config", "config_path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]))
def rules_cmd(
    select: tuple[str, ...], profile: tuple[str, ...], config_path: Path | None, fmt: str
) -> None:
    """List rules: ID, name, category, severity."""
    from genderlint.ruledocs import list_rules

    _guard(lambda: list_rules(_split(select), _split(profile), config_path, fmt, sys.stdout))


@cli.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(path_type=Path))
def explain(rule: str, config_path: Path | None) -> None:
    """Explain one rule (by ID or name): why, suggestions, references, examples."""
    from genderlint.ruledocs import explain_rule

    _guard(lambda: explain_rule(rule, config_path, sys.stdout))


def _guard(action: object) -> None:
    try:
        action()  # type: ignore[operator]
    except GenderlintError as exc:
        click.echo(f"genderlint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def run() -> None:
    """The console script and ``python -m genderlint``: :func:`main`, then exit."""
    # a run allocates millions of short-lived objects (tokens, spans, findings), and the
    # default thresholds collect every 700 of them; as in mypy, collect far less often
    gc.set_threshold(50_000, 20, 20)
    code = main()
    # objects made so far live until exit: leave them out of the collections the
    # interpreter runs while it shuts down (a tenth of a second with a pipeline loaded)
    gc.freeze()
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run the command line (``argv``: the arguments, default ``sys.argv[1:]``)."""
    try:
        cli.main(args=argv, prog_name="genderlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.ClickException as exc:  # usage errors exit 2, never 1
        exc.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_ERROR
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_ERROR
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_SUCCESS
    except GenderlintError as exc:
        click.echo(f"genderlint: error: {exc}", err=True)
        return EXIT_ERROR
    except Exception as exc:  # never a traceback for users; the message says what failed
        click.echo(f"genderlint: internal error: {type(exc).__name__}: {exc}", err=True)
        return EXIT_ERROR
    return EXIT_SUCCESS
