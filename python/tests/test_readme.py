"""The Python examples of both READMEs run as shown, so the READMEs stay true. The PyTorch and
Flax ones are only compiled (neither is a dependency), and so are those that convert to pandas
where pandas is not installed (the package runs on numpy alone)."""

import importlib.util
import re

import pytest

from conftest import ROOT

READMES = [ROOT / "README.md", ROOT / "python" / "README.md"]


def blocks(path):
    return re.findall(r"```python\n(.*?)```", path.read_text(), re.S)


@pytest.mark.parametrize("path", READMES, ids=lambda p: str(p.relative_to(ROOT)))
def test_readme_python_blocks_run(path, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("--widths", "64,256", "--trials", "200", "--quiet")  # the README's quick example
    found = blocks(path)
    assert found, f"{path} shows no Python"
    for code in found:
        compiled = compile(code, str(path), "exec")
        foreign = re.search(r"^import (torch|jax)", code, re.M)
        no_pandas = "to_pandas" in code and importlib.util.find_spec("pandas") is None
        if not (foreign or no_pandas):
            exec(compiled, {})
