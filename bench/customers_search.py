"""Customer search at scale: loads N customers into a throwaway PostgreSQL database or SQLite file, runs
the service's own search query (the one GET /api/customers?q= runs) and prints p50/p99 a kind of query.

    .venv/bin/python -m bench.customers_search --db postgresql --n 1000000 [--repeat 100] [--keep]
    .venv/bin/python -m bench.customers_search --db sqlite --n 100000
"""
import argparse
import io
import itertools
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from kam import migrate, testing
from kam.config import Settings
from kam.db import make_engine, session_factory
from kam.pagination import keyset_page
from services.customers.domain.duplicates import keys_of
from services.customers.domain.search import name_tokens
from services.customers.handlers.search import search_query
from services.customers.models import customers
from services.customers.plugin import plugin
from services.customers.terms import CATEGORIES, STAGES

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国建华志强海燕晓东雅琪俊文雪梅宏亮佳怡诗雨浩然晨曦子涵梓轩欣怡思远"
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方"]
OWNERS = [f"dev-{i:03d}" for i in range(60)]
GOAL_MS = 50
COLUMNS = ("id", "name", "kind", "category", "stage", "owner_id", "created_at", "updated_at", "phone", "phone_key",
           "phone_tail", "wechat", "wechat_key", "key_dates", "profile", "outreach_opt_out")


def fake_name(rng):
    surname = rng.choice(COMPOUND) if rng.random() < 0.02 else rng.choice(SURNAMES)
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))


@cache
def tokens_of(name):
    return sorted(name_tokens(name))


def generated(n, seed=7):
    """(customer row, its search tokens) for n customers: Chinese names, phones, WeChat ids."""
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(n):
        name = fake_name(rng)
        created = start + timedelta(seconds=i * 60 + rng.randrange(60))
        # unique, as the service keeps them: multiplying by a number prime to the modulus permutes 0..n
        phone, wechat = f"1{3 + i % 6}{i * 104_729 % 10**9:09d}", f"wx_{i * 2_654_435_761 % 16**8:08x}"
        row = {"id": f"{i:032x}", "name": name, "kind": rng.choice(("person",) * 9 + ("organization",)),
               "category": rng.choice((*CATEGORIES, None)), "stage": rng.choice(STAGES),
               "owner_id": rng.choice(OWNERS), "created_at": created, "updated_at": created, "phone": phone,
               "wechat": wechat, **keys_of({"phone": phone, "wechat": wechat}), "key_dates": [], "profile": {},
               "outreach_opt_out": False}
        yield row, tokens_of(name)


def load(url, n):
    started = time.perf_counter()
    engine = make_engine(url, None if url.startswith("sqlite") else "customers")
    (_copy if engine.dialect.name == "postgresql" else _insert)(engine, n)
    print(f"loaded {n:,} customers in {time.perf_counter() - started:.1f}s")
    return engine


def _copy(engine, n, chunk=100_000):
    raw = engine.raw_connection()
    try:
        cursor, rows = raw.cursor(), generated(n)
        while batch := list(itertools.islice(rows, chunk)):
            customers_text, tokens_text = io.StringIO(), io.StringIO()
            for row, tokens in batch:
                values = {**row, "created_at": row["created_at"].isoformat(), "updated_at": row["updated_at"].isoformat(),
                          "outreach_opt_out": "f", "category": row["category"] or r"\N", "key_dates": "[]", "profile": "{}"}
                customers_text.write("\t".join(str(values[column]) for column in COLUMNS) + "\n")
                tokens_text.writelines(f"{token}\t{row['id']}\n" for token in tokens)
            customers_text.seek(0)
            tokens_text.seek(0)
            cursor.copy_expert(f"COPY customers ({', '.join(COLUMNS)}) FROM STDIN", customers_text)
            cursor.copy_expert("COPY search_tokens (token, customer_id) FROM STDIN", tokens_text)
            raw.commit()
    finally:
        raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE customers")  # flush the GIN pending lists, as autovacuum would
        connection.exec_driver_sql("VACUUM ANALYZE search_tokens")


def _insert(engine, n):
    from services.customers.models import search_tokens

    batch_rows, batch_tokens = [], []
    with engine.begin() as connection:
        for row, tokens in generated(n):
            batch_rows.append(row)
            batch_tokens += [{"token": token, "customer_id": row["id"]} for token in tokens]
            if len(batch_rows) == 5000:
                connection.execute(customers.insert(), batch_rows)
                connection.execute(search_tokens.insert(), batch_tokens)
                batch_rows, batch_tokens = [], []
        if batch_rows:
            connection.execute(customers.insert(), batch_rows)
            connection.execute(search_tokens.insert(), batch_tokens)
        connection.exec_driver_sql("ANALYZE")


