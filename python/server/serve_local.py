"""Runs `mlflow server` for the VS Code extension and ties its life to the extension host's.

Started by the extension with the user's Python:
    python serve_local.py <mlflow server options...>

The server runs in a process group (a session on POSIX) of its own, so it can be stopped with
all its workers at once. This supervisor stops it when any of these happens:
  - its standard input closes (the extension host exited, however it exited: a closed
    browser tab or window does not reliably call the extension's deactivate());
  - its parent process changes (the extension host is gone and the supervisor was re-parented);
  - it receives SIGTERM / SIGINT / SIGHUP;
and exits with the server's exit code when the server stops on its own.

Exit codes of its own: 3 when MLflow is not installed in this Python, 4 when only
mlflow-skinny is (it has no tracking server).
"""
import importlib.util
import os
import signal
import subprocess
import sys
import threading
import time

NO_MLFLOW = 3
SKINNY_ONLY = 4
GRACE_SECONDS = 5.0


def main(argv):
    if importlib.util.find_spec("mlflow") is None:
        sys.stderr.write("MLFLOW_NOT_INSTALLED %s\n" % sys.executable)
        return NO_MLFLOW
    if importlib.util.find_spec("flask") is None or importlib.util.find_spec("sqlalchemy") is None:
        sys.stderr.write("MLFLOW_SKINNY_ONLY %s\n" % sys.executable)
        return SKINNY_ONLY
    command = [sys.executable, "-m", "mlflow", "server"] + argv
    if os.name == "nt":
        server = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                  creationflags=subprocess.CREATE_NEW_PROCESS_GROUP)
    else:
        server = subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True)
    sys.stderr.write("SERVER_PID %d\n" % server.pid)
    sys.stderr.flush()

    stopping = threading.Event()

    def stop(*_):
        stopping.set()

    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(1024):
                pass
        except (OSError, ValueError):
            pass
        stopping.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    parent = os.getppid()

    while not stopping.is_set():
        if server.poll() is not None:
            # The CLI process is gone; its uvicorn/gunicorn child may still hold the port.
            terminate(server)
            return server.returncode
        if os.name != "nt" and os.getppid() != parent:
            break
        stopping.wait(0.5)

    terminate(server)
    return 0


def terminate(server):
    if os.name == "nt":
        subprocess.call(["taskkill", "/PID", str(server.pid), "/T", "/F"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return
    signal_group(server.pid, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    while time.monotonic() < deadline and group_alive(server.pid):
        server.poll()
        time.sleep(0.1)
    if group_alive(server.pid):
        signal_group(server.pid, signal.SIGKILL)
    server.poll()


def signal_group(pgid, sig):
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


if __name__ == "__main__":
    code = main(sys.argv[1:])
    if code < 0:  # the server was killed by a signal: say so the shell's way
        code = 128 - code
    sys.stdout.flush()
    sys.stderr.flush()
    # No interpreter shutdown: the stdin watcher may still be blocked in a read, and
    # finalizing around it aborts the process.
    os._exit(code)
