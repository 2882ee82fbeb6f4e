// Visits: the list and the visit plan with its preparation.
import { api } from "../api.js";
import { badge, form, formatTime, h, section, toast } from "../dom.js";
import { t } from "../i18n.js";
import { customerOptions, isDeveloper, pagedList } from "./common.js";

export async function visitsView() {
  const list = await pagedList("/api/visits", {}, [
    { label: t("visit.plannedAt"), value: (v) => formatTime(v.planned_at) },
    { label: t("common.customer"), value: (v) => v.customer_name || v.customer_id },
    { label: t("visit.place"), value: (v) => v.place },
    { label: t("common.status"), value: (v) => badge(v.status) },
  ], { onRow: (v) => (location.hash = `#/visits/${v.id}`) });
  return section(t("nav.visits"), isDeveloper() ? h("a", { href: "#/visits/new", class: "button primary" }, t("visit.new")) : "", list);
}

export async function newVisitView() {
  const customers = await customerOptions();
  const { form: element } = form([
    { name: "customer_id", label: t("common.customer"), type: "select", options: customers, required: true },
    { name: "planned_at", label: t("visit.plannedAt"), type: "datetime-local", required: true, parse: (raw) => new Date(raw).toISOString() },
    { name: "place", label: t("visit.place"), required: true },
    { name: "method", label: t("visit.method"), type: "select", options: [["in_person", t("visit.in_person")], ["phone", t("visit.phone")], ["video", t("visit.video")]] },
    { name: "objectives", label: t("visit.objectives"), type: "textarea", wide: true },
    { name: "products", label: t("visit.products"), placeholder: "1克拉钻戒, 结婚周年纪念款" },
    { name: "gift", label: t("visit.gift"), placeholder: "定制礼盒" },
    { name: "transport", label: t("visit.transport"), type: "select", options: [["company_car", t("visit.companyCar")], ["own", t("visit.ownWay")]] },
    { name: "discount", label: `${t("visit.offers")}（0.10 = 九折）`, type: "number", step: "0.01", min: "0", max: "1" },
    { name: "budget", label: t("customer.budget"), type: "number", step: "0.01", min: "0" },
  ], {
    id: "new-visit",
    submitLabel: t("common.create"),
    onSubmit: async (v) => {
      const products = v.products ? v.products.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : [];
      const body = { customer_id: v.customer_id, planned_at: v.planned_at, place: v.place, method: v.method,
        objectives: v.objectives, budget: v.budget,
        preparation: { products, transport: { company_car: v.transport === "company_car" },
          ...(v.gift ? { gift: v.gift } : {}),
          ...(v.discount ? { offers: products.map((product) => ({ product, discount: v.discount })) } : {}) } };
      const created = await api.post("/api/visits", body);
      toast(t("common.saved"));
      location.hash = `#/visits/${created.id}`;
    },
  });
  return section(t("visit.new"), element);
}
