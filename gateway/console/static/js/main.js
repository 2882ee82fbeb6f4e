// The console's shell: log in, a role-aware menu, and hash routes to each area's view.
import { forgetCustomers, logout, restore, session } from "./api.js";
import { button, h, mount } from "./dom.js";
import { currentLanguage, setLanguage, t } from "./i18n.js";
import { routes } from "./routes.js";

const MENU = {
  manager: ["myday", "approvals", "customers", "visits", "receptions", "deals", "tickets", "claims", "logistics", "analytics", "notifications"],
  developer: ["myday", "customers", "visits", "receptions", "deals", "tickets", "claims", "analytics", "notifications"],
  coordinator: ["myday", "logistics", "customers", "visits", "receptions", "notifications"],
  planner: ["myday", "customers", "receptions", "tickets", "notifications"],
  analyst: ["myday", "analytics", "customers", "deals", "notifications"],
  admin: ["users"],
};
MENU.planner.push("events");
MENU.manager.push("events");
MENU.developer.push("invite");

const app = document.getElementById("app");

function menuFor(role) {
  return (MENU[role] || []).map((name) =>
    h("a", { href: `#/${name === "myday" ? "" : name}`, class: "nav-link", dataset: { nav: name } },
      name === "users" ? (currentLanguage() === "en" ? "Users" : "用户") : t(`nav.${name}`)));
}

function layout(content) {
  const me = session.me;
  return h("div", { class: "shell" },
    h("header", { class: "topbar" },
      h("a", { href: "#/", class: "brand" }, h("strong", {}, "KAM"), h("span", {}, t("app.subtitle"))),
      h("nav", { class: "menu", "aria-label": "main" }, menuFor(me.role)),
      h("div", { class: "who" },
        h("span", { class: "me", title: me.username }, `${me.display_name} · ${t(`role.${me.role}`)}`),
        button(t("common.language"), () => { setLanguage(currentLanguage() === "en" ? "zh-CN" : "en"); render(); }, "ghost lang"),
        button(t("nav.logout"), () => { logout(); forgetCustomers(); location.hash = "#/login"; }, "ghost"))),
    h("main", { class: "content" }, content));
}

function match(hash) {
  const path = hash.replace(/^#/, "") || "/";
  for (const route of routes) {
    const params = route.pattern.exec(path);
    if (params) return { route, params: params.slice(1) };
  }
  return null;
}

async function render() {
  document.documentElement.lang = currentLanguage();
  document.title = t("app.title");
  if (!session.me && location.hash !== "#/login") await restore();
  const found = match(location.hash || "#/");
  if (!session.me || !found || found.route.public) {
    const { loginView } = await import("./views/login.js");
    mount(app, loginView(() => { location.hash = session.me.role === "admin" ? "#/users" : "#/"; render(); }));
    return;
  }
  const holder = h("div", { class: "view" }, h("p", { class: "loading" }, t("common.loading")));
  mount(app, layout(holder));
  for (const link of app.querySelectorAll(".nav-link")) {
    link.classList.toggle("active", location.hash.startsWith(link.getAttribute("href")) && link.getAttribute("href") !== "#/" || (link.getAttribute("href") === "#/" && (location.hash === "#/" || location.hash === "")));
  }
  try {
    mount(holder, await found.route.view(...found.params));
  } catch (error) {
    mount(holder, h("div", { class: "card error" }, h("p", {}, error.status === 503 ? t("common.unavailable") : (error.body?.detail || error.message))));
  }
}

window.addEventListener("hashchange", render);
window.addEventListener("kam:logout", () => { if (location.hash !== "#/login") location.hash = "#/login"; });
window.kamRender = render;
render();
