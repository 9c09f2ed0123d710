# A class on one server: JupyterHub for the okrkit course (docs/deploy.md explains every choice).
#
#   make hub                     # installs the hub and its proxy, then starts this file
#   .venv/bin/jupyterhub -f deploy/jupyterhub_config.py
#
# Every setting a class may want to change is an environment variable, read below:
#   OKRKIT_HUB_IP / OKRKIT_HUB_PORT   where learners connect (default 127.0.0.1:8000; 0.0.0.0 for a class)
#   OKRKIT_INSTRUCTOR                 the instructor's user name, the hub's admin (default "instructor")
#   OKRKIT_HUB_OPEN_SIGNUP=1          anyone reaching the hub may sign up (default: only learners the
#                                     instructor added on the admin page or through the REST API)
#   OKRKIT_HUB_HOMES                  one folder per learner (default .hub/homes)
#   OKRKIT_HUB_STATE                  the hub's database, cookie secret and password file (default .hub/state)
#   OKRKIT_COURSE                     the folder holding notebooks/ and exercises/ (default: this repository)
#   OKRKIT_HUB_MEMORY                 the most memory one learner process may map (default 2G)
#   OKRKIT_HUB_IDLE_MINUTES           a learner's server idle this long is stopped (default 60)
#   OKRKIT_HUB_SPAWNER=unix           run each learner as their own Unix user (the hub runs as root and
#                                     the user names exist on the machine); default: every learner runs
#                                     as the hub's user, each in their own home folder
#   OKRKIT_HUB_SERVICE_TOKEN          an API token for scripts (tests, bulk sign-up) with the admin scopes
#   OKRKIT_HUB_INTERNAL_PORT / OKRKIT_PROXY_API_PORT   the hub's and the proxy's private ports (8081, 8001)
import os
import sys
from pathlib import Path

from okrkit.classroom.hub import hand_out, launcher

c = get_config()  # noqa: F821 - JupyterHub provides get_config to its configuration file

ROOT = Path(__file__).resolve().parents[1]
HUB = ROOT / ".hub"
STATE = Path(os.environ.get("OKRKIT_HUB_STATE", HUB / "state"))
HOMES = Path(os.environ.get("OKRKIT_HUB_HOMES", HUB / "homes"))
COURSE = Path(os.environ.get("OKRKIT_COURSE", ROOT))
INSTRUCTOR = os.environ.get("OKRKIT_INSTRUCTOR", "instructor")
UNIX_USERS = os.environ.get("OKRKIT_HUB_SPAWNER", "simple") == "unix"
for folder in (STATE, HOMES):
    folder.mkdir(parents=True, exist_ok=True, mode=0o700 if folder == STATE else 0o755)

# Where learners connect; the hub and the proxy talk on loopback only.
c.JupyterHub.ip = os.environ.get("OKRKIT_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("OKRKIT_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("OKRKIT_HUB_INTERNAL_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('OKRKIT_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [str(HUB / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every learner's server

# Sign-in: each learner chooses a password at their first login (FirstUseAuthenticator).
c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
c.FirstUseAuthenticator.dbm_path = str(STATE / "passwords.dbm")
c.FirstUseAuthenticator.create_users = os.environ.get("OKRKIT_HUB_OPEN_SIGNUP") == "1"
c.FirstUseAuthenticator.min_password_length = 8
c.Authenticator.admin_users = {INSTRUCTOR}

# Each learner's server: JupyterLab on the course, in their own home, within the class's limits.
if UNIX_USERS:
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
else:
    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
    if os.geteuid() == 0:  # containers and CI run as root: the servers run as the hub's user
        c.Spawner.args = ["--ServerApp.allow_root=True"]
SERVER = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.cmd = SERVER
c.Spawner.ip = "127.0.0.1"  # learners reach their server through the proxy only
c.Spawner.default_url = "/lab/tree/notebooks/00_start_here.ipynb"
c.Spawner.mem_limit = os.environ.get("OKRKIT_HUB_MEMORY", "2G")
# Fewer malloc arenas: each thread's 64 MB arena counts against the address-space cap, not against RAM.
c.Spawner.environment = {"MALLOC_ARENA_MAX": "2"}
c.Spawner.cpu_limit = 1.0  # enforced by Kubernetes (deploy/z2jh-values.yaml); on one server, a lower priority
c.Spawner.start_timeout = 180  # twenty learners logging in at once on a small server
c.Spawner.http_timeout = 120


def _home(spawner) -> Path:
    if UNIX_USERS:
        import pwd

        return Path(pwd.getpwnam(spawner.user.name).pw_dir)
    return Path(spawner.home_dir)


def prepare_learner(spawner) -> None:
    """Hand out the course (never over the learner's own files), then start within the limits."""
    home = _home(spawner)
    owner = None
    if UNIX_USERS:
        import pwd

        entry = pwd.getpwnam(spawner.user.name)
        owner = (entry.pw_uid, entry.pw_gid)
    copied = hand_out(COURSE, home, owner)
    spawner.log.info("okrkit: %d course files handed out to %s", len(copied), spawner.user.name)
    spawner.cmd = launcher(SERVER, spawner.mem_limit, niceness=5)


c.Spawner.pre_spawn_hook = prepare_learner

# Idle culling: a server unused for an hour gives its memory back (the learner's files stay).
IDLE_SECONDS = 60 * int(os.environ.get("OKRKIT_HUB_IDLE_MINUTES", "60"))
c.JupyterHub.services = [
    {"name": "idle-culler",
     "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={IDLE_SECONDS}", "--cull-every=60"]},
]
c.JupyterHub.load_roles = [
    {"name": "idle-culler", "services": ["idle-culler"],
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
]
if os.environ.get("OKRKIT_HUB_SERVICE_TOKEN"):
    c.JupyterHub.services.append({"name": "okrkit-class", "api_token": os.environ["OKRKIT_HUB_SERVICE_TOKEN"]})
    c.JupyterHub.load_roles.append(
        {"name": "okrkit-class", "services": ["okrkit-class"],
         "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"]})
