"""What the validation report's and band charts' tests share: the published values."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generators.content.data_schema import ModelValidation

PROJECT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def data() -> ModelValidation:
    """content/data/model-validation.yml, as the build reads it."""
    text = (PROJECT / "content/data/model-validation.yml").read_text("utf-8")
    return ModelValidation.model_validate(yaml.safe_load(text))
