"""`kam demo`: a demo department a newcomer can log into, and each service's demo data."""
from dataclasses import dataclass, field

from gateway.users import UserStore
from kam.config import get_settings
from kam.errors import Conflict
from kam.keys import with_dev_keys
from kam.plugins import discover, in_demo_order

DEMO_PASSWORD = "kam-demo-2026"
DEMO_USERS = [
    ("admin", "admin", "系统管理员"),
    ("zhangmin", "manager", "张敏"),
    ("lihua", "developer", "李华"),
    ("wangfang", "developer", "王芳"),
    ("zhaolei", "coordinator", "赵磊"),
    ("chenjing", "planner", "陈静"),
    ("liuyang", "analyst", "刘洋"),
]


@dataclass
class Demo:
    """What each service's demo loader gets: the settings and the demo users by role. A loader
    `provide`s what others build on; a loader reads only what the services in its plugin's
    `demo_needs` provided (the customers' demo provides "customers")."""

    settings: object
    users: dict
    loading: object = None
    _provided: dict = field(default_factory=dict)

    def provide(self, name, value):
        self._provided[name] = value

    def provided(self, service, name=None):
        if self.loading is not None and service not in self.loading.demo_needs:
            raise LookupError(f"the {self.loading.name} demo reads {service}'s data: add it to demo_needs")
        return self._provided.get(name or service)


def ensure_demo_users(store):
    users = {}
    for username, role, display_name in DEMO_USERS:
        try:
            user = store.add(username, DEMO_PASSWORD, role, display_name)
        except Conflict:
            user = next(u for u in store.all() if u.username == username)
        users[username] = user
    return users


def load_demo():
    settings, note = with_dev_keys(get_settings())
    if note:
        print(f"kam demo: {note}")
    users = ensure_demo_users(UserStore(settings))
    demo = Demo(settings, {})
    for user in users.values():
        demo.users.setdefault(user.role, []).append(user.as_dict())
    for plugin in in_demo_order(discover()):
        loader = plugin.load_demo()
        if loader is not None:
            demo.loading = plugin
            print(f"{plugin.name}: {loader(demo)}")
    print(f"demo users (password {DEMO_PASSWORD}):")
    for username, role, display_name in DEMO_USERS:
        print(f"  {username:<10} {role:<12} {display_name}")
