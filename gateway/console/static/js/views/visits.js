// Visits: the list (filtered by status, kept in the hash) and the visit plan with its preparation.
import { api, may } from "../api.js";
import { badge, formatTime, h, section, toast } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { localInput, wallTimeToIso } from "../time.js";
import { label, options } from "../vocab.js";
import { hashParams, keepInHash, pagedList, splitList } from "./common.js";

export async function visitsView() {
  const filters = { status: "", ...hashParams() };
  keepInHash(filters);
  const list = await pagedList("/api/visits", filters, [
    { label: t("visit.plannedAt"), value: (v) => formatTime(v.planned_at) },
    { label: t("common.customer"), value: (v) => v.customer_name || "—" },
    { label: t("visit.place"), value: (v) => v.place || "—" },
    { label: t("visit.method"), value: (v) => label("visit_methods", v.method) },
    { label: t("common.status"), value: (v) => badge(v.status, "visit_statuses") },
  ], { onRow: (v) => (location.hash = `#/visits/${v.id}`) });
  const status = h("select", { name: "status", "aria-label": t("common.status") }, h("option", { value: "" }, `${t("common.status")}：${t("common.all")}`),
    options("visit_statuses").map(([code, text]) => h("option", { value: code, selected: code === filters.status }, text)));
  status.addEventListener("change", () => { keepInHash({ status: status.value }); window.kamRender(); });
  return section(t("nav.visits"), h("div", { class: "filters" }, status,
    may("visits.plan") ? h("a", { href: "#/visits/new", class: "button primary" }, t("visit.new")) : null), list);
}

// The plan's fields, for a new visit and for revising a draft (PATCH).
export function visitFields(visit = {}) {
  const prep = visit.preparation || {};
  return [
    ...(visit.id ? [] : [{ name: "customer_id", label: t("common.customer"), type: "customer", required: true }]),
    { name: "planned_at", label: t("visit.plannedAt"), type: "datetime-local", required: true, value: localInput(visit.planned_at), parse: wallTimeToIso },
    { name: "place", label: t("visit.place"), value: visit.place },
    { name: "method", label: t("visit.method"), type: "select", vocabulary: "visit_methods", value: visit.method },
    { name: "objectives", label: t("visit.objectives"), type: "textarea", wide: true, value: visit.objectives },
    { name: "preparation.products", label: t("visit.products"), parse: splitList, value: (prep.products || []).join("，"), placeholder: t("visit.productsHint") },
    { name: "preparation.offers", label: t("visit.offers"), type: "rows", wide: true, value: prep.offers || [], keepEmpty: true,
      columns: [{ name: "product", label: t("visit.offerProduct") },
        { name: "discount", label: t("visit.discountFraction"), type: "number", step: "0.01", min: "0" },
        { name: "note", label: t("common.notes") }] },
    { name: "preparation.gift", label: t("visit.gift"), value: prep.gift_suggested ? "" : prep.gift, placeholder: t("visit.giftHint") },
    { name: "preparation.transport.company_car", label: t("visit.companyCar"), type: "checkbox", keepEmpty: true, value: prep.transport?.company_car },
    { name: "preparation.transport.note", label: t("visit.transportNote"), value: prep.transport?.note },
    { name: "companions", label: t("visit.companions"), parse: splitList, value: (visit.companions || []).join("，") },
    { name: "budget", label: t("customer.budget"), type: "number", step: "0.01", min: "0", value: visit.budget },
  ];
}

export async function newVisitView() {
  const { form: element } = form(visitFields(), {
    id: "new-visit",
    submitLabel: t("common.create"),
    onSubmit: async (values) => {
      const created = await api.post("/api/visits", values);
      toast(t("common.saved"));
      location.hash = `#/visits/${created.id}`;
    },
  });
  return section(t("visit.new"), element);
}
