"""The deployment files agree with each other: the one-server hub's configuration loads and does
what docs/deploy.md says, and the Kubernetes values name the image deploy/Dockerfile builds from
environment.yml, with the same limits (no cluster runs here, so this is how far it is checked)."""
import logging
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import tomllib
import yaml

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
VALUES = yaml.safe_load((DEPLOY / "z2jh-values.yaml").read_text(encoding="utf-8"))
DOCKERFILE = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.fixture
def hub_config(tmp_path, monkeypatch):
    """deploy/jupyterhub_config.py loaded as JupyterHub loads it, with its folders in tmp_path."""
    from traitlets.config import Config

    for name in ("OKRKIT_HUB_IP", "OKRKIT_HUB_MEMORY", "OKRKIT_HUB_IDLE_MINUTES", "OKRKIT_HUB_SPAWNER",
                 "OKRKIT_HUB_SERVICE_TOKEN", "OKRKIT_HUB_OPEN_SIGNUP", "OKRKIT_INSTRUCTOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OKRKIT_HUB_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("OKRKIT_HUB_HOMES", str(tmp_path / "homes"))
    config = Config()
    path = DEPLOY / "jupyterhub_config.py"
    namespace = {"get_config": lambda: config, "__file__": str(path), "__name__": "jupyterhub_config"}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102 - our own file
    return config


def test_the_hub_listens_on_loopback_with_the_instructor_as_admin_and_culls_idle_servers(hub_config):
    assert hub_config.JupyterHub.ip == "127.0.0.1" and hub_config.JupyterHub.hub_ip == "127.0.0.1"
    assert hub_config.Spawner.ip == "127.0.0.1" and hub_config.ConfigurableHTTPProxy.api_url.startswith("http://127.0.0.1:")
    assert hub_config.JupyterHub.authenticator_class == "firstuseauthenticator.FirstUseAuthenticator"
    assert hub_config.FirstUseAuthenticator.create_users is False
    assert hub_config.Authenticator.admin_users == {"instructor"}
    culler = next(s for s in hub_config.JupyterHub.services if s["name"] == "idle-culler")
    assert "--timeout=3600" in culler["command"]
    assert all(s["name"] != "okrkit-class" for s in hub_config.JupyterHub.services)  # no API token unless asked


def test_a_spawn_hands_out_the_course_and_starts_the_server_within_the_limits(hub_config, tmp_path):
    home = tmp_path / "homes" / "ana"
    spawner = SimpleNamespace(home_dir=str(home), user=SimpleNamespace(name="ana"), log=logging.getLogger("test"),
                              mem_limit=2 * 1024 ** 3, cmd=list(hub_config.Spawner.cmd))
    for _ in range(2):  # a second start wraps the command once, not twice
        hub_config.Spawner.pre_spawn_hook(spawner)
    assert (home / "notebooks" / "00_start_here.ipynb").is_file() and (home / "exercises").is_dir()
    assert spawner.cmd == [sys.executable, "-m", "okrkit.classroom.hub", "--memory", str(2 * 1024 ** 3),
                           "--nice", "5", "--", sys.executable, "-m", "jupyterhub.singleuser"]


def test_the_values_name_the_image_the_dockerfile_builds_from_environment_yml():
    image = VALUES["singleuser"]["image"]
    assert f'org.opencontainers.image.title="{image["name"]}"' in DOCKERFILE
    assert image["tag"] == VERSION and f'org.opencontainers.image.version="{VERSION}"' in DOCKERFILE
    assert re.search(r"^COPY .*\benvironment\.yml\b", DOCKERFILE, re.MULTILINE)
    assert re.search(r"^RUN mamba env update --name base --file environment\.yml", DOCKERFILE, re.MULTILINE)
    for folder in ("okrkit", "notebooks", "exercises"):
        assert re.search(rf"^COPY .* {folder} /srv/", DOCKERFILE, re.MULTILINE), folder
    assert "/srv/okrkit-course/notebooks /srv/okrkit-course/exercises" in \
        VALUES["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"][-1]


def test_kubernetes_and_one_server_apply_the_same_limits_and_defaults(hub_config):
    single = VALUES["singleuser"]
    assert single["memory"]["limit"] == hub_config.Spawner.mem_limit
    assert single["cpu"]["limit"] == hub_config.Spawner.cpu_limit
    assert single["defaultUrl"] == hub_config.Spawner.default_url
    assert VALUES["cull"]["enabled"] and f"--timeout={VALUES['cull']['timeout']}" in \
        next(s for s in hub_config.JupyterHub.services if s["name"] == "idle-culler")["command"]
    assert set(VALUES["hub"]["config"]["Authenticator"]["admin_users"]) == hub_config.Authenticator.admin_users
    assert VALUES["hub"]["config"]["JupyterHub"]["authenticator_class"] == hub_config.JupyterHub.authenticator_class
    assert single["extraEnv"]["MALLOC_ARENA_MAX"] == hub_config.Spawner.environment["MALLOC_ARENA_MAX"]


def test_the_deployment_is_documented():
    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    for name in ("make hub", "okrkit collect", "okrkit return", "z2jh-values.yaml", "Dockerfile", "nbgrader"):
        assert name in guide, name
    assert Path(ROOT / "environment.yml").is_file()
