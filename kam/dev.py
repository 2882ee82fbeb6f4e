"""`kam dev`: the whole system on one machine, with the embedded defaults."""
import os
import secrets
import signal
import subprocess
import sys
import time

from kombu import Connection

# Two workers: one Python process is held to one core by its GIL, and the gateway is half of a read's CPU
# (bench/read_path.py: 480 → 730 req/s on 2 cores). gthread workers share the listening socket, so a
# burst of keep-alive connections spreads over both.
GATEWAY_WORKERS = 2
DIRECT_PORT_BASE = 8100  # the gateway calls the services directly (kam.direct); KAM_DIRECT_PORT_BASE=off: RPC


def broker_problem(amqp_uri):
    """None when RabbitMQ answers; otherwise one line saying what is wrong and how to start it."""
    try:
        with Connection(amqp_uri, connect_timeout=3) as connection:
            connection.ensure_connection(max_retries=1, timeout=3)
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
        shown = Connection(amqp_uri).as_uri()
        return (f"RabbitMQ is not reachable at {shown} ({type(error).__name__}); start it with "
                "`rabbitmq-server -detached` or `docker compose up -d rabbitmq`, or set KAM_AMQP_URI.")
    return None


def prepare(plugins, settings, extra_migrations=()):
    """Migrate every database and declare the bus topology."""
    from kam import migrate, topology

    for name, migrations in extra_migrations:
        migrate.upgrade(name, migrations, settings)
    for name, plugin in plugins.items():
        migrate.upgrade(name, plugin.migrations, settings)
    topology.declare(settings.amqp_uri, {name: plugin.load_service() for name, plugin in plugins.items()})


def _stop_on_sigterm(_signum, _frame):
    raise KeyboardInterrupt


def in_a_child(function):
    """`module:function` called in a fresh interpreter: what it loads (every service, alembic) leaves with
    it, so this process, which only watches its children, stays small (166 MB after preparing in-process)."""
    module, name = function.split(":")
    return subprocess.run([sys.executable, "-c", f"import {module}; {module}.{name}()"]).returncode


def run(settings, port, prepare_everything):
    """`prepare_everything`: `module:function` that migrates and declares, called in a child."""
    problem = broker_problem(settings.amqp_uri)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if in_a_child(prepare_everything) != 0:
        print("kam dev: preparing the databases and the bus failed (above)", file=sys.stderr)
        return 1
    kam = [sys.executable, "-m", "kam"]
    commands = {
        "services": kam + ["serve"],
        "relay": kam + ["relay"],
        "gateway": kam + ["gateway", "--port", str(port), "--workers", str(GATEWAY_WORKERS)],
    }
    signal.signal(signal.SIGTERM, _stop_on_sigterm)  # as Ctrl-C does: the children stop with us
    env = {"KAM_LOCAL_CALLS": "on", "KAM_DIRECT_PORT_BASE": str(DIRECT_PORT_BASE),
           "KAM_DIRECT_SECRET": secrets.token_hex(32),  # this run's
           **os.environ, "KAM_SECRET_KEY": settings.secret_key,
           "KAM_ENCRYPTION_KEY": settings.encryption_key}
    children = {name: subprocess.Popen(command, env=env) for name, command in commands.items()}
    print(f"KAM 大客户管理系统 is up: http://127.0.0.1:{port}/  (API docs: /api/docs; Ctrl-C stops it)",
          flush=True)
    try:
        while all(child.poll() is None for child in children.values()):
            time.sleep(0.5)
        failed = [name for name, child in children.items() if child.poll() is not None]
        print(f"stopped because {', '.join(failed)} exited", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children.values():
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
