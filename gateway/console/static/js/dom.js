// Building the page without innerHTML: user data (Chinese names, notes) is always text, never markup.
import { t } from "./i18n.js";
import { label } from "./vocab.js";

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function mount(root, ...children) {
  root.replaceChildren(...children.flat());
  return root;
}

export function toast(message, kind = "info") {
  const box = document.getElementById("toast");
  box.className = `show ${kind}`;
  box.textContent = message;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.className = ""), 3500);
}

export function formatMoney(value) {
  if (value === null || value === undefined || value === "") return "—";
  const number = Number(value);
  return "¥" + number.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export { formatDate, formatTime } from "./time.js";

// A status or stage as a coloured label from its vocabulary (e.g. badge(visit.status, "visit_statuses")).
export function badge(value, vocabulary, kind = "status") {
  return h("span", { class: `badge ${kind}-${value}` }, label(vocabulary, value));
}

// A table from rows and column definitions [{label, value: row => node|text}].
export function table(rows, columns, { onRow, empty } = {}) {
  if (!rows.length) return h("p", { class: "empty" }, empty || t("common.empty"));
  return h("div", { class: "table-wrap" },
    h("table", {},
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", {}, c.label)))),
      h("tbody", {}, rows.map((row) => h("tr", onRow ? { class: "clickable", onclick: () => onRow(row) } : {},
        columns.map((c) => h("td", { "data-label": c.label }, c.value(row))))))));
}

// Forms live in forms.js; re-exported for the views that import them from here.
export { form } from "./forms.js";

export function section(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function button(label, onclick, kind = "") {
  return h("button", { type: "button", class: kind, onclick }, label);
}

// A question in a modal dialog (the console's own, not the browser's prompt): resolves to the answer,
// or null when cancelled. An empty answer is not accepted.
export function ask(label, value = "", { type = "text" } = {}) {
  return new Promise((resolve) => {
    const input = h("input", { name: "answer", type, value, required: true, step: type === "number" ? "0.01" : null });
    const dialog = h("dialog", { class: "ask" },
      h("form", { method: "dialog", class: "form" },
        h("label", { class: "field wide" }, h("span", {}, label), input),
        h("div", { class: "actions" },
          h("button", { type: "submit", value: "ok", class: "primary" }, t("common.ok")),
          h("button", { type: "submit", value: "cancel", formnovalidate: true }, t("common.cancel")))));
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "ok" ? input.value.trim() : null);
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
