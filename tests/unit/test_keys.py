"""The JWT secret and the encryption keys: public development keys never reach production."""
import json
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet, InvalidToken

from kam import testing
from kam.config import DEV_ENCRYPTION_KEY, Settings
from kam.keys import key_problems, require_keys, uses_encryption_key, with_dev_keys
from kam.plugins import discover
from services.customers.sealing import Sealer

SECRET = "s" * 32
KEY = Fernet.generate_key().decode()


@pytest.mark.parametrize("secret", ["", "short", "kam-dev-secret-change-me-in-production", "x" * 31])
def test_production_refuses_the_public_or_a_short_jwt_secret(secret):
    problems = key_problems(Settings(secret_key=secret, encryption_key=KEY))
    assert len(problems) == 1 and "KAM_SECRET_KEY" in problems[0]
    with pytest.raises(SystemExit):
        require_keys(Settings(secret_key=secret, encryption_key=KEY))


@pytest.mark.parametrize("encryption_key", ["", DEV_ENCRYPTION_KEY, "not-a-fernet-key", f"{KEY},broken", SECRET])
def test_production_requires_its_own_valid_encryption_key(encryption_key):
    problems = key_problems(Settings(secret_key=SECRET, encryption_key=encryption_key))
    assert problems and all("KAM_ENCRYPTION_KEY" in problem for problem in problems)


def test_production_accepts_a_long_secret_and_a_list_of_fernet_keys():
    settings = Settings(secret_key=SECRET, encryption_key=f"{KEY}, {Fernet.generate_key().decode()}")
    assert require_keys(settings) is settings and len(settings.encryption_keys) == 2


def test_the_fernet_key_is_no_longer_derived_from_the_jwt_secret():
    assert Settings.from_env({"KAM_SECRET_KEY": SECRET}).encryption_key == DEV_ENCRYPTION_KEY
    assert key_problems(Settings.from_env({"KAM_SECRET_KEY": SECRET}))


@pytest.mark.parametrize("command, needed, not_needed", [
    (["serve"], "KAM_ENCRYPTION_KEY", "KAM_SECRET_KEY"),
    (["serve", "customers"], "KAM_ENCRYPTION_KEY", "KAM_SECRET_KEY"),
    (["gateway"], "KAM_SECRET_KEY", "KAM_ENCRYPTION_KEY"),
])
def test_each_process_refuses_to_start_without_the_key_it_uses_and_asks_for_no_other(command, needed, not_needed,
                                                                                      tmp_path):
    env = testing.kam_env({"KAM_DATA_DIR": str(tmp_path), "KAM_AMQP_URI": "amqp://nobody@127.0.0.1:1/"})
    result = subprocess.run([sys.executable, "-m", "kam", *command], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0
    assert needed in result.stderr and not_needed not in result.stderr


def test_the_services_that_never_seal_need_no_key_at_all():
    plugins = discover()
    assert uses_encryption_key([plugins["customers"].load_service()])
    assert not uses_encryption_key([plugins[name].load_service() for name in plugins if name != "customers"])


def test_kam_dev_makes_its_keys_once_keeps_them_and_says_so(tmp_path):
    settings, note = with_dev_keys(Settings(data_dir=tmp_path), env={})
    assert not key_problems(settings) and "dev-keys.json" in note
    again, _ = with_dev_keys(Settings(data_dir=tmp_path), env={})
    assert (again.secret_key, again.encryption_key) == (settings.secret_key, settings.encryption_key)
    assert (tmp_path / "dev-keys.json").stat().st_mode & 0o077 == 0
    assert json.loads((tmp_path / "dev-keys.json").read_text())["secret_key"] == settings.secret_key
    sealed_before = Sealer(Settings()).seal({"health": "旧数据"})
    assert Sealer(settings).open(sealed_before) == {"health": "旧数据"}


def test_keys_set_in_the_environment_win_over_the_dev_keys(tmp_path):
    settings, note = with_dev_keys(Settings(data_dir=tmp_path, secret_key=SECRET, encryption_key=KEY),
                                   env={"KAM_SECRET_KEY": SECRET, "KAM_ENCRYPTION_KEY": KEY})
    assert note is None and (settings.secret_key, settings.encryption_key) == (SECRET, KEY)
    assert not (tmp_path / "dev-keys.json").exists()


def test_a_rotated_key_list_seals_with_the_first_and_opens_with_every_one():
    old, new = KEY, Fernet.generate_key().decode()
    sealed_with_old = Sealer(Settings(encryption_key=old)).seal({"family": "已婚"})
    rotated = Sealer(Settings(encryption_key=f"{new},{old}"))
    assert rotated.open(sealed_with_old) == {"family": "已婚"}
    resealed = rotated.reseal(sealed_with_old)
    assert Sealer(Settings(encryption_key=new)).open(resealed) == {"family": "已婚"}
    with pytest.raises(InvalidToken):
        Sealer(Settings(encryption_key=old)).open(resealed)


@pytest.mark.parametrize("secret", [None, "short"])
def test_direct_ports_open_to_other_hosts_need_the_shared_secret(secret):
    exposed = Settings(secret_key=SECRET, encryption_key=KEY, direct_port_base=8100, direct_host="0.0.0.0",
                       direct_secret=secret)
    assert any("KAM_DIRECT_SECRET" in problem for problem in key_problems(exposed))
    with pytest.raises(SystemExit):
        require_keys(exposed)


def test_direct_ports_on_loopback_or_off_need_no_secret_and_a_long_one_is_enough():
    for settings in (Settings(secret_key=SECRET, encryption_key=KEY, direct_port_base=8100),
                     Settings(secret_key=SECRET, encryption_key=KEY, direct_host="0.0.0.0"),
                     Settings(secret_key=SECRET, encryption_key=KEY, direct_port_base=8100, direct_host="0.0.0.0",
                              direct_secret="d" * 32)):
        assert key_problems(settings) == []
    gateway = Settings(secret_key=SECRET, encryption_key=KEY, direct_port_base=8100,
                       direct_addresses={"customers": "10.0.0.5:8101"})
    assert any("10.0.0.5" in problem for problem in key_problems(gateway))
