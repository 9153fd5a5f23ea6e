from __future__ import annotations

from pathlib import Path

import pytest

from genderlint.config import Config

# the model-less path: deterministic and independent of which spaCy models are installed
BLANK = Config(model="none")


@pytest.fixture
def blank_config() -> Config:
    return BLANK


SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_markdown() -> list[Path]:
    """Every Markdown file of the shared corpus beside the checkout (skips without it)."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside the checkout")
    files = sorted(SHARED_CORPUS.rglob("*.md"))
    assert len(files) > 1000
    return files
