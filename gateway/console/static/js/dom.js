// Building the page without innerHTML: user data (Chinese names, notes) is always text, never markup.
import { t } from "./i18n.js";

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

export function formatTime(value) {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString("zh-CN", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

export function formatDate(value) {
  if (!value) return "—";
  return String(value).slice(0, 10);
}

export function badge(value, vocabulary = "status") {
  return h("span", { class: `badge ${vocabulary}-${value}` }, t(`${vocabulary}.${value}`));
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

// A form from field definitions; returns {form, values()}; submit calls onSubmit(values).
export function form(fields, { submitLabel, onSubmit, id } = {}) {
  const inputs = {};
  const errors = {};
  const element = h("form", { class: "form", id, novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    for (const box of Object.values(errors)) box.textContent = "";
    const button = element.querySelector("button[type=submit]");
    button.disabled = true;
    try { await onSubmit(values()); }
    catch (error) { showErrors(error); }
    finally { button.disabled = false; }
  } },
  fields.map((f) => {
    const input = fieldInput(f);
    inputs[f.name] = input;
    errors[f.name] = h("small", { class: "field-error" });
    return h("label", { class: `field ${f.wide ? "wide" : ""}` }, h("span", {}, f.label), input, errors[f.name]);
  }),
  h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, submitLabel || t("common.save"))));

  function values() {
    const out = {};
    for (const f of fields) {
      const raw = inputs[f.name].type === "checkbox" ? inputs[f.name].checked : inputs[f.name].value.trim();
      if (raw === "" && !f.keepEmpty) continue;
      out[f.name] = f.parse ? f.parse(raw) : raw;
    }
    return out;
  }
  function showErrors(error) {
    const fieldErrors = error?.body?.errors || {};
    let shown = false;
    for (const [name, messages] of Object.entries(fieldErrors)) {
      const key = name.split(".")[0];
      if (errors[key]) { errors[key].textContent = [].concat(messages).join("；"); shown = true; }
    }
    toast(shown ? t("common.fixFields") : (error?.body?.detail || error.message), "error");
  }
  return { form: element, values };
}

function fieldInput(f) {
  const attrs = { name: f.name, required: f.required, placeholder: f.placeholder || "" };
  if (f.type === "select") {
    return h("select", attrs, (f.optional ? [h("option", { value: "" }, "—")] : []).concat(
      f.options.map(([value, label]) => h("option", { value, selected: value === f.value }, label))));
  }
  if (f.type === "textarea") return h("textarea", { ...attrs, rows: f.rows || 3 }, f.value || "");
  if (f.type === "checkbox") return h("input", { ...attrs, type: "checkbox", checked: f.value });
  return h("input", { ...attrs, type: f.type || "text", value: f.value ?? "", step: f.step, min: f.min, accept: f.accept });
}

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
