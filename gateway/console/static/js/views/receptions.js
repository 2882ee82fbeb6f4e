// Receptions at the company: booking, approval, and the reception report.
import { api, customerName, session } from "../api.js";
import { ask, badge, button, form, formatMoney, formatTime, h, section, toast } from "../dom.js";
import { t } from "../i18n.js";
import { claimFormFor } from "./claims.js";
import { actionBar, customerOptions, detailList, isManager, pagedList } from "./common.js";

const refresh = () => { toast(t("common.saved")); window.kamRender(); };

export async function receptionsView() {
  const list = await pagedList("/api/receptions", {}, [
    { label: t("reception.scheduledAt"), value: (r) => formatTime(r.scheduled_at) },
    { label: t("common.customer"), value: (r) => customerName(r.customer_id) },
    { label: t("reception.partySize"), value: (r) => r.party_size },
    { label: t("common.status"), value: (r) => badge(r.status) },
  ], { onRow: (r) => (location.hash = `#/receptions/${r.id}`) });
  const canBook = ["developer", "manager"].includes(session.me.role);
  return h("div", { class: "grid" }, section(t("nav.receptions"), list), canBook ? section(t("reception.new"), await bookingForm()) : null);
}

async function bookingForm() {
  return form([
    { name: "customer_id", label: t("common.customer"), type: "select", options: await customerOptions(), required: true },
    { name: "scheduled_at", label: t("reception.scheduledAt"), type: "datetime-local", required: true, parse: (raw) => new Date(raw).toISOString() },
    { name: "party_size", label: t("reception.partySize"), type: "number", min: "1", value: "2", parse: Number },
    { name: "location", label: t("reception.location"), value: "商务室" },
    { name: "needs", label: t("reception.needs"), type: "textarea", wide: true },
  ], { id: "new-reception", submitLabel: t("common.create"), onSubmit: async (v) => {
    const created = await api.post("/api/receptions", { ...v, hosts: [session.me.id] });
    location.hash = `#/receptions/${created.id}`;
  } }).form;
}

export async function receptionView(id) {
  const r = await api.get(`/api/receptions/${id}`);
  const mine = r.host_id === session.me.id;
  return h("div", { class: "grid" },
    section(t("nav.receptions"), detailList([
      [t("common.status"), badge(r.status)],
      [t("reception.scheduledAt"), formatTime(r.scheduled_at)],
      [t("reception.partySize"), r.party_size],
      [t("reception.location"), r.location],
      [t("reception.needs"), r.needs],
      [t("visit.funded"), formatMoney(r.funded_amount)],
    ]), actionBar(
      r.status === "draft" && mine ? button(t("common.submit"), () => api.post(`/api/receptions/${id}/submit`).then(refresh), "primary") : null,
      r.status === "pending_approval" && isManager() ? button(t("common.approve"), () => api.post(`/api/receptions/${id}/approve`, {}).then(refresh), "primary") : null,
      r.status === "pending_approval" && isManager() ? button(t("common.reject"), async () => {
        const reason = await ask(t("common.reason"));
        if (reason) await api.post(`/api/receptions/${id}/reject`, { reason }).then(refresh);
      }) : null)),
    r.status === "approved" && mine ? section(t("reception.report"), form([
      { name: "experience", label: t("reception.experience"), type: "textarea", wide: true, required: true },
      { name: "products_viewed", label: t("reception.productsViewed"), placeholder: "1.20克拉钻石戒指, 铂金对戒",
        parse: (raw) => raw.split(/[,，、]/).map((s) => s.trim()).filter(Boolean).map((description) => ({ description })) },
      { name: "outcome", label: t("reception.outcome"), type: "select", options: [["deal", t("reception.outcomeDeal")], ["follow_up", t("reception.outcomeFollowUp")], ["declined", t("reception.outcomeDeclined")]] },
      { name: "notes", label: t("common.notes"), type: "textarea", wide: true },
    ], { id: "report-form", submitLabel: t("common.save"), onSubmit: (v) => api.post(`/api/receptions/${id}/report`, v).then(refresh) }).form) : null,
    ["approved", "reported"].includes(r.status) && mine ? section(t("claim.new"), claimFormFor("reception", id)) : null);
}
