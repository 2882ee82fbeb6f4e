// Receptions at the company: booking with its arrangements (business lounge, hosts, refreshments, a meal
// out with its senior leader), a draft revised in place, approval from `actions`, and the report.
import { actionButtons, overHospitalityCap } from "../actions.js";
import { reviewSection, reviseSection } from "./review.js";
import { api, customerName, may, session, userNames } from "../api.js";
import { badge, formatMoney, formatTime, h, section, toast } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { localInput, wallTimeToIso } from "../time.js";
import { label } from "../vocab.js";
import { claimFormFor } from "./claims.js";
import { detailList, draftEditor, pagedList, rejectionNote, splitList } from "./common.js";

const refresh = () => { toast(t("common.saved")); window.kamRender(); };

export async function receptionsView() {
  const list = await pagedList("/api/receptions", {}, [
    { label: t("reception.scheduledAt"), value: (r) => formatTime(r.scheduled_at) },
    { label: t("common.customer"), value: (r) => customerName(r.customer_id) },
    { label: t("reception.partySize"), value: (r) => r.party_size },
    { label: t("common.status"), value: (r) => badge(r.status, "reception_statuses") },
  ], { onRow: (r) => (location.hash = `#/receptions/${r.id}`) });
  if (!may("receptions.book")) return section(t("nav.receptions"), list);
  const users = await userNames().catch(() => ({}));
  const { form: element } = form(receptionFields({}, users), { id: "new-reception", submitLabel: t("common.create"), onSubmit: async (v) => {
    const created = await api.post("/api/receptions", v);
    location.hash = `#/receptions/${created.id}`;
  } });
  return h("div", { class: "grid" }, section(t("nav.receptions"), list), section(t("reception.new"), element));
}

function receptionFields(r, users) {
  const arrangements = r.arrangements || {};
  const meal = arrangements.meal_out || {};
  const hostOptions = Object.entries(users).map(([id, name]) => [id, name]);
  return [
    ...(r.id ? [] : [{ name: "customer_id", label: t("common.customer"), type: "customer", required: true }]),
    { name: "scheduled_at", label: t("reception.scheduledAt"), type: "datetime-local", required: true, value: localInput(r.scheduled_at), parse: wallTimeToIso },
    { name: "party_size", label: t("reception.partySize"), type: "number", min: "1", value: r.party_size ?? "2", parse: Number },
    { name: "location", label: t("reception.location"), value: r.location },
    { name: "needs", label: t("reception.needs"), type: "textarea", wide: true, value: r.needs },
    { name: "hosts", label: t("reception.hosts"), type: "checks", options: hostOptions, wide: true, value: r.hosts || [session.me.id], keepEmpty: true },
    { name: "arrangements.business_lounge", label: t("reception.lounge"), value: arrangements.business_lounge },
    { name: "arrangements.refreshments", label: t("reception.refreshments"), parse: splitList, value: (arrangements.refreshments || []).join("，") },
    { name: "arrangements.meal_out.venue", label: t("reception.mealVenue"), value: meal.venue },
    { name: "arrangements.meal_out.accompanying_leader", label: t("reception.mealLeader"), value: meal.accompanying_leader },
    { name: "arrangements.meal_out.standard", label: t("reception.mealStandard"), value: meal.standard },
    { name: "arrangements.meal_out.meal_per_head", label: t("reception.mealPerHead"), type: "number", step: "0.01", min: "0",
      value: meal.meal_per_head },
    { name: "arrangements.note", label: t("common.notes"), value: arrangements.note },
  ];
}

export async function receptionView(id) {
  const [r, users] = await Promise.all([api.get(`/api/receptions/${id}`), userNames().catch(() => ({}))]);
  const mine = r.host_id === session.me.id;
  const arrangements = r.arrangements || {};
  const meal = arrangements.meal_out;
  const editor = draftEditor(r, t("reception.edit"), form(receptionFields(r, users), { id: "edit-reception",
    submitLabel: t("common.save"), onSubmit: (v) => api.patch(`/api/receptions/${id}`, v).then(refresh) }).form);
  return h("div", { class: "grid" },
    section(`${t("nav.receptions")} · ${customerName(r.customer_id)}`, detailList([
      [t("common.status"), badge(r.status, "reception_statuses")],
      [t("reception.scheduledAt"), formatTime(r.scheduled_at)],
      [t("reception.partySize"), r.party_size],
      [t("reception.location"), r.location],
      [t("reception.needs"), r.needs],
      [t("reception.hosts"), (r.hosts || []).map((host) => users[host] || host).join("、")],
      [t("reception.lounge"), arrangements.business_lounge],
      [t("reception.refreshments"), (arrangements.refreshments || []).join("、")],
      [t("reception.mealOut"), meal ? [meal.venue, meal.accompanying_leader, meal.standard,
        meal.meal_per_head ? `${t("reception.mealPerHead")} ${formatMoney(meal.meal_per_head)}` : null].filter(Boolean).join(" · ") : undefined],
      [t("visit.funded"), formatMoney(r.funded_amount)],
    ]), rejectionNote(r, r.reason), actionButtons(r, "/api/receptions", {
      edit: editor.edit,
      approve: { askOn: overHospitalityCap, fields: [{ name: "funded_amount", label: t("visit.funded"), type: "number", step: "0.01", min: "0" }] },
      reject: { fields: [{ name: "reason", label: t("common.reason"), required: true }] },
      report: { hidden: true }, review: { hidden: true }, revise: { hidden: true },
    })),
    editor.section,
    (r.actions || []).includes("report") ? section(t("reception.report"), form([
      { name: "experience", label: t("reception.experience"), type: "textarea", wide: true, required: true },
      { name: "products_viewed", label: t("reception.productsViewed"), type: "rows", wide: true,
        columns: [{ name: "description", label: t("deal.description") }, { name: "sku", label: t("deal.sku") },
          { name: "interest", label: t("reception.interest"), vocabulary: "product_interest", optional: true }] },
      { name: "outcome", label: t("reception.outcome"), type: "select", vocabulary: "reception_outcomes" },
      { name: "notes", label: t("common.notes"), type: "textarea", wide: true },
    ], { id: "report-form", submitLabel: t("common.save"), onSubmit: (v) => api.post(`/api/receptions/${id}/report`, v).then(refresh) }).form) : null,
    r.report ? section(t("reception.report"), detailList([
      [t("reception.experience"), r.report.experience],
      [t("reception.outcome"), label("reception_outcomes", r.report.outcome)],
      [t("reception.productsViewed"), (r.report.products_viewed || []).map((p) => p.description).join("、")],
      [t("common.notes"), r.report.notes],
    ])) : null,
    reviewSection(r, "/api/receptions", (v) => [v.experience, (v.products_viewed || []).map((p) => p.description).join("、"), v.notes].filter(Boolean).join(" / ")),
    reviseSection(r, "/api/receptions", r.report ? [
      { name: "experience", label: t("reception.experience"), type: "textarea", wide: true, value: r.report.experience },
      { name: "outcome", label: t("reception.outcome"), type: "select", vocabulary: "reception_outcomes", value: r.report.outcome },
      { name: "notes", label: t("common.notes"), type: "textarea", wide: true, value: r.report.notes },
    ] : []),
    ["approved", "reported"].includes(r.status) && mine && may("claims.file") ? section(t("claim.new"), claimFormFor("reception", id)) : null);
}
