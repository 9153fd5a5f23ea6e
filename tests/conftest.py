from __future__ import annotations

import pytest

from genderlint.config import Config

# the model-less path: deterministic and independent of which spaCy models are installed
BLANK = Config(model="none")


@pytest.fixture
def blank_config() -> Config:
    return BLANK
