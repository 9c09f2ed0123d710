"""A class on the real hub (deploy/jupyterhub_config.py), driven as learners would drive it.

Starts JupyterHub with its proxy on 127.0.0.1 (free ports, a throwaway state and homes
folder), adds learners through the REST API, starts their servers, and in each learner's
kernel (Jupyter server REST and kernel websocket API) checks a draft and the exercise
answer, then saves the answered exercise notebook. Memory is read from /proc through psutil
as proportional set size (PSS: shared pages split between the processes that share them),
per learner (their server and kernel) and for the whole hub. Used by tests/test_hub_class.py
(20 learners) and benchmarks/bench_hub.py. Every process started is stopped in bounded time.
"""
from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "deploy" / "jupyterhub_config.py"
PROXY = ROOT / ".hub" / "node_modules" / ".bin" / "configurable-http-proxy"
EXERCISE = "exercises/02_anatomy_of_a_strong_okr.ipynb"
DRAFT = ("Team: Marketing\nCycle: 2025-Q2\nO: Win the mid-market with a clear go-to-market\n"
         "KR: Increase qualified leads from 200 to 400\nKR: Raise win rate from 20% to 30%\n"
         "KR: Cut sales cycle from 60 to 45 days\n")
TO_CHECK = ("Team: Marketing\nCycle: 2025-Q2\nO: Focus on Go To Market\n"
            "KR: Send 100% of scheduled newsletters\nKR: Acquire more leads\n")  # notebook 00's draft, with findings
# What a learner's kernel holds mid-course: the kit, its widgets, and the lessons' pandas and matplotlib.
KERNEL_CODE = f"""import json, okrkit, okrkit.widgets, pandas, matplotlib.pyplot
from okrkit.exercises import assess
answer = {DRAFT!r}
print(json.dumps({{"codes": sorted(okrkit.check(okrkit.parse({TO_CHECK!r})).codes),
                  "passed": assess("02-1", answer).passed}}))
"""
MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Hub:
    url: str  # the public side, on loopback
    token: str  # the okrkit-class service's API token
    homes: Path
    process: subprocess.Popen
    log: Path

    def headers(self) -> dict:
        return {"Authorization": f"token {self.token}"}


@dataclass
class Learner:
    name: str
    codes: list[str] = field(default_factory=list)  # what the checker found in the kernel
    passed: bool = False  # the exercise's check, run in the kernel
    saved: bool = False  # the answered exercise notebook was saved through the server
    seconds_to_start: float = 0.0


@contextmanager
def running_hub(folder: Path, idle_minutes: int = 60, start_timeout: float = 90):
    """The class hub, up and answering, stopped (and its learners' servers with it) on leaving."""
    if not PROXY.exists():
        raise FileNotFoundError(f"no configurable-http-proxy at {PROXY}; run `make hub-install`")
    ports = {name: free_port() for name in ("OKRKIT_HUB_PORT", "OKRKIT_HUB_INTERNAL_PORT", "OKRKIT_PROXY_API_PORT")}
    token = secrets.token_hex(24)
    env = {**os.environ, **{k: str(v) for k, v in ports.items()}, "OKRKIT_HUB_IP": "127.0.0.1",
           "OKRKIT_HUB_STATE": str(folder / "state"), "OKRKIT_HUB_HOMES": str(folder / "homes"),
           "OKRKIT_HUB_SERVICE_TOKEN": token, "OKRKIT_HUB_IDLE_MINUTES": str(idle_minutes),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    log = folder / "jupyterhub.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)], cwd=folder, env=env,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    hub = Hub(f"http://127.0.0.1:{ports['OKRKIT_HUB_PORT']}", token, folder / "homes", process, log)
    try:
        _wait_until_up(hub, start_timeout)
        yield hub
    finally:
        stop(hub)


def _wait_until_up(hub: Hub, timeout: float) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            raise RuntimeError(f"the hub exited at start; see {hub.log}")
        try:
            request = urllib.request.Request(f"{hub.url}/hub/api/users", headers=hub.headers())
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"the hub did not answer within {timeout:g} s; see {hub.log}")


def stop(hub: Hub, timeout: float = 60) -> None:
    """SIGTERM: the hub stops every learner's server and its proxy; whatever is left is killed."""
    import psutil

    try:
        family = psutil.Process(hub.process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    if hub.process.poll() is None:
        hub.process.send_signal(signal.SIGTERM)
        try:
            hub.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(hub.process.pid, signal.SIGKILL)
            hub.process.wait()
    _, alive = psutil.wait_procs(family, timeout=10)
    for process in alive:
        process.kill()
    psutil.wait_procs(alive, timeout=10)


async def _api(hub: Hub, method: str, path: str, body: object = None, ok=(200, 201, 202, 204)):
    from tornado.httpclient import AsyncHTTPClient, HTTPClientError

    try:
        response = await AsyncHTTPClient().fetch(
            f"{hub.url}{path}", method=method, headers=hub.headers(), request_timeout=180,
            body=None if body is None and method in ("GET", "DELETE") else json.dumps(body or {}),
            allow_nonstandard_methods=True)
    except HTTPClientError as error:
        raise RuntimeError(f"{method} {path} answered {error.code}") from None
    if response.code not in ok:
        raise RuntimeError(f"{method} {path} answered {response.code}")
    return json.loads(response.body) if response.body else None


async def _start_server(hub: Hub, learner: Learner, timeout: float) -> None:
    started = time.monotonic()
    await _api(hub, "POST", f"/hub/api/users/{learner.name}/server")
    while not (await _api(hub, "GET", f"/hub/api/users/{learner.name}"))["servers"].get("", {}).get("ready"):
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"{learner.name}'s server did not start within {timeout:g} s")
        await asyncio.sleep(1)
    learner.seconds_to_start = time.monotonic() - started


