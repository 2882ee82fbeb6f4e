"""`kam dev`: the whole system on one machine, with the embedded defaults."""
import os
import secrets
import signal
import socket
import subprocess
import sys
import time

from kombu import Connection

# Two gateways, one gthread worker each, sharing the port (SO_REUSEPORT): one Python process is held to
# one core by its GIL, and with hosted calls the gateway is nearly all of a read's CPU. Two workers of one
# gunicorn share its listening socket and race to accept: under wrk one took all 16 keep-alive connections
# (2.27 ms and 0.01 ms of CPU a request), where the kernel spreads connections over two sockets by hash.
GATEWAYS = 2
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


def port_problem(port):
    """None when the gateway's port is free. The gateways share it (SO_REUSEPORT), so one left running
    from an earlier start would otherwise take half the connections without a word."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return f"端口 {port} 已被占用 port {port} is in use: stop what listens there, or choose another with --port"
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
    problem = broker_problem(settings.amqp_uri) or port_problem(port)
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
        **{f"gateway-{n}": kam + ["gateway", "--port", str(port), "--workers", "1", "--reuse-port"]
           for n in range(1, GATEWAYS + 1)},
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
