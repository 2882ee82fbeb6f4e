"""The `kam` command. Command plugins (entry-point group `kam.commands`) add their own subcommands."""
import argparse
import json
import sys
from importlib.metadata import entry_points

COMMAND_GROUP = "kam.commands"


def _settings():
    from kam.config import get_settings

    return get_settings()


def _plugins(names=()):
    from kam.plugins import discover, select_plugins

    return select_plugins(discover(), names)


def cmd_serve(args):
    from kam.keys import require_keys, uses_encryption_key
    from kam.logs import configure
    from kam.runner import serve

    plugins = _plugins(args.services)
    sealing = uses_encryption_key(plugin.load_service() for plugin in plugins.values())
    settings = require_keys(_settings(), jwt=False, sealing=sealing)  # services never see the JWT secret
    configure()
    serve(plugins, settings)


def cmd_relay(args):
    from kam.logs import configure
    from kam.relay import heartbeat_is_fresh, run_relays

    if args.check:
        return 0 if heartbeat_is_fresh() else 1
    configure()
    run_relays(_plugins(args.services), _settings())


def cmd_bus_declare(args):
    from kam.topology import declare

    plugins = _plugins()
    for queue in declare(_settings().amqp_uri, {name: p.load_service() for name, p in plugins.items()}):
        print(queue)


def cmd_db_upgrade(args):
    from kam.migrate import upgrade

    settings = _settings()
    for name, migrations in extra_migrations():
        upgrade(name, migrations, settings)
        print(f"{name}: up to date")
    for name, plugin in _plugins().items():
        upgrade(name, plugin.migrations, settings)
        print(f"{name}: up to date")


def _database_names():
    return [name for name, _ in extra_migrations()] + list(_plugins())


def cmd_db_backup(args):
    from kam.backup import backup

    print(backup(_database_names(), _settings(), args.to))


def cmd_db_restore(args):
    from kam.backup import restore

    restore(_database_names(), _settings(), args.folder)
    print(f"restored every database from {args.folder}")


def cmd_events_failed(args):
    from kam.replay import FailedEvents

    failed = FailedEvents(_plugins(), _settings())
    rows = failed.pending()
    for row in rows:
        print(json.dumps({"key": f"{row['service']}:{row['id']}", "event_id": row["event_id"],
                          "type": row["envelope"].get("type"), "consumer": row["consumer"],
                          "attempts": row["attempts"], "failed_at": row["failed_at"].isoformat(),
                          "error": row["error"]}, ensure_ascii=False))
    print(f"{len(rows)} failed event(s)", file=sys.stderr)


def cmd_events_replay(args):
    from kam.replay import FailedEvents

    if not args.all and not args.keys:
        raise SystemExit("name failed events as SERVICE:ID (see `kam events failed`), or pass --all")
    replayed = FailedEvents(_plugins(), _settings()).replay(None if args.all else args.keys)
    for key in replayed:
        print(key)
    print(f"{len(replayed)} event(s) replayed", file=sys.stderr)


def cmd_ping(args):
    """Exit 0 when every named service (or all) answers its health RPC; for container healthchecks."""
    from nameko.standalone.rpc import ClusterRpcProxy

    settings, names = _settings(), list(_plugins(args.services))
    failed = []
    with ClusterRpcProxy({"AMQP_URI": settings.amqp_uri}, timeout=args.timeout) as cluster:
        for name in names:
            try:
                cluster[name].health()
                print(f"{name}: ok")
            except Exception as error:  # noqa: BLE001 - any failure to answer is "unavailable"
                failed.append(name)
                print(f"{name}: unavailable ({type(error).__name__})")
    return 1 if failed else 0


def cmd_plugins(args):
    if args.markdown:
        from kam.catalog import markdown

        print(markdown(_plugins()), end="")
        return 0
    for name, plugin in _plugins().items():
        print(f"{name}\t{plugin.description}\tpublishes: {', '.join(plugin.published()) or '-'}"
              f"\tconsumes: {', '.join(plugin.consumes()) or '-'}")