async def _execute(hub: Hub, learner: Learner, kernel_id: str, code: str, timeout: float = 120) -> str:
    """Run code in the learner's kernel over the kernel websocket; its standard output."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = f"{hub.url.replace('http', 'ws', 1)}/user/{learner.name}/api/kernels/{kernel_id}/channels"
    socket = await websocket_connect(HTTPRequest(url, headers=hub.headers(), request_timeout=timeout))
    msg_id, out, replied, idle = uuid.uuid4().hex, [], False, False
    socket.write_message(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": learner.name,
                   "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    try:
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            message = await asyncio.wait_for(socket.read_message(), max(0.1, deadline - time.monotonic()))
            if message is None:
                raise RuntimeError(f"{learner.name}'s kernel closed the connection")
            message = json.loads(message)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream" and content.get("name") == "stdout":
                out.append(content["text"])
            elif kind == "error":
                raise RuntimeError(f"{learner.name}'s kernel: {content['ename']}: {content['evalue']}")
            replied |= kind == "execute_reply"
            idle |= kind == "status" and content.get("execution_state") == "idle"
    finally:
        socket.close()
    return "".join(out)


def answered(notebook: dict, exercise_id: str, value: str) -> dict:
    """The notebook with the learner's answer typed into the exercise's answer cell."""
    from okrkit.exercises.record import literal

    for cell in notebook["cells"]:
        if cell.get("metadata", {}).get("okrkit") == {"exercise": exercise_id, "role": "answer"}:
            cell["source"] = f"# exercise {exercise_id}\nanswer = {literal(value)}\n"
            return notebook
    raise LookupError(f"no answer cell for {exercise_id}")


async def _work(hub: Hub, learner: Learner) -> str:
    """Open a kernel, check the draft and the answer in it, save the answered exercise; the kernel id."""
    base = f"/user/{learner.name}/api"
    kernel = await _api(hub, "POST", f"{base}/kernels", {"name": "python3"})
    result = json.loads((await _execute(hub, learner, kernel["id"], KERNEL_CODE)).strip().splitlines()[-1])
    learner.codes, learner.passed = result["codes"], result["passed"]
    model = await _api(hub, "GET", f"{base}/contents/{EXERCISE}?content=1")
    notebook = answered(model["content"], "02-1", DRAFT)
    await _api(hub, "PUT", f"{base}/contents/{EXERCISE}", {"type": "notebook", "format": "json", "content": notebook})
    learner.saved = True
    return kernel["id"]


async def _class(hub: Hub, learners: list[Learner], parallel: int, start_timeout: float) -> dict[str, str]:
    from tornado.httpclient import AsyncHTTPClient

    AsyncHTTPClient.configure(None, max_clients=2 * len(learners) + 4)
    await _api(hub, "POST", "/hub/api/users", {"usernames": [learner.name for learner in learners]}, ok=(201,))
    gate = asyncio.Semaphore(parallel)  # a server's start and a kernel's imports are CPU-bound

    async def one(learner: Learner) -> str:
        async with gate:
            await _start_server(hub, learner, start_timeout)
            return await _work(hub, learner)

    kernels = await asyncio.gather(*(one(learner) for learner in learners))
    return {learner.name: kernel for learner, kernel in zip(learners, kernels)}


def add_learners(hub: Hub, names: list[str]) -> None:
    """Add learners as an instructor would on the admin page, through the REST API."""
    asyncio.run(_api(hub, "POST", "/hub/api/users", {"usernames": names}, ok=(201,)))


def run_class(hub: Hub, names: list[str], parallel: int = 4, start_timeout: float = 180) -> list[Learner]:
    """Add the learners, start their servers and do their work; their kernels stay running."""
    learners = [Learner(name) for name in names]
    asyncio.run(_class(hub, learners, parallel, start_timeout))
    return learners


def memory(hub: Hub) -> dict:
    """PSS in MB: each learner's server with its kernels, their mean and largest, and the hub in all."""
    import psutil

    root = psutil.Process(hub.process.pid)
    everything = [root, *root.children(recursive=True)]
    per_learner: dict[str, float] = {}
    total = 0.0
    for process in everything:
        try:
            pss = process.memory_full_info().pss / MB
            user = process.environ().get("JUPYTERHUB_USER") if process.pid != root.pid else None
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        total += pss
        if user:
            per_learner[user] = per_learner.get(user, 0.0) + pss
    values = list(per_learner.values()) or [0.0]
    return {"learners": len(per_learner), "per_learner_mb": round(sum(values) / len(values), 1),
            "largest_learner_mb": round(max(values), 1), "hub_and_proxy_mb": round(total - sum(values), 1),
            "total_mb": round(total, 1), "each": {k: round(v, 1) for k, v in sorted(per_learner.items())}}


def format_memory(figures: dict) -> str:
    return (f"memory: {figures['per_learner_mb']:g} MB per learner (largest {figures['largest_learner_mb']:g} MB), "
            f"{figures['hub_and_proxy_mb']:g} MB for the hub, proxy and culler, "
            f"{figures['total_mb']:g} MB in all for {figures['learners']} learners (PSS)")
