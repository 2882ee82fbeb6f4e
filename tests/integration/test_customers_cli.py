"""`kam customers import FILE.xlsx`: the good rows go in, each bad row is named with its reason."""
import json
import subprocess
import sys

from cryptography.fernet import Fernet
from openpyxl import Workbook
from sqlalchemy import select

from kam import testing
from kam.config import Settings
from kam.service import open_store
from services.customers.handlers import create_customer
from services.customers.models import customers, metadata
from services.customers.schemas.http import CustomerIn
from services.customers.sealing import Sealer

SECRET = "cli-test-secret-of-at-least-32-bytes"
KEY = Fernet.generate_key().decode()


def _kam(settings, *args):
    return subprocess.run([sys.executable, "-m", "kam", *args], env=testing.kam_env(settings.as_env()),
                          capture_output=True, text=True, timeout=120)


def test_import_takes_the_good_rows_and_names_each_bad_one(database_url, tmp_path):
    sheet = Workbook()
    rows = sheet.active
    rows.append(["姓名", "手机", "微信", "类别", "结婚纪念日"])
    rows.append(["赵敏", "13800000001", "zhaomin88", "high_value", "2015-05-20"])
    rows.append(["", "13800000002", "", "", ""])
    rows.append(["周芷若", "13800000001", "", "important", ""])
    sheet.save(tmp_path / "客户.xlsx")
    settings = Settings(database_url=database_url, data_dir=tmp_path, secret_key=SECRET, encryption_key=KEY)

    result = subprocess.run([sys.executable, "-m", "kam", "customers", "import", str(tmp_path / "客户.xlsx"),
                             "--owner-id", "dev-1"], env=testing.kam_env(settings.as_env()),
                            capture_output=True, text=True, timeout=120)

    assert "1 行导入" in result.stdout and "2 行被拒" in result.stdout, result.stdout + result.stderr
    assert "name" in result.stdout and "手机号已登记" in result.stdout
    assert "导入 客户.xlsx: 3 行 (" in result.stderr and "导入 客户.xlsx: 完成" in result.stderr  # plain lines off a terminal
    report = json.loads((tmp_path / "客户.import-report.json").read_text(encoding="utf-8"))
    assert [(row["row"], row["status"]) for row in report["rows"]] == [(2, "imported"), (3, "rejected"),
                                                                      (4, "rejected")]
    store = open_store("customers", metadata, settings)
    with store.session() as session:
        imported = session.execute(select(customers.c.name, customers.c.owner_id)).all()
    store.close()
    assert imported == [("赵敏", "dev-1")]


def test_reseal_puts_every_customers_sensitive_data_under_the_first_key(database_url, tmp_path):
    from kam.identity import Actor

    old = Settings(database_url=database_url, data_dir=tmp_path, secret_key=SECRET, encryption_key=KEY)
    store = open_store("customers", metadata, old)
    with store.unit_of_work() as uow:
        create_customer(uow, Actor("dev-1", "developer"), CustomerIn().load({
            "name": "黄蓉", "sensitive": {"health": "过敏"}, "consent": {"sensitive": True, "purpose": "推荐"}}),
            sealer=Sealer(old))
        uow.commit()
    new_key = Fernet.generate_key().decode()
    rotated = Settings(database_url=database_url, data_dir=tmp_path, secret_key=SECRET,
                       encryption_key=f"{new_key},{KEY}")

    result = _kam(rotated, "customers", "reseal")

    assert result.returncode == 0 and "1 customer(s) resealed" in result.stdout, result.stdout + result.stderr
    with store.session() as session:
        sealed = session.scalar(select(customers.c.sensitive_sealed))
    store.close()
    assert Sealer(Settings(encryption_key=new_key)).open(sealed)["health"] == "过敏"


def test_import_refuses_the_public_development_keys(database_url, tmp_path):
    result = _kam(Settings(database_url=database_url, data_dir=tmp_path), "customers", "import",
                  str(tmp_path / "none.csv"), "--owner-id", "dev-1")
    assert result.returncode != 0 and "KAM_ENCRYPTION_KEY" in result.stderr
