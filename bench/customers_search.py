"""Customer search at scale on PostgreSQL: loads N customers into a throwaway database and prints p50/p95.

    .venv/bin/python bench/customers_search.py --n 200000 [--repeat 50] [--keep]
"""
import argparse
import io
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from functools import cache

from kam import migrate, testing
from kam.config import Settings
from kam.db import make_engine, session_factory
from kam.pagination import keyset_page
from services.customers.domain.search import name_tokens
from services.customers.handlers.search import search_query
from services.customers.models import customers
from services.customers.plugin import plugin
from services.customers.terms import CATEGORIES, STAGES

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国建华志强海燕晓东雅琪俊文雪梅宏亮佳怡诗雨浩然晨曦子涵梓轩欣怡思远"
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方"]
OWNERS = [f"dev-{i:03d}" for i in range(60)]


def fake_name(rng):
    surname = rng.choice(COMPOUND) if rng.random() < 0.02 else rng.choice(SURNAMES)
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))


@cache
def tokens_of(name):
    return sorted(name_tokens(name))


def load(url, n, seed=7):
    rng = random.Random(seed)
    engine = make_engine(url, "customers")
    start = datetime(2020, 1, 1, tzinfo=UTC)
    raw = engine.raw_connection()
    started = time.perf_counter()
    try:
        cursor = raw.cursor()
        for offset in range(0, n, 100_000):
            rows, tokens = io.StringIO(), io.StringIO()
            for i in range(offset, min(n, offset + 100_000)):
                cid = f"{i:032x}"
                name = fake_name(rng)
                created = start + timedelta(seconds=i * 60 + rng.randrange(60))
                rows.write("\t".join((cid, name, rng.choice(("person",) * 9 + ("organization",)),
                                      rng.choice(CATEGORIES + (r"\N",)), rng.choice(STAGES), rng.choice(OWNERS),
                                      created.isoformat(), created.isoformat(), f"1{rng.randrange(3, 9)}"
                                      f"{rng.randrange(10**9):09d}", f"wx_{rng.randrange(16**8):08x}",
                                      "[]", "{}", "f")) + "\n")
                tokens.writelines(f"{token}\t{cid}\n" for token in tokens_of(name))
            rows.seek(0)
            tokens.seek(0)
            cursor.copy_expert("COPY customers (id, name, kind, category, stage, owner_id, created_at, updated_at, "
                               "phone, wechat, key_dates, profile, outreach_opt_out) FROM STDIN", rows)
            cursor.copy_expert("COPY search_tokens (token, customer_id) FROM STDIN", tokens)
            raw.commit()
    finally:
        raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE customers")  # flush the GIN pending lists, as autovacuum would
        connection.exec_driver_sql("VACUUM ANALYZE search_tokens")
    print(f"loaded {n:,} customers in {time.perf_counter() - started:.1f}s")
    return engine


def measure(session, label, queries, pages=1):
    """Latency of each query's first `pages` pages (keyset), in milliseconds."""
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
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    print(f"{label:<34} p50 {statistics.median(timings):7.2f} ms   p95 {p95:7.2f} ms   "
          f"(avg rows {statistics.mean(found):.0f})")


def sample(session, column, repeat, rng):
    values = session.execute(customers.select().with_only_columns(column).order_by(customers.c.id)
                             .offset(rng.randrange(1000)).limit(repeat * 20)).scalars().all()
    return rng.sample(values, repeat)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the database (its URL is printed)")
    args = parser.parse_args(argv)
    url = testing.create_database(testing.unique_name("kam_bench"))
    print(f"database {url}")
    try:
        migrate.upgrade("customers", plugin.migrations, Settings(database_url=url))
        engine = load(url, args.n)
        rng = random.Random(11)
        with session_factory(engine)() as session:
            names = sample(session, customers.c.name, args.repeat * 4, rng)
            two = [n[:2] for n in names if len(n) >= 2][: args.repeat]
            three = [n for n in names if len(n) == 3][: args.repeat]
            phones = [p[-4:] for p in sample(session, customers.c.phone, args.repeat, rng)]
            wechats = [w[3:9] for w in sample(session, customers.c.wechat, args.repeat, rng)]
            measure(session, "2-char name (token btree)", [{"q": q} for q in two])
            measure(session, "3-char name (trigram GIN)", [{"q": q} for q in three])
            measure(session, "phone suffix, 4 digits", [{"q": q} for q in phones])
            measure(session, "wechat fragment, 6 chars", [{"q": q} for q in wechats])
            measure(session, "category + stage filter", [{"category": rng.choice(CATEGORIES),
                                                          "stage": rng.choice(STAGES)} for _ in range(args.repeat)])
            measure(session, "owner filter, 3 keyset pages", [{"owner_id": rng.choice(OWNERS)}
                                                              for _ in range(args.repeat)], pages=3)
            measure(session, "2-char name + owner (a developer)", [{"q": q, "owner_id": rng.choice(OWNERS)}
                                                                   for q in two])
        engine.dispose()
    finally:
        if not args.keep:
            testing.drop_database(url)


if __name__ == "__main__":
    main()
