// The customer picker: searches as you type (GET /api/customers?q=&limit=20, debounced), so it works the
// same with 100 or 100,000 customers; it never lists everyone. Its element has `.value` (the chosen id)
// and fires "pick" with the customer in `detail`.
import { api, customerName, query } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { label } from "./vocab.js";

const DEBOUNCE_MS = 250;

export function customerPicker({ name, value = "", label: fieldLabel = "" } = {}) {
  let chosen = value || "";
  let timer = null;
  let asked = 0;
  const search = h("input", { type: "search", class: "picker-input", autocomplete: "off", role: "combobox",
    "aria-label": fieldLabel || t("common.customer"), "aria-expanded": "false",
    placeholder: t("picker.placeholder"), value: value ? customerName(value) : "" });
  const list = h("ul", { class: "picker-list", role: "listbox", hidden: true });
  const element = h("div", { class: "picker", dataset: { name } }, search, list);
  Object.defineProperty(element, "value", { get: () => chosen });

  const close = () => { list.hidden = true; search.setAttribute("aria-expanded", "false"); };
  const pick = (customer) => {
    chosen = customer.id;
    search.value = customer.name;
    close();
    element.dispatchEvent(new CustomEvent("pick", { detail: customer, bubbles: true }));
  };
  const show = (items, text) => {
    list.replaceChildren(...(items.length ? items.map((customer) => h("li", { role: "option", tabindex: "-1",
      onmousedown: (event) => { event.preventDefault(); pick(customer); },
      onkeydown: (event) => { if (event.key === "Enter") { event.preventDefault(); pick(customer); } } },
    h("strong", {}, customer.name), " ", h("span", { class: "muted" },
      [customer.phone, customer.category ? label("customer_categories", customer.category) : null, label("stages", customer.stage)]
        .filter(Boolean).join(" · ")))) : [h("li", { class: "muted" }, text)]));
    list.hidden = false;
    search.setAttribute("aria-expanded", "true");
  };
  const run = async () => {
    const q = search.value.trim();
    const mine = ++asked;
    try {
      const { items } = await api.get("/api/customers" + query({ q, limit: 20 }));
      if (mine === asked) show(items, t("picker.none"));
    } catch {
      if (mine === asked) show([], t("common.unavailable"));
    }
  };
  search.addEventListener("input", () => {
    chosen = "";
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  search.addEventListener("focus", () => { if (!chosen) run(); });
  search.addEventListener("blur", () => setTimeout(close, 150));
  search.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") { event.preventDefault(); list.querySelector("li[role=option]")?.focus(); }
    if (event.key === "Escape") close();
  });
  list.addEventListener("keydown", (event) => {
    const items = [...list.querySelectorAll("li[role=option]")];
    const at = items.indexOf(document.activeElement);
    if (event.key === "ArrowDown") { event.preventDefault(); items[Math.min(at + 1, items.length - 1)]?.focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at <= 0 ? search : items[at - 1]).focus(); }
    if (event.key === "Escape") { close(); search.focus(); }
  });
  return element;
}
