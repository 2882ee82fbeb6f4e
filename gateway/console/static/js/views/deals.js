// Deals: what was sold, its total (computed by the server) and its delivery.
import { api, customerName } from "../api.js";
import { badge, button, form, formatMoney, formatTime, h, section, toast } from "../dom.js";
import { t } from "../i18n.js";
import { customerOptions, isDeveloper, isManager, pagedList } from "./common.js";

export async function dealsView() {
  const list = await pagedList("/api/deals", {}, [
    { label: t("common.when"), value: (d) => formatTime(d.closed_at || d.created_at) },
    { label: t("common.customer"), value: (d) => customerName(d.customer_id) },
    { label: t("deal.total"), value: (d) => formatMoney(d.total) },
    { label: t("deal.repeat"), value: (d) => (d.repeat_sale ? "✓" : "") },
    { label: t("common.status"), value: (d) => badge(d.status) },
    { label: "", value: (d) => (d.status !== "delivered" && (isDeveloper() || isManager()) ? button(t("deal.deliver"), async () => {
      await api.post(`/api/deals/${d.id}/deliver`, {});
      toast(t("common.saved"));
      window.kamRender();
    }, "small") : "") },
  ]);
  return h("div", { class: "grid" }, section(t("nav.deals"), list),
    isDeveloper() || isManager() ? section(t("deal.new"), await dealForm()) : null);
}

async function dealForm() {
  return form([
    { name: "customer_id", label: t("common.customer"), type: "select", options: await customerOptions(), required: true },
    { name: "origin_type", label: t("deal.origin"), type: "select", options: [["reception", t("claim.reception")], ["visit", t("claim.visit")]] },
    { name: "origin_id", label: `${t("deal.origin")} ID`, required: true },
    { name: "sku", label: t("deal.sku"), required: true, placeholder: "D-1.00-GIA" },
    { name: "description", label: t("deal.description"), required: true, placeholder: "1克拉钻石戒指 GIA证书" },
    { name: "quantity", label: t("deal.quantity"), type: "number", min: "1", value: "1", parse: Number },
    { name: "unit_price", label: t("deal.unitPrice"), type: "number", step: "0.01", min: "0", required: true },
    { name: "discount", label: t("deal.discount"), type: "number", step: "0.01", min: "0", value: "0" },
    { name: "method", label: t("deal.delivery"), type: "select", options: [["pickup", t("deal.pickup")], ["home_delivery", t("deal.home_delivery")]] },
    { name: "address", label: t("deal.address") },
    { name: "date", label: t("deal.date"), type: "date" },
  ], { id: "new-deal", submitLabel: t("common.create"), onSubmit: async (v) => {
    await api.post("/api/deals", {
      customer_id: v.customer_id, origin: { type: v.origin_type, id: v.origin_id },
      items: [{ sku: v.sku, description: v.description, quantity: v.quantity, unit_price: v.unit_price }],
      discount: v.discount || "0",
      delivery: { method: v.method, ...(v.address ? { address: v.address } : {}), ...(v.date ? { date: v.date } : {}) } });
    toast(t("common.saved"));
    window.kamRender();
  } }).form;
}
