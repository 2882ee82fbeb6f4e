// The custom centre's boards (定制中心): one per kind, a column per status, a card per work order.
import { api, customerName, learnCustomerNames } from "../api.js";
import { form, formatMoney, h, section, toast } from "../dom.js";
import { t } from "../i18n.js";
import { codes, label, options } from "../vocab.js";

export const WORK_ORDER_KINDS = ["custom_design", "repair", "resale"];

// The figure a card shows: what the work order is worth at its stage.
function figure(order) {
  const amount = order.sale_price ?? order.asking_price ?? order.quote ?? order.estimate ?? order.valuation;
  return amount ? formatMoney(amount) : "";
}

function card(order) {
  return h("a", { class: "wo-card", href: `#/work-orders/${order.id}`, dataset: { ticket: order.id } },
    h("strong", {}, customerName(order.customer_id)),
    h("span", { class: "wo-desc" }, order.description || ""),
    h("span", { class: "wo-figure" }, figure(order)),
    order.due_date ? h("small", {}, `${t("workOrder.dueDate")} ${order.due_date}`) : null,
    order.until ? h("small", {}, `${t("workOrder.until")} ${order.until}`) : null,
    order.actions.length ? h("small", { class: "wo-next" }, order.actions.map((a) => label("work_order_actions", a)).join(" / ")) : null);
}

async function allOf(kind) {
  const items = [];
  let cursor = null;
  do {
    const page = await api.get(`/api/service-tickets?kind=${kind}&limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < 500);
  return items;
}

export async function workOrdersView(kind = "custom_design") {
  const orders = await allOf(kind);
  await learnCustomerNames(orders.map((order) => order.customer_id));
  const tabs = h("nav", { class: "wo-tabs", "aria-label": t("nav.workOrders") }, WORK_ORDER_KINDS.map((each) =>
    h("a", { href: `#/work-orders/board/${each}`, class: each === kind ? "active" : "" }, label("ticket_kinds", each))));
  const columns = codes(`${kind}_statuses`).map((status) => {
    const here = orders.filter((order) => order.status === status);
    return h("div", { class: "wo-column", dataset: { status } },
      h("h3", {}, label(`${kind}_statuses`, status), h("span", { class: "count" }, String(here.length))),
      here.length ? here.map((order) => card(order)) : h("p", { class: "empty" }, t("common.empty")));
  });
  return h("div", { class: "grid" },
    Object.assign(section(`${t("nav.workOrders")} · ${label("ticket_kinds", kind)}`, tabs,
      h("div", { class: "wo-board" }, columns)), { className: "card wo-wide" }),
    section(t("workOrder.new"), await newWorkOrderForm(kind)));
}

async function newWorkOrderForm(kind) {
  const fields = [
    { name: "customer_id", label: t("common.customer"), type: "customer", required: true },
    { name: "description", label: t("ticket.description"), type: "textarea", wide: true, required: true },
    { name: "notify_channel", label: t("workOrder.notifyChannel"), type: "select", optional: true,
      options: options("notice_channels") },
  ];
  if (kind === "repair") {
    fields.push({ name: "piece", label: t("workOrder.piece"), required: true, parse: (text) => ({ description: text }) },
      { name: "intake_notes", label: t("workOrder.intakeNotes"), type: "textarea", wide: true, required: true });
  }
  if (kind === "resale") {
    fields.push({ name: "resale_mode", label: t("workOrder.mode"), type: "select", options: options("resale_modes") },
      { name: "valuation", label: t("workOrder.valuation"), type: "number", step: "0.01", min: "0", required: true });
  }
  const { form: element } = form(fields, { id: "new-work-order", submitLabel: t("common.create"), onSubmit: async (values) => {
    const created = await api.post("/api/service-tickets", { ...values, kind });
    toast(t("common.saved"));
    location.hash = `#/work-orders/${created.id}`;
  } });
  return element;
}
