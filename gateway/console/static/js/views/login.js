import { login } from "../api.js";
import { form, h, toast } from "../dom.js";
import { currentLanguage, setLanguage, t } from "../i18n.js";

export function loginView(onLoggedIn) {
  const { form: element } = form([
    { name: "username", label: t("login.username"), required: true },
    { name: "password", label: t("login.password"), type: "password", required: true },
  ], {
    id: "login-form",
    submitLabel: t("login.submit"),
    onSubmit: async ({ username, password }) => {
      try { await login(username, password); }
      catch (error) {
        toast(error.status === 429 ? t("login.locked") : t("login.failed"), "error");
        return;
      }
      onLoggedIn();
    },
  });
  return h("div", { class: "login" },
    h("div", { class: "login-card card" },
      h("h1", {}, t("app.title")),
      h("p", { class: "muted" }, t("login.title")),
      element,
      h("button", { type: "button", class: "ghost lang", onclick: () => { setLanguage(currentLanguage() === "en" ? "zh-CN" : "en"); window.kamRender(); } }, t("common.language"))));
}