def measure(session, label, queries, pages=1):
    """Latency of each query's first `pages` pages (keyset), in milliseconds: {"p50", "p99", "rows"}."""
    timings, found = [], []
    for filters in queries:
        began = time.perf_counter()
        cursor, count = None, 0
        for _ in range(pages):
            page = keyset_page(session, search_query(session, **filters), [customers.c.created_at, customers.c.id],
                               50, cursor)
            count += len(page["items"])
            cursor = page["next_cursor"]
            if not cursor:
                break
        timings.append((time.perf_counter() - began) * 1000)
        found.append(count)
    timings.sort()
    result = {"p50": round(statistics.median(timings), 2),
              "p99": round(timings[min(len(timings) - 1, int(len(timings) * 0.99))], 2),
              "rows": round(statistics.mean(found), 1)}
    print(f"{label:<34} p50 {result['p50']:7.2f} ms   p99 {result['p99']:7.2f} ms   (avg rows {result['rows']:.0f})")
    return result


def sample(session, column, repeat, rng):
    values = session.execute(customers.select().with_only_columns(column).order_by(customers.c.id)
                             .offset(rng.randrange(1000)).limit(repeat * 20)).scalars().all()
    return rng.sample(values, repeat)


def run(db, n, repeat=100, keep=False):
    """{label: {"p50", "p99", "rows"}} of every kind of search over n generated customers."""
    folder = Path(tempfile.mkdtemp(prefix="kam-bench-search-"))
    url = testing.create_database(testing.unique_name("kam_bench")) if db == "postgresql" else None
    settings = Settings(database_url=url, data_dir=folder) if url else Settings(data_dir=folder)
    print(f"database {url or folder}")
    try:
        migrate.upgrade("customers", plugin.migrations, settings)
        engine = load(settings.database_for("customers")[0], n)
        rng = random.Random(11)
        with session_factory(engine)() as session:
            names = sample(session, customers.c.name, repeat * 4, rng)
            two = [n[:2] for n in names if len(n) >= 2][:repeat]
            three = [n for n in names if len(n) == 3][:repeat]
            phones = [p[-4:] for p in sample(session, customers.c.phone, repeat, rng)]
            wechats = [w[3:9] for w in sample(session, customers.c.wechat, repeat, rng)]
            results = {
                "2-char name": measure(session, "2-char name (token)", [{"q": q} for q in two]),
                "3-char name": measure(session, "3-char name (its first token, then whole)", [{"q": q} for q in three]),
                "phone suffix": measure(session, "phone suffix, 4 digits (reversed prefix)", [{"q": q} for q in phones]),
                "wechat fragment": measure(session, "wechat fragment, 6 chars", [{"q": q} for q in wechats]),
                "category + stage": measure(session, "category + stage filter", [
                    {"category": rng.choice(CATEGORIES), "stage": rng.choice(STAGES)} for _ in range(repeat)]),
                "owner, 3 pages": measure(session, "owner filter, 3 keyset pages",
                                          [{"owner_id": rng.choice(OWNERS)} for _ in range(repeat)], pages=3),
                "2-char name + owner": measure(session, "2-char name + owner (a developer)",
                                               [{"q": q, "owner_id": rng.choice(OWNERS)} for q in two]),
            }
        engine.dispose()
        return results
    finally:
        if url and not keep:
            testing.drop_database(url)


def goals(db, n, results):
    """make bench's rows: a phone suffix at 1M on PostgreSQL; name and phone on SQLite at 100,000."""
    kinds = ("phone suffix",) if db == "postgresql" else ("2-char name", "3-char name", "phone suffix")
    return [{"goal": f"search p99 ≤ {GOAL_MS} ms, {kind}, {n:,} customers on {db}", "measured": results[kind]["p99"],
             "baseline": None, "met": results[kind]["p99"] <= GOAL_MS and results[kind]["rows"] > 0} for kind in kinds]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database (its URL is printed)")
    args = parser.parse_args(argv)
    for row in goals(args.db, args.n, run(args.db, args.n, args.repeat, args.keep)):
        print(row)


if __name__ == "__main__":
    main()
