"""The gateway's `kam` subcommands: `kam user add`, `kam gateway`, `kam demo`."""
import sys
from pathlib import Path

MIGRATIONS = [("gateway", Path(__file__).parent / "migrations")]


def cmd_user_add(args):
    from gateway.users import UserStore
    from kam.config import get_settings
    from kam.errors import KamError

    try:
        user = UserStore(get_settings()).add(args.username, args.password, args.role, args.display_name)
    except KamError as error:
        print(f"{error.detail} {error.errors or ''}".strip(), file=sys.stderr)
        return 1
    print(f"added {user.username} ({user.role}) id={user.id}")


def cmd_gateway(args):
    import os

    from kam.config import get_settings
    from kam.keys import require_keys

    settings = get_settings()
    require_keys(settings, sealing=settings.local_calls)  # it signs tokens; it seals only when it hosts services
    shared_port = ["--reuse-port"] if args.reuse_port else []
    os.execvp(sys.executable, [sys.executable, "-m", "gunicorn", "gateway.wsgi:app", *shared_port,
                               "--bind", f"{args.host}:{args.port}", "--workers", str(args.workers),
                               "--worker-class", "gthread", "--threads", str(args.threads),
                               "--timeout", "60", "--graceful-timeout", "10",
                               # the gateway refuses long addresses itself, as a problem (gateway/app.py)
                               "--limit-request-line", "0",
                               # idle keep-alive connections stay open longer than a client or proxy
                               # keeps them (gunicorn's 2 s made clients send on a closing connection)
                               "--keep-alive", "75"])


def cmd_demo(args):
    from gateway.demo import load_demo

    return load_demo()


def register(sub):
    from kam.identity import ROLES

    user = sub.add_parser("user", help="users of the gateway").add_subparsers(dest="user_command", required=True)
    add = user.add_parser("add", help="add a user")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--password", required=True)
    add.add_argument("--display-name", dest="display_name")
    add.set_defaults(func=cmd_user_add)

    gateway = sub.add_parser("gateway", help="serve the HTTP gateway with gunicorn")
    gateway.add_argument("--host", default="127.0.0.1")
    gateway.add_argument("--port", type=int, default=8000)
    gateway.add_argument("--workers", type=int, default=2)
    gateway.add_argument("--threads", type=int, default=8)
    gateway.add_argument("--reuse-port", action="store_true",
                         help="share the port with other gateways on this host (SO_REUSEPORT): the kernel "
                              "spreads new connections over them")
    gateway.set_defaults(func=cmd_gateway)

    demo = sub.add_parser("demo", help="load a demo department: a user for every role, and demo data")
    demo.set_defaults(func=cmd_demo)
