"""`make run`'s own steps on a fresh machine: `kam db upgrade` and `kam demo` on the embedded SQLite
default load every service's demo department, once."""
import subprocess
import sys

from kam import testing
from kam.plugins import discover


def kam(*args, env):
    return subprocess.run([sys.executable, "-m", "kam", *args], env=env, capture_output=True, text=True, timeout=300)


def test_kam_demo_loads_every_services_demo_on_sqlite_and_only_once(tmp_path):
    vhost = testing.create_vhost()
    env = testing.kam_env({"KAM_AMQP_URI": vhost, "KAM_DATA_DIR": str(tmp_path)})
    try:
        assert kam("db", "upgrade", env=env).returncode == 0
        first = kam("demo", env=env)
        assert first.returncode == 0, first.stderr
        with_demo = [name for name, plugin in discover().items() if plugin.demo]
        loaded = {line.split(":")[0]: line for line in first.stdout.splitlines() if ":" in line}
        assert all(name in loaded and "already" not in loaded[name] for name in with_demo), first.stdout
        again = kam("demo", env=env)
        assert again.returncode == 0 and again.stdout.count("already loaded") >= len(with_demo) - 1, again.stdout
    finally:
        testing.delete_vhost(vhost)
