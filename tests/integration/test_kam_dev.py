"""`kam dev` stops everything it started, on Ctrl-C and on SIGTERM alike, and starts on a free port only."""
import os
import signal
import socket
import subprocess
import sys

import requests

from kam import testing


def children_of(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_kam_dev_on_sigterm_leaves_no_child_running(tmp_path):
    vhost = testing.create_vhost()
    port = testing.free_port()
    env = testing.kam_env({"KAM_AMQP_URI": vhost, "KAM_DATA_DIR": str(tmp_path)})
    dev = subprocess.Popen([sys.executable, "-m", "kam", "dev", "--port", str(port)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        testing.wait_until(lambda: _healthy(port), timeout=150, interval=0.5, message="kam dev to be up")
        started = children_of(dev.pid)
        assert len(started) == 4, started  # services, relay, two gateways sharing the port
        dev.send_signal(signal.SIGTERM)
        assert dev.wait(30) == 0
        testing.wait_until(lambda: not any(alive(pid) for pid in started), timeout=15,
                           message="every child of kam dev to stop")
    finally:
        try:
            os.killpg(dev.pid, signal.SIGKILL)  # whatever happened, this test leaves nothing running
        except ProcessLookupError:
            pass
        testing.delete_vhost(vhost)


def test_kam_dev_says_in_one_line_that_its_port_is_in_use_and_starts_nothing(tmp_path):
    vhost = testing.create_vhost()
    env = testing.kam_env({"KAM_AMQP_URI": vhost, "KAM_DATA_DIR": str(tmp_path)})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        try:
            result = subprocess.run([sys.executable, "-m", "kam", "dev", "--port", str(port)], env=env,
                                    capture_output=True, text=True, timeout=60)
        finally:
            testing.delete_vhost(vhost)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (f"端口 {port} 已被占用 port {port} is in use: stop what listens there, "
                                                     "or choose another with --port")
    assert not (tmp_path / "customers.db").exists()  # nothing was migrated, nothing started


def _healthy(port):
    try:
        return requests.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200
    except requests.RequestException:
        return False