def extra_migrations():
    """(name, folder) of databases that are not services' (the gateway's), from command plugins."""
    found = []
    for entry in entry_points(group=COMMAND_GROUP):
        module = entry.load()
        found += list(getattr(module, "MIGRATIONS", ()))
    return found


def cmd_dev(args):
    from kam.dev import run
    from kam.keys import with_dev_keys
    from kam.logs import configure

    configure()
    settings, note = with_dev_keys(_settings())
    if note:
        print(f"kam dev: {note}", file=sys.stderr, flush=True)
    return run(settings, args.port, "kam.cli:prepare_for_dev")


def prepare_for_dev():
    """kam dev's migrations and bus topology (in a child process of its own: kam.dev.in_a_child)."""
    from kam.dev import prepare
    from kam.keys import with_dev_keys
    from kam.logs import configure

    configure()
    settings, _ = with_dev_keys(_settings())
    prepare(_plugins(), settings, extra_migrations())


def build_parser():
    parser = argparse.ArgumentParser(prog="kam", description="KAM 大客户管理系统 — key-account management")
    sub = parser.add_subparsers(dest="command", required=True)

    dev = sub.add_parser("dev", help="run every service, the relay and the gateway on this machine")
    dev.add_argument("--port", type=int, default=8000)
    dev.set_defaults(func=cmd_dev)

    serve = sub.add_parser("serve", help="run nameko services (all, or those named)")
    serve.add_argument("services", nargs="*")
    serve.set_defaults(func=cmd_serve)

    relay = sub.add_parser("relay", help="publish the outboxes of services (all, or those named)")
    relay.add_argument("services", nargs="*")
    relay.add_argument("--check", action="store_true", help="exit 0 if a relay here is alive (healthcheck)")
    relay.set_defaults(func=cmd_relay)

    bus = sub.add_parser("bus", help="the message bus").add_subparsers(dest="bus_command", required=True)
    bus.add_parser("declare", help="declare the exchange and every consumer queue").set_defaults(
        func=cmd_bus_declare)

    db = sub.add_parser("db", help="databases").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="migrate every service's database").set_defaults(func=cmd_db_upgrade)
    backup = db.add_parser("backup", help="back up every database and the files under KAM_DATA_DIR into a new dated folder")
    backup.add_argument("--to", default="backups", help="where the dated folders go (default: ./backups)")
    backup.set_defaults(func=cmd_db_backup)
    restore = db.add_parser("restore", help="restore every database and the files from a backup folder (services stopped)")
    restore.add_argument("folder")
    restore.set_defaults(func=cmd_db_restore)

    events = sub.add_parser("events", help="failed events").add_subparsers(dest="events_command", required=True)
    events.add_parser("failed", help="list events parked after their handler failed").set_defaults(
        func=cmd_events_failed)
    replay = events.add_parser("replay", help="send failed events again to the handler that failed")
    replay.add_argument("keys", nargs="*", metavar="SERVICE:ID")
    replay.add_argument("--all", action="store_true")
    replay.set_defaults(func=cmd_events_replay)

    ping = sub.add_parser("ping", help="check that services answer RPC (exit 1 if one does not)")
    ping.add_argument("services", nargs="*")
    ping.add_argument("--timeout", type=float, default=3.0)
    ping.set_defaults(func=cmd_ping)

    plugins = sub.add_parser("plugins", help="list the installed service plugins and their contracts")
    plugins.add_argument("--markdown", action="store_true", help="the event and RPC catalog (docs/EVENTS.md)")
    plugins.set_defaults(func=cmd_plugins)

    for entry in sorted(entry_points(group=COMMAND_GROUP), key=lambda e: e.name):
        entry.load().register(sub)
    for plugin in _plugins().values():
        register = plugin.load_commands()
        if register is not None:
            register(sub)
    return parser


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["serve"]:
        import eventlet

        eventlet.monkey_patch()
    args = build_parser().parse_args(argv)
    return args.func(args) or 0
