// Users of the department (admin): the list and adding one.
import { api } from "../api.js";
import { form, h, section, table, toast } from "../dom.js";
import { t } from "../i18n.js";

const ROLES = ["manager", "developer", "coordinator", "planner", "analyst", "admin"];

export async function usersView() {
  const { items } = await api.get("/api/users");
  const { form: element } = form([
    { name: "username", label: t("login.username"), required: true },
    { name: "display_name", label: "姓名 Display name", required: true },
    { name: "role", label: "角色 Role", type: "select", options: ROLES.map((r) => [r, t(`role.${r}`)]) },
    { name: "password", label: t("login.password"), type: "password", required: true },
  ], { id: "new-user", submitLabel: t("common.create"), onSubmit: async (v) => {
    await api.post("/api/users", v);
    toast(t("common.saved"));
    window.kamRender();
  } });
  return h("div", { class: "grid" },
    section("用户 Users", table(items, [
      { label: t("login.username"), value: (u) => u.username },
      { label: "姓名", value: (u) => u.display_name },
      { label: "角色", value: (u) => t(`role.${u.role}`) },
    ])),
    section("新建用户 New user", element));
}
