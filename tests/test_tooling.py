"""Checks on the project's own tooling: the ./run script, pins, and packaging metadata."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*==[A-Za-z0-9.+!-]+$")


def test_run_script_is_valid_posix_sh() -> None:
    run = ROOT / "run"
    assert run.stat().st_mode & 0o111, "run must be executable"
    subprocess.run(["sh", "-n", str(run)], check=True)


@pytest.mark.parametrize("name", ["run", "pr-check"])
def test_ci_scripts_are_valid_bash(name: str) -> None:
    ci = ROOT / ".ci" / name
    assert ci.stat().st_mode & 0o111, f".ci/{name} must be executable"
    subprocess.run(["bash", "-n", str(ci)], check=True)


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck not installed")
def test_run_script_passes_shellcheck() -> None:
    scripts = [ROOT / "run", ROOT / ".ci" / "run", ROOT / ".ci" / "pr-check"]
    subprocess.run(["shellcheck", *map(str, scripts)], check=True)


def test_run_help_lists_commands() -> None:
    out = subprocess.run(
        [str(ROOT / "run"), "help"], check=True, capture_output=True, text=True
    ).stdout
    for cmd in ("build", "test", "check", "serve", "lint", "bench"):
        assert f"./run {cmd}" in out


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_requirements_are_fully_pinned(name: str) -> None:
    lines = [
        line.strip()
        for line in (ROOT / name).read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines
    for line in lines:
        if line.startswith("-r "):
            assert (ROOT / line[3:].strip()).is_file(), line
            continue
        assert PIN.match(line), f"{name}: not pinned with ==: {line!r}"


def test_runtime_pins_cover_declared_dependencies() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if "==" in line
    }
    for dep in pyproject["project"]["dependencies"]:
        name = re.split(r"[<>=!~\[; ]", dep, maxsplit=1)[0].lower().replace("_", "-")
        assert name in pinned, f"{name} declared in pyproject.toml but not pinned"


def test_pyproject_declares_mkdocs_plugin() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = pyproject["project"]
    assert project["name"] == "cluster-panels"
    eps = project["entry-points"]["mkdocs.plugins"]
    assert eps["cluster-panels"] == "generator.mkdocs_plugin:ClusterPanelsPlugin"
    assert pyproject["tool"]["setuptools"]["packages"]["find"]["include"] == ["generator*"]


def test_npm_dev_dependencies_pinned_exactly() -> None:
    import json

    pkg = json.loads((ROOT / "package.json").read_text())
    deps = pkg["devDependencies"]
    assert {"ical.js", "axe-core", "vnu-jar"} <= deps.keys()
    for name, version in deps.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} not pinned exactly: {version}"
    lock = json.loads((ROOT / "package-lock.json").read_text())
    for name, version in deps.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


@pytest.mark.parametrize("form", [["--data", "DIR"], ["--data=DIR"]])
def test_run_check_lists_the_placeholders_of_the_folder_it_checked(
    tmp_path: Path, form: list[str]
) -> None:
    data = tmp_path / "force-data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "data", data)
    publisher = data / "publisher.yaml"
    publisher.write_text(
        publisher.read_text(encoding="utf-8").replace(
            "committee: ", "committee: '[committee to be set by the force]' # was: ", 1
        ),
        encoding="utf-8",
    )
    args = [part.replace("DIR", str(data)) for part in form]
    done = subprocess.run(
        ["./run", "check", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    said = done.stdout + done.stderr
    assert "placeholder [committee to be set by the force] is still in the configuration" in said
    assert "placeholder: data/publisher.yaml" not in said
