"""`kam customers import FILE.xlsx`: the good rows go in, each bad row is named with its reason."""
import subprocess
import sys

from openpyxl import Workbook
from sqlalchemy import select

from kam import testing
from kam.config import Settings
from kam.service import open_store
from services.customers.models import customers, metadata


def test_import_takes_the_good_rows_and_names_each_bad_one(database_url, tmp_path):
    sheet = Workbook()
    rows = sheet.active
    rows.append(["姓名", "手机", "微信", "类别", "结婚纪念日"])
    rows.append(["赵敏", "13800000001", "zhaomin88", "high_value", "2015-05-20"])
    rows.append(["", "13800000002", "", "", ""])
    rows.append(["周芷若", "13800000001", "", "important", ""])
    sheet.save(tmp_path / "客户.xlsx")
    settings = Settings(database_url=database_url, data_dir=tmp_path)

    result = subprocess.run([sys.executable, "-m", "kam", "customers", "import", str(tmp_path / "客户.xlsx"),
                             "--owner-id", "dev-1"], env=testing.kam_env(settings.as_env()),
                            capture_output=True, text=True, timeout=120)

    assert "1 行导入" in result.stdout and "2 行被拒" in result.stdout, result.stdout + result.stderr
    assert "name" in result.stdout and "手机号已登记" in result.stdout
    store = open_store("customers", metadata, settings)
    with store.session() as session:
        imported = session.execute(select(customers.c.name, customers.c.owner_id)).all()
    store.close()
    assert imported == [("赵敏", "dev-1")]
