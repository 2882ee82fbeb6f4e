"""The baseline: a plain in-process Flask + SQLAlchemy + PyJWT app serving the same customer JSON
that KAM's GET /api/customers/{id} serves, from a SQLite file, under the same gunicorn settings.

    gunicorn 'bench.baseline_app:create_app()'   (KAM_BASELINE_DB, KAM_BASELINE_SECRET)
"""
import json
import os

import jwt
from flask import Flask, abort, request
from sqlalchemy import Column, MetaData, String, Table, Text, create_engine, select

metadata = MetaData()
customers = Table("customers", metadata, Column("id", String(32), primary_key=True),
                  Column("owner_id", String(32)), Column("body", Text))


def create_app():
    engine = create_engine(f"sqlite:///{os.environ['KAM_BASELINE_DB']}")
    secret = os.environ["KAM_BASELINE_SECRET"]
    app = Flask(__name__)
    app.json.ensure_ascii = False

    @app.get("/api/customers/<customer_id>")
    def get_customer(customer_id):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            claims = jwt.decode(token, secret, algorithms=["HS256"], audience="kam")
        except jwt.PyJWTError:
            abort(401)
        with engine.connect() as connection:
            row = connection.execute(select(customers).where(customers.c.id == customer_id)).first()
        if row is None or (claims["role"] == "developer" and row.owner_id != claims["sub"]):
            abort(404)
        return json.loads(row.body)

    return app


def prepare(path, customer, secret):
    """The baseline's database holding one customer as KAM shows it; returns a token for it."""
    engine = create_engine(f"sqlite:///{path}")
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(customers.insert().values(id=customer["id"], owner_id=customer["owner_id"],
                                                     body=json.dumps(customer, ensure_ascii=False)))
    engine.dispose()
    return jwt.encode({"sub": customer["owner_id"], "role": "manager", "aud": "kam"}, secret, algorithm="HS256")
