// One work order: its stages, its money, its pictures, its history, and its next steps as buttons
// from `actions` (each with the body API.md names for it).
import { api, customerName, learnCustomerNames, request } from "../api.js";
import { button, form, formatDate, formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { t } from "../i18n.js";
import { codes, label, options } from "../vocab.js";
import { detailList } from "./common.js";

const money = (name) => ({ name, label: t(`workOrder.${name}`), type: "number", step: "0.01", min: "0", required: true });
const note = { name: "note", label: t("common.notes"), type: "textarea", wide: true };

// What each step asks for; which steps the caller may take now comes from the server (`actions`).
const BODIES = {
  quote: () => [money("amount"), { ...money("deposit"), required: false }],
  "pay-deposit": () => [money("amount")],
  "quality-check": () => [{ name: "passed", label: t("workOrder.passed"), type: "checkbox", keepEmpty: true }, note],
  estimate: () => [money("amount"), { name: "due_date", label: t("workOrder.dueDate"), type: "date", required: true }],
  agree: () => [money("asking_price"),
    { name: "commission_rate", label: t("workOrder.commission_rate"), type: "number", step: "0.0001", min: "0", required: true },
    { name: "mode", label: t("workOrder.mode"), type: "select", options: options("resale_modes") },
    { name: "until", label: t("workOrder.until"), type: "date" }],
  sell: async () => [money("price"), { name: "buyer_customer_id", label: t("workOrder.buyer"), type: "customer" }],
  extend: () => [{ name: "until", label: t("workOrder.until"), type: "date", required: true }],
  start: () => [],
  resolve: () => [{ name: "resolution", label: t("workOrder.resolution"), type: "textarea", wide: true, required: true }],
};
const MONEY = ["valuation", "quote", "deposit", "deposit_paid", "balance_due", "estimate", "asking_price", "sale_price",
  "commission", "payout"];

function stages(order) {
  const all = codes(`${order.kind}_statuses`).length ? codes(`${order.kind}_statuses`)
    : codes("general_ticket_statuses");
  const at = all.indexOf(order.status);
  return h("ol", { class: "wo-stages" }, all.map((status, index) =>
    h("li", { class: index === at ? "current" : index < at ? "done" : "" }, label("ticket_statuses", status))));
}

function figures(step) {
  return Object.entries(step.figures || {}).filter(([, value]) => value !== null && value !== "")
    .map(([name, value]) => `${t(`workOrder.${name}`)}：${typeof value === "boolean" ? t(`workOrder.${value ? "yes" : "no"}`) : value}`)
    .join("；");
}

// The named actions have labels in the vocabulary; opening, the general start/resolve and the migration in i18n.
function stepLabel(action) {
  return codes("work_order_actions").includes(action) ? label("work_order_actions", action) : t(`workOrder.${action}`);
}

function stepButton(action, open) {
  return button(stepLabel(action), () => open(action), "primary");
}

function history(order) {
  const statusLabel = (status) => (status ? label("ticket_statuses", status) : "—");
  return h("div", { class: "wo-history" }, table(order.history, [
    { label: t("common.when"), value: (step) => formatTime(step.at) },
    { label: t("workOrder.step"), value: (step) => stepLabel(step.action) },
    { label: t("common.status"), value: (step) => `${statusLabel(step.from_status)} → ${statusLabel(step.to_status)}` },
    { label: t("workOrder.by"), value: (step) => (step.by_role ? t(`role.${step.by_role}`) : "—") },
    { label: t("workOrder.figures"), value: figures },
  ]));
}

function moneyList(order) {
  const pairs = MONEY.filter((name) => order[name] !== null && order[name] !== undefined).map((name) => [t(`workOrder.${name}`), formatMoney(order[name])]);
  if (order.commission_rate) pairs.push([t("workOrder.commission_rate"), `${(Number(order.commission_rate) * 100).toFixed(2)}%`]);
  if (order.due_date) pairs.push([t("workOrder.dueDate"), formatDate(order.due_date)]);
  if (order.until) pairs.push([t("workOrder.until"), formatDate(order.until)]);
  if (order.deal_id) pairs.push([t("workOrder.deal"), h("a", { href: "#/deals" }, order.deal_id.slice(0, 8))]);
  return pairs.length ? detailList(pairs) : h("p", { class: "empty" }, t("common.empty"));
}

async function pictures(order, refresh) {
  const shown = await Promise.all(order.images.map(async (image) => {
    const url = URL.createObjectURL(await api.blob(image.thumbnail_url));
    return h("figure", { class: "wo-picture" }, h("img", { src: url, alt: label("image_purposes", image.purpose) }),
      h("figcaption", {}, label("image_purposes", image.purpose)));
  }));
  const file = h("input", { type: "file", accept: "image/jpeg,image/png", id: "work-order-picture" });
  const purpose = h("select", { name: "purpose" }, options("image_purposes").map(([code, text]) => h("option", { value: code }, text)));
  const upload = button(t("workOrder.upload"), async () => {
    if (!file.files[0]) return toast(t("workOrder.chooseFile"), "error");
    upload.disabled = true;
    const data = new FormData();
    data.append("file", file.files[0]);
    data.append("purpose", purpose.value);
    try { await request("POST", `/api/service-tickets/${order.id}/images`, data); toast(t("common.saved")); refresh(); }
    catch (error) { toast(error.body?.errors?.file?.join("；") || error.body?.detail || error.message, "error"); }
    finally { upload.disabled = false; }
  });
  return h("div", {}, h("div", { class: "wo-pictures" }, shown.length ? shown : h("p", { class: "empty" }, t("common.empty"))),
    h("div", { class: "action-bar" }, purpose, file, upload));
}

async function nextSteps(order, refresh) {
  const holder = h("div", { class: "wo-step-form" });
  const open = async (action) => {
    const fields = await (BODIES[action] || (() => [note]))();
    const { form: element } = form(fields, { id: `step-${action}`, submitLabel: stepLabel(action),
      onSubmit: async (values) => {
        await api.post(`/api/service-tickets/${order.id}/${action}`, values);
        toast(t("common.saved"));
        refresh();
      } });
    holder.replaceChildren(h("h3", {}, stepLabel(action)), element);
  };
  if (!order.actions.length) return h("p", { class: "empty" }, t("workOrder.noNextStep"));
  return h("div", {}, h("div", { class: "action-bar wo-actions" },
    order.actions.map((action) => stepButton(action, open))), holder);
}

export async function workOrderView(id) {
  const order = await api.get(`/api/service-tickets/${id}`);
  await learnCustomerNames([order.customer_id]);
  const refresh = () => window.kamRender();
  return h("div", { class: "grid" },
    section(`${label("ticket_kinds", order.kind)} · ${customerName(order.customer_id)}`,
      h("p", { class: "wo-status" }, h("span", { class: "badge" }, label("ticket_statuses", order.status))),
      stages(order),
      detailList([[t("ticket.description"), order.description],
        [t("workOrder.piece"), order.piece ? order.piece.description : undefined],
        [t("workOrder.intakeNotes"), order.intake_notes ?? undefined],
        [t("workOrder.notifyChannel"), order.notify_channel ? label("notice_channels", order.notify_channel) : null]]),
      h("a", { href: `#/work-orders/board/${order.kind}`, class: "button ghost" }, t("workOrder.backToBoard"))),
    section(t("workOrder.next"), await nextSteps(order, refresh)),
    section(t("workOrder.money"), h("div", { class: "wo-money" }, moneyList(order))),
    section(t("workOrder.pictures"), await pictures(order, refresh)),
    Object.assign(section(t("workOrder.history"), history(order)), { className: "card wo-wide" }));
}
