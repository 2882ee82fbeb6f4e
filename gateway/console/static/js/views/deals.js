// Deals: what was sold (several lines), its origin picked from the customer's visits and receptions,
// the total computed by the server, and its delivery (the button only when `actions` has it).
import { actionButtons } from "../actions.js";
import { api, customerName, may } from "../api.js";
import { badge, formatMoney, formatTime, h, section, toast } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { pagedList } from "./common.js";
import { subjectField } from "./subjects.js";

export async function dealsView() {
  const list = await pagedList("/api/deals", {}, [
    { label: t("common.when"), value: (d) => formatTime(d.closed_at) },
    { label: t("common.customer"), value: (d) => customerName(d.customer_id) },
    { label: t("deal.total"), value: (d) => formatMoney(d.total) },
    { label: t("deal.repeat"), value: (d) => (d.repeat_sale ? "✓" : "") },
    { label: t("common.status"), value: (d) => badge(d.status, "deal_statuses") },
    { label: "", value: (d) => actionButtons(d, "/api/deals") },
  ]);
  return h("div", { class: "grid" }, section(t("nav.deals"), list),
    may("deals.record") ? section(t("deal.new"), dealForm()) : null);
}

function dealForm() {
  const origin = subjectField("origin", ["reception", "visit"], { vocabulary: "deal_origin_types",
    subjectLabel: t("deal.origin"), typeLabel: t("deal.originType") });
  return form([
    origin,
    { name: "items", label: t("deal.items"), type: "rows", wide: true, min: 1, columns: [
      { name: "sku", label: t("deal.sku") }, { name: "description", label: t("deal.description") },
      { name: "quantity", label: t("deal.quantity"), type: "number", min: "1", parse: Number },
      { name: "unit_price", label: t("deal.unitPrice"), type: "number", step: "0.01", min: "0" }] },
    { name: "discount", label: t("deal.discountAmount"), type: "number", step: "0.01", min: "0", value: "0" },
    { name: "delivery.method", label: t("deal.delivery"), type: "select", vocabulary: "delivery_methods" },
    { name: "delivery.address", label: t("deal.address") },
    { name: "delivery.date", label: t("deal.date"), type: "date" },
  ], { id: "new-deal", submitLabel: t("common.create"), onSubmit: async (v) => {
    await api.post("/api/deals", { ...v, customer_id: origin.customer() || undefined });
    toast(t("common.saved"));
    window.kamRender();
  } }).form;
}
