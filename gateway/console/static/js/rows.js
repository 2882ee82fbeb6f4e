// A repeating group of inputs (claim lines, deal items, holdings, key dates): rows added and removed
// in place; its value is a list of objects, empty rows left out.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { options as vocabularyOptions } from "./vocab.js";

function cell(column, value) {
  const attrs = { name: column.name, "aria-label": column.label, placeholder: column.placeholder || "" };
  if (column.vocabulary || column.options) {
    const choices = column.vocabulary ? vocabularyOptions(column.vocabulary) : column.options;
    return h("select", attrs, (column.optional ? [h("option", { value: "" }, "—")] : []).concat(
      choices.map(([code, text]) => h("option", { value: code, selected: code === value }, text))));
  }
  return h("input", { ...attrs, type: column.type || "text", value: value ?? "", step: column.step, min: column.min });
}

export function rowsInput({ name, columns, value = [], min = 0 }) {
  const body = h("div", { class: "rows-body" });
  const addRow = (row = {}) => {
    const line = h("div", { class: "rows-line" },
      columns.map((column) => h("label", { class: "rows-cell" }, h("span", {}, column.label), cell(column, row[column.name]))),
      h("button", { type: "button", class: "small ghost-dark", "aria-label": t("common.removeRow"),
        onclick: () => { if (body.children.length > min) line.remove(); } }, "✕"));
    body.append(line);
  };
  (value.length ? value : Array.from({ length: Math.max(min, 1) }, () => ({}))).forEach(addRow);
  const element = h("div", { class: "rows", dataset: { name } }, body,
    h("button", { type: "button", class: "small", onclick: () => addRow() }, "＋ ", t("common.addRow")));
  // A row with nothing typed is left out: a select always has a choice, so only typed inputs count.
  Object.defineProperty(element, "value", { get: () => [...body.children].map((line) => {
    const row = {};
    let typed = false;
    columns.forEach((column, index) => {
      const input = line.querySelectorAll("input, select")[index];
      const raw = input.value.trim();
      if (raw === "") return;
      row[column.name] = column.parse ? column.parse(raw) : raw;
      if (input.tagName === "INPUT") typed = true;
    });
    return typed ? row : null;
  }).filter(Boolean) });
  return element;
}
