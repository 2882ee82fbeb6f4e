// The console's shell: log in, the menu of the areas the server says the caller's role may use, and
// hash routes to each area's view. On narrow screens the menu folds behind a toggle.
import { forgetCustomers, logout, restore, session } from "./api.js";
import { button, h, mount } from "./dom.js";
import { watchDateFields } from "./date_hints.js";
import { currentLanguage, setLanguage, t } from "./i18n.js";
import { problemMessage } from "./problems.js";
import { routes } from "./routes.js";
import { setTimeZone } from "./time.js";
import { forgetVocabularies, label, loadVocabularies } from "./vocab.js";

// Menu order and where each area's entry goes (`label`: its nav key when the area's name is dotted); which
// entries a user sees comes from /api/me's `areas`.
const MENU = [
  { area: "myday", href: "#/" },
  { area: "approvals", href: "#/approvals" },
  { area: "customers", href: "#/customers" },
  { area: "plans", href: "#/plans" },
  { area: "visits", href: "#/visits" },
  { area: "receptions", href: "#/receptions" },
  { area: "deals", href: "#/deals" },
  { area: "tickets", href: "#/tickets" },
  { area: "claims", href: "#/claims" },
  { area: "logistics", href: "#/logistics" },
  { area: "hospitality", href: "#/hospitality" },
  { area: "analytics", href: "#/analytics" },
  { area: "notifications", href: "#/notifications" },
  { area: "events", href: "#/events" },
  { area: "invite", href: "#/invite" },
  { area: "work-orders", href: "#/work-orders" },
  { area: "catalog", href: "#/catalog" },
  { area: "stock", href: "#/stock" },
  { area: "handout", href: "#/handout" },
  { area: "customers.transfer", href: "#/handover", label: "handover" },
  { area: "users", href: "#/users" },
];

const app = document.getElementById("app");

export const may = (area) => (session.me?.areas || []).includes(area);

function menuFor() {
  return MENU.filter((entry) => may(entry.area)).map((entry) =>
    h("a", { href: entry.href, class: "nav-link", dataset: { nav: entry.area } }, t(`nav.${entry.label || entry.area}`)));
}

function homeOf() {
  return MENU.find((entry) => may(entry.area))?.href || "#/";
}

function layout(content) {
  const me = session.me;
  const menu = h("nav", { class: "menu", id: "main-menu", "aria-label": t("nav.menu") }, menuFor());
  const toggle = h("button", { type: "button", class: "ghost menu-toggle", "aria-controls": "main-menu", "aria-expanded": "false",
    onclick: () => {
      const open = !shell.classList.contains("menu-open");
      shell.classList.toggle("menu-open", open);
      toggle.setAttribute("aria-expanded", String(open));
    } }, "☰ ", t("nav.menu"));
  const shell = h("div", { class: "shell" },
    h("header", { class: "topbar" },
      h("a", { href: "#/", class: "brand" }, h("strong", {}, "KAM"), h("span", {}, t("app.subtitle"))),
      toggle,
      menu,
      h("div", { class: "who" },
        h("span", { class: "me", title: me.username }, `${me.display_name} · ${label("roles", me.role)}`),
        button(t("common.language"), () => { setLanguage(currentLanguage() === "en" ? "zh-CN" : "en"); render(); }, "ghost lang"),
        button(t("nav.logout"), () => { logout(); forgetCustomers(); forgetVocabularies(); location.hash = "#/login"; }, "ghost"))),
    h("main", { class: "content", id: "content" }, content));
  menu.addEventListener("click", (event) => { if (event.target.closest("a")) shell.classList.remove("menu-open"); });
  return shell;
}

function match(hash) {
  const path = hash.replace(/^#/, "").split("?")[0] || "/";
  for (const route of routes) {
    const params = route.pattern.exec(path);
    if (params) return { route, params: params.slice(1) };
  }
  return null;
}

function markActive() {
  const hash = location.hash || "#/";
  for (const link of app.querySelectorAll(".nav-link")) {
    const href = link.getAttribute("href");
    const active = href === "#/" ? hash === "#/" : hash === href || hash.startsWith(`${href}/`) || hash.startsWith(`${href}?`);
    link.classList.toggle("active", active);
    if (active) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
  }
}

async function render() {
  document.documentElement.lang = currentLanguage();
  document.title = t("app.title");
  if (!session.me && location.hash !== "#/login") await restore();
  const found = match(location.hash || "#/");
  if (!session.me || !found || found.route.public) {
    const { loginView } = await import("./views/login.js");
    mount(app, loginView(() => { location.hash = homeOf(); render(); }));
    return;
  }
  setTimeZone(session.me.time_zone);
  try { await loadVocabularies(); } catch (error) {
    mount(app, h("div", { class: "card error", role: "alert" }, h("p", {}, problemMessage(error))));
    return;
  }
  const holder = h("div", { class: "view" }, h("p", { class: "loading" }, t("common.loading")));
  mount(app, layout(holder));
  markActive();
  try {
    if ((location.hash || "#/") === "#/" && !may("myday")) { location.hash = homeOf(); return; }
    mount(holder, await found.route.view(...found.params));
  } catch (error) {
    mount(holder, h("div", { class: "card error", role: "alert" }, h("p", {}, problemMessage(error))));
  }
}

window.addEventListener("hashchange", render);
window.addEventListener("kam:logout", () => { if (location.hash !== "#/login") location.hash = "#/login"; });
window.kamRender = render;
watchDateFields();
render();
