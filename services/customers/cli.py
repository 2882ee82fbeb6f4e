"""`kam customers import|export|reclassify`: the service's own subcommands."""
import json
import multiprocessing
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from queue import Empty


def register(subparsers):
    customers = subparsers.add_parser("customers", help="customer files: import, export, reclassify")
    sub = customers.add_subparsers(dest="customers_command", required=True)
    imports = sub.add_parser("import", help="import customers from an .xlsx or .csv file")
    imports.add_argument("file", type=Path)
    imports.add_argument("--owner-id", required=True, help="the user id of the developer who will own them")
    imports.add_argument("--report", type=Path, help="where the row-by-row JSON report goes "
                         "(default: beside the file, as <file>.import-report.json)")
    imports.set_defaults(func=cmd_import)
    exports = sub.add_parser("export", help="export every customer (never sensitive data) to .xlsx or .csv")
    exports.add_argument("file", type=Path)
    exports.set_defaults(func=cmd_export)
    sub.add_parser("reclassify", help="score every candidate with the current rules").set_defaults(func=cmd_reclassify)
    sub.add_parser("reseal", help="seal every customer's sensitive data again with the first KAM_ENCRYPTION_KEY"
                   ).set_defaults(func=cmd_reseal)


def _store(role, user_id):
    from kam.config import get_settings
    from kam.identity import Actor
    from kam.service import open_store
    from services.customers.models import metadata

    settings = get_settings()
    actor = Actor(user_id, role)
    return settings, actor, open_store("customers", metadata, settings, actor=actor.as_dict())


def cmd_import(args):
    from kam.errors import KamError
    from kam.keys import require_keys
    from services.customers.handlers.spreadsheets import import_checked
    from services.customers.rules import load_rules
    from services.customers.sealing import Sealer

    settings, actor, store = _store("developer", args.owner_id)
    require_keys(settings)
    report_path = args.report or args.file.with_name(f"{args.file.stem}.import-report.json")
    try:
        now = _now()
        total, batches = _checked_in_a_second_process(args.file, actor, now)
        with _progress(args.file.name) as progress, store.unit_of_work() as uow:
            report = import_checked(uow, actor, now, total, batches, sealer=Sealer(settings), rules=load_rules(),
                                    progress=progress)
            uow.commit()
    except KamError as error:
        raise SystemExit(f"{args.file.name}: {error.detail} {error.errors or ''}") from error
    finally:
        store.close()
    report_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    _print_rejected(report)
    print(f"{args.file.name}: {report['imported']} 行导入, {report['rejected']} 行被拒 "
          f"({report['imported']} imported, {report['rejected']} rejected); 逐行报告 report: {report_path}")
    return 0 if report["rejected"] == 0 else 1


def _checked_in_a_second_process(path, actor, now):
    """(None, batches): `streamed_batches` read, checked and prepared by a second process while this one
    looks up duplicates and writes, so on two cores the import takes about half the time. The total is
    known once the last batch is in."""
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing of this one's state
    queue = context.Queue(maxsize=8)
    reader = context.Process(target=_read_and_check, args=(str(path), actor, now, queue), daemon=True)
    reader.start()

    def batches():
        while (batch := _next(queue, reader)) is not None:
            yield batch
        reader.join()
    return None, batches()


def _read_and_check(path, actor, now, queue):
    from functools import partial

    from kam.config import get_settings
    from services.customers.handlers.files import prepared_customer
    from services.customers.handlers.spreadsheets import streamed_batches
    from services.customers.rules import load_rules
    from services.customers.sealing import Sealer

    prepare = partial(prepared_customer, actor, now=now, sealer=Sealer(get_settings()), rules=load_rules())
    try:
        for batch in streamed_batches(Path(path).name, Path(path).read_bytes(), batch=CLI_BATCH, prepare=prepare):
            queue.put(batch)
    except Exception as error:  # noqa: BLE001 - the writing process raises it
        queue.put(error)
        return
    queue.put(None)


def _next(queue, reader):
    while True:
        try:
            item = queue.get(timeout=1)
        except Empty:
            if not reader.is_alive():
                raise SystemExit(f"the process reading the file stopped (exit code {reader.exitcode})") from None
            continue
        if isinstance(item, Exception):
            raise item
        return item


SHOWN_REJECTS = 20
CLI_BATCH = 2000  # rows a commit: fewer syncs of the SQLite file than the service's 500


def _print_rejected(report):
    rejected = [row for row in report["rows"] if row["status"] == "rejected"]
    for row in rejected[:SHOWN_REJECTS]:
        reasons = "; ".join(f"{field}: {', '.join(map(str, msgs))}" for field, msgs in (row.get("errors") or {}).items())
        print(f"  第 {row['row']} 行 {row.get('name') or ''}: {reasons}")
    if len(rejected) > SHOWN_REJECTS:
        print(f"  … 另有 {len(rejected) - SHOWN_REJECTS} 行被拒，见报告 ({len(rejected) - SHOWN_REJECTS} more in the report)")


@contextmanager
def _progress(title, every=5.0):
    """A bar on a terminal; otherwise a plain line every few seconds and at the end (a log keeps them)."""
    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task(f"导入 {title}", total=None)
            yield lambda done, total, _: bar.update(task, completed=done, total=total)
        return
    began, last = time.monotonic(), [0.0]

    def line(done, total, _):
        now = time.monotonic()
        if done == total or now - last[0] >= every:
            last[0] = now
            share = f"/{total} 行 ({100 * done // max(total, 1)}%" if total else " 行 ("
            print(f"导入 {title}: {done}{share}, {now - began:.0f} s)", file=sys.stderr, flush=True)
    yield line
    print(f"导入 {title}: 完成 done ({time.monotonic() - began:.0f} s)", file=sys.stderr, flush=True)


def cmd_export(args):
    from services.customers.handlers.spreadsheets import export_file

    fmt = args.file.suffix.lstrip(".").lower()
    if fmt not in ("xlsx", "csv"):
        raise SystemExit("export to a .xlsx or .csv file")
    _, actor, store = _store("manager", "kam-cli")
    try:
        with store.session() as session:
            exported = export_file(session, actor, _now(), fmt, {})
    finally:
        store.close()
    args.file.write_bytes(exported["content"])
    print(f"wrote {args.file}", file=sys.stderr)


def cmd_reclassify(args):
    from services.customers.handlers.classify import reclassify_customers
    from services.customers.rules import load_rules

    _, _, store = _store("manager", "kam-cli")
    try:
        with store.unit_of_work() as uow:
            changed = reclassify_customers(uow, load_rules(), _now())
    finally:
        store.close()
    print(f"{changed} customer(s) changed category")


def cmd_reseal(args):
    """After a new key is put first in KAM_ENCRYPTION_KEY; the old ones may go once this has run."""
    from sqlalchemy import select, update

    from kam.keys import require_keys
    from services.customers.models import customers
    from services.customers.sealing import Sealer

    settings, _, store = _store("manager", "kam-cli")
    sealer = Sealer(require_keys(settings))
    try:
        with store.session() as session:
            rows = session.execute(select(customers.c.id, customers.c.sensitive_sealed)
                                   .where(customers.c.sensitive_sealed.isnot(None))).all()
            for customer_id, sealed in rows:
                session.execute(update(customers).where(customers.c.id == customer_id)
                                .values(sensitive_sealed=sealer.reseal(sealed)))
            session.commit()
    finally:
        store.close()
    print(f"{len(rows)} customer(s) resealed with the first key")


def _now():
    from kam.clock import clock_from_env

    return clock_from_env().now()
