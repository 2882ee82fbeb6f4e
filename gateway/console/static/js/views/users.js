// Users of the department (admin): adding one, changing role or name, disabling, resetting a password.
import { api } from "../api.js";
import { button, h, section, table, toast } from "../dom.js";
import { dialogForm, form } from "../forms.js";
import { t } from "../i18n.js";
import { label } from "../vocab.js";

const refresh = () => { toast(t("common.saved")); window.kamRender(); };

export async function usersView() {
  const { items } = await api.get("/api/users");
  const { form: element } = form([
    { name: "username", label: t("login.username"), required: true, autocomplete: "off" },
    { name: "display_name", label: t("users.displayName"), required: true },
    { name: "role", label: t("users.role"), type: "select", vocabulary: "roles" },
    { name: "password", label: t("login.password"), type: "password", required: true, autocomplete: "new-password" },
  ], { id: "new-user", submitLabel: t("common.create"), onSubmit: async (v) => { await api.post("/api/users", v); refresh(); } });
  return h("div", { class: "grid" },
    section(t("nav.users"), table(items, [
      { label: t("login.username"), value: (u) => u.username },
      { label: t("users.displayName"), value: (u) => u.display_name },
      { label: t("users.role"), value: (u) => label("roles", u.role) },
      { label: t("common.status"), value: (u) => (u.disabled ? h("span", { class: "badge status-rejected" }, t("users.disabled")) : t("users.active")) },
      { label: "", value: (u) => h("div", { class: "action-bar" },
        button(t("users.change"), () => change(u), "small"),
        button(u.disabled ? t("users.enable") : t("users.disable"), () => toggle(u), "small"),
        button(t("users.resetPassword"), () => reset(u), "small")) },
    ])),
    section(t("users.new"), element));
}

async function change(user) {
  const done = await dialogForm(t("users.change"), [
    { name: "display_name", label: t("users.displayName"), required: true, value: user.display_name },
    { name: "role", label: t("users.role"), type: "select", vocabulary: "roles", value: user.role },
  ], (values) => api.patch(`/api/users/${user.id}`, values));
  if (done) refresh();
}

async function toggle(user) {
  const done = await dialogForm(user.disabled ? t("users.enable") : t("users.disable"), [],
    () => api.patch(`/api/users/${user.id}`, { disabled: !user.disabled }), { submitLabel: user.disabled ? t("users.enable") : t("users.disable") });
  if (done) refresh();
}

async function reset(user) {
  const done = await dialogForm(t("users.resetPassword"), [
    { name: "password", label: t("users.newPassword"), type: "password", required: true, autocomplete: "new-password" },
  ], (values) => api.post(`/api/users/${user.id}/reset-password`, values));
  if (done) refresh();
}
