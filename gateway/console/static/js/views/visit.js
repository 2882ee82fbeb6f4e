// One visit: its plan, approval, the visit record form, the callback status and the summary.
import { api, session } from "../api.js";
import { ask, badge, button, form, formatMoney, formatTime, h, section, toast } from "../dom.js";
import { t } from "../i18n.js";
import { claimFormFor } from "./claims.js";
import { actionBar, detailList, isManager } from "./common.js";

const refresh = () => { toast(t("common.saved")); window.kamRender(); };

export async function visitView(id) {
  const visit = await api.get(`/api/visits/${id}`);
  const mine = visit.visitor_id === session.me.id;
  const prep = visit.preparation || {};
  return h("div", { class: "grid" },
    section(`${t("nav.visits")} · ${visit.customer_name || ""}`,
      detailList([
        [t("common.status"), badge(visit.status)],
        [t("visit.plannedAt"), formatTime(visit.planned_at)],
        [t("visit.place"), visit.place],
        [t("visit.method"), visit.method ? t(`visit.${visit.method}`) : "—"],
        [t("visit.objectives"), visit.objectives],
        [t("visit.products"), [].concat(prep.products || []).map((p) => (typeof p === "string" ? p : p.name || p.sku)).join("、")],
        [t("visit.gift"), typeof prep.gift === "string" ? prep.gift : prep.gift?.name],
        [t("visit.transport"), prep.transport ? [prep.transport.company_car ? t("visit.companyCar") : t("visit.ownWay"), prep.transport.note].filter(Boolean).join("，") : undefined],
        [t("visit.offers"), (prep.offers || []).map((o) => `${o.product || ""} ${Math.round((1 - Number(o.discount)) * 100) / 10}折`).join("、")],
        [t("customer.budget"), formatMoney(visit.budget)],
        [t("visit.funded"), formatMoney(visit.funded_amount)],
        [t("visit.callback"), visit.callback ? `${t(`status.${visit.callback.status}`)} · ${t("common.due")} ${formatTime(visit.callback.due_at)}` : undefined],
      ]),
      actionBar(
        visit.status === "draft" && mine ? button(t("common.submit"), () => api.post(`/api/visits/${id}/submit`).then(refresh), "primary") : null,
        visit.status === "pending_approval" && isManager() ? button(t("common.approve"), async () => {
          const funded = await ask(t("visit.funded"), visit.budget || "0", { type: "number" });
          if (funded !== null) await api.post(`/api/visits/${id}/approve`, { funded_amount: funded }).then(refresh);
        }, "primary") : null,
        visit.status === "pending_approval" && isManager() ? button(t("common.reject"), async () => {
          const reason = await ask(t("common.reason"));
          if (reason) await api.post(`/api/visits/${id}/reject`, { reason }).then(refresh);
        }) : null,
        visit.status === "approved" && mine ? h("a", { href: `#/visits/${id}/pieces`, class: "button reserve-link" }, t("catalog.choose")) : null,
        visit.status !== "draft" ? h("a", { href: `#/visits/${id}/kit`, class: "button kit-link" }, t("catalog.kit")) : null)),
    visit.status === "approved" && mine ? section(t("visit.record"), recordForm(id)) : null,
    visit.status === "completed" && mine ? section(t("visit.summary"), summaryForm(id)) : null,
    ["approved", "completed", "summarized"].includes(visit.status) && mine ? section(t("claim.new"), claimFormFor("visit", id)) : null,
    visit.record ? section(t("visit.record"), detailList([
      [t("visit.occurredAt"), formatTime(visit.record.occurred_at)],
      [t("visit.talkingPoints"), visit.record.talking_points],
      [t("visit.feedback"), visit.record.customer_feedback],
      [t("visit.nextSteps"), visit.record.next_steps],
    ])) : null,
    visit.summary ? section(t("visit.summary"), h("p", {}, typeof visit.summary === "string" ? visit.summary : visit.summary.text)) : null);
}

function recordForm(id) {
  return form([
    { name: "occurred_at", label: t("visit.occurredAt"), type: "datetime-local", required: true, parse: (raw) => new Date(raw).toISOString() },
    { name: "place", label: t("visit.place"), required: true },
    { name: "method", label: t("visit.method"), type: "select", options: [["in_person", t("visit.in_person")], ["phone", t("visit.phone")], ["video", t("visit.video")]] },
    { name: "talking_points", label: t("visit.talkingPoints"), type: "textarea", wide: true, required: true },
    { name: "customer_feedback", label: t("visit.feedback"), type: "textarea", wide: true },
    { name: "next_steps", label: t("visit.nextSteps"), type: "textarea", wide: true },
    { name: "next_visit_at", label: t("visit.nextVisitAt"), type: "datetime-local", parse: (raw) => new Date(raw).toISOString() },
  ], { id: "record-form", submitLabel: t("visit.record"), onSubmit: (v) => api.post(`/api/visits/${id}/record`, v).then(refresh) }).form;
}

function summaryForm(id) {
  return form([{ name: "text", label: t("visit.summary"), type: "textarea", wide: true, required: true, rows: 5 }],
    { id: "summary-form", submitLabel: t("common.save"), onSubmit: (v) => api.post(`/api/visits/${id}/summary`, v).then(refresh) }).form;
}
