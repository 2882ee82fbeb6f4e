// Forms from field definitions. Dotted names build nested bodies ("source.channel" → {source: {channel}});
// the API's field errors appear next to their fields and its `detail` at the form; the submit button is
// disabled while a request is in flight, so a double click submits once.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { customerPicker } from "./picker.js";
import { rowsInput } from "./rows.js";
import { fieldErrors, problemMessage } from "./problems.js";
import { options as vocabularyOptions } from "./vocab.js";

// `onProblem(error, errorBoxes)` may add to the messages (a link to the record a conflict names).
export function form(fields, { submitLabel, onSubmit, onProblem, id, className = "" } = {}) {
  const inputs = {};
  const errorBoxes = {};
  const problem = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary" }, submitLabel || t("common.save"));
  let busy = false;
  const element = h("form", { class: `form ${className}`, id, novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    submit.disabled = true;
    clearErrors();
    try { await onSubmit(values()); }
    catch (error) { showProblem(error); }
    finally { busy = false; submit.disabled = false; }
  } },
  fields.map((field) => {
    const input = fieldInput(field);
    inputs[field.name] = input;
    errorBoxes[field.name] = h("small", { class: "field-error", id: `${id || "f"}-${field.name}-error` });
    const tag = ["checks", "customer", "rows"].includes(field.type) ? "div" : "label";
    return h(tag, { class: `field ${field.wide ? "wide" : ""}`, dataset: { field: field.name } },
      h("span", { class: "field-label" }, field.label), input, errorBoxes[field.name]);
  }),
  problem,
  h("div", { class: "actions" }, submit));

  function values() {
    const out = {};
    for (const field of fields) {
      let raw = readInput(field, inputs[field.name]);
      if ((raw === "" || raw === null || raw === undefined) && !field.keepEmpty) continue;
      if (field.parse) raw = field.parse(raw);
      setPath(out, field.name, raw);
    }
    return out;
  }

  function clearErrors() {
    problem.hidden = true;
    problem.textContent = "";
    for (const box of Object.values(errorBoxes)) box.textContent = "";
    for (const input of Object.values(inputs)) input.removeAttribute?.("aria-invalid");
  }

  // Each message goes to the field with the longest matching name; what no field takes goes to the form.
  // A conflict whose `code` a field names in `problemCodes` (a reason the server requires only in some
  // states) is that field's error.
  function showProblem(error) {
    const unplaced = [];
    const owner = fields.find((field) => (field.problemCodes || []).includes(error?.body?.code));
    if (owner && !error.body.errors) {
      errorBoxes[owner.name].textContent = problemMessage(error);
      inputs[owner.name].setAttribute?.("aria-invalid", "true");
      return;
    }
    for (const [path, message] of fieldErrors(error?.body?.errors)) {
      const name = fieldFor(path);
      if (name) {
        errorBoxes[name].textContent = [errorBoxes[name].textContent, message].filter(Boolean).join("；");
        inputs[name].setAttribute?.("aria-invalid", "true");
      } else unplaced.push(path ? `${path}：${message}` : message);
    }
    problem.textContent = [problemMessage(error), ...unplaced].join(" ");
    problem.hidden = false;
    onProblem?.(error, errorBoxes);
  }

  function fieldFor(path) {
    const parts = path.split(".");
    for (let n = parts.length; n > 0; n -= 1) {
      const candidate = parts.slice(0, n).join(".");
      if (candidate in inputs) return candidate;
    }
    const aliased = fields.find((field) => (field.errorsFrom || []).some((name) => path === name || path.startsWith(`${name}.`)));
    return aliased?.name || null;
  }

  return { form: element, values, showProblem, inputs };
}

function setPath(target, path, value) {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] ??= {};
  node[parts[parts.length - 1]] = value;
}

function optionsOf(field) {
  return field.vocabulary ? vocabularyOptions(field.vocabulary, { except: field.except }) : field.options || [];
}

function fieldInput(field) {
  const attrs = { name: field.name, required: field.required, placeholder: field.placeholder || "",
    "aria-describedby": null };
  if (field.type === "select") {
    const blank = field.optional || field.value === undefined && field.blank ? [h("option", { value: "" }, "—")] : [];
    return h("select", attrs, blank.concat(optionsOf(field).map(([value, text]) =>
      h("option", { value, selected: value === field.value }, text))));
  }
  if (field.type === "checks") {
    const chosen = new Set(field.value || []);
    return h("div", { class: "checks", role: "group", "aria-label": field.label }, optionsOf(field).map(([value, text]) =>
      h("label", { class: "check" }, h("input", { type: "checkbox", name: field.name, value, checked: chosen.has(value) }), text)));
  }
  if (field.type === "customer") return customerPicker({ name: field.name, value: field.value, label: field.label });
  if (field.type === "rows") return rowsInput(field);
  if (field.type === "custom") return field.element;
  if (field.type === "textarea") return h("textarea", { ...attrs, rows: field.rows || 3 }, field.value || "");
  if (field.type === "checkbox") return h("input", { ...attrs, type: "checkbox", checked: field.value });
  return h("input", { ...attrs, type: field.type || "text", value: field.value ?? "", step: field.step, min: field.min,
    max: field.max, accept: field.accept, autocomplete: field.autocomplete });
}

function readInput(field, input) {
  if (field.type === "checks") return [...input.querySelectorAll("input:checked")].map((box) => box.value);
  if (field.type === "rows") return input.value;
  if (field.type === "customer" || field.type === "custom") return field.read ? field.read(input) : input.value;
  if (field.type === "checkbox") return input.checked;
  if (field.type === "file") return input.files[0] || null;
  return typeof input.value === "string" ? input.value.trim() : input.value;
}

// A form in the console's own modal dialog; resolves with what onSubmit returned, or null when cancelled.
// Errors stay in the dialog next to their fields until the user fixes them or cancels.
export function dialogForm(title, fields, onSubmit, { submitLabel, intro } = {}) {
  return new Promise((resolve) => {
    let answered = null;
    const { form: element } = form(fields, { submitLabel: submitLabel || t("common.ok"), id: "dialog-form", onSubmit: async (values) => {
      answered = { value: await onSubmit(values) };
      dialog.close();
    } });
    const cancel = h("button", { type: "button", onclick: () => dialog.close() }, t("common.cancel"));
    element.querySelector(".actions").append(cancel);
    const dialog = h("dialog", { class: "ask", "aria-label": title }, h("h2", {}, title), intro ? h("p", {}, intro) : "", element);
    dialog.addEventListener("close", () => { resolve(answered ? answered.value ?? true : null); dialog.remove(); });
    document.body.append(dialog);
    dialog.showModal();
    (element.querySelector("input, select, textarea") || element.querySelector("button[type=submit]"))?.focus();
  });
}
