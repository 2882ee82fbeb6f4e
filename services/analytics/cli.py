"""`kam analytics rebuild`: the read models, cleared and fed again from the stored event log."""


def register(subparsers):
    analytics = subparsers.add_parser("analytics", help="数据分析: the analytics service's read models")
    commands = analytics.add_subparsers(dest="analytics_command", required=True)
    commands.add_parser("rebuild", help="clear the read models and re-apply every logged event in order"
                        ).set_defaults(func=cmd_rebuild)


def cmd_rebuild(args):
    from kam.config import get_settings

    print(f"analytics: {rebuild(get_settings())} event(s) re-applied")


def rebuild(settings):
    from kam.service import open_store
    from services.analytics.handlers import rebuild_read_models
    from services.analytics.models import metadata

    store = open_store("analytics", metadata, settings)
    try:
        with store.unit_of_work() as uow:
            applied = rebuild_read_models(uow, postgres=settings.uses_postgres)
            uow.commit()
            return applied
    finally:
        store.close()
