// One visit: its plan (a draft revised in place), the manager's decision, colleagues' advice before it,
// the visit record form, the callback status, the summary, and claims on it.
import { actionButtons, overHospitalityCap } from "../actions.js";
import { api, may, session } from "../api.js";
import { badge, formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { localInput, wallTimeToIso } from "../time.js";
import { label } from "../vocab.js";
import { claimFormFor } from "./claims.js";
import { actionBar, detailList, draftEditor, optional, rejectionNote } from "./common.js";
import { supportHandler, supportSection } from "./event_money.js";
import { reviewSection, reviseSection } from "./review.js";
import { checkInButton, checkInText } from "./visit_check_in.js";
import { visitFields } from "./visits.js";

const refresh = () => { toast(t("common.saved")); window.kamRender(); };

export async function visitView(id) {
  const [visit, advice] = await Promise.all([api.get(`/api/visits/${id}`), optional(api.get(`/api/visits/${id}/advice`))]);
  const mine = visit.visitor_id === session.me.id;
  const prep = visit.preparation || {};
  const actions = visit.actions || [];
  const [support, supported] = await Promise.all([supportHandler(visit), supportSection(visit)]);
  const editor = draftEditor(visit, t("visit.edit"), form(visitFields(visit), { id: "edit-visit", submitLabel: t("common.save"),
    onSubmit: (values) => api.patch(`/api/visits/${id}`, values).then(refresh) }).form);
  return h("div", { class: "grid" },
    section(`${t("nav.visits")} · ${visit.customer_name || ""}`,
      detailList([
        [t("common.status"), badge(visit.status, "visit_statuses")],
        [t("visit.plannedAt"), formatTime(visit.planned_at)],
        [t("visit.place"), visit.place],
        [t("visit.method"), label("visit_methods", visit.method)],
        [t("visit.objectives"), visit.objectives],
        [t("visit.products"), (prep.products || []).join("、")],
        [t("visit.gift"), prep.gift ? `${prep.gift}${prep.gift_suggested ? `（${t("visit.suggested")}）` : ""}` : undefined],
        [t("visit.transport"), prep.transport ? [prep.transport.company_car ? t("visit.companyCar") : t("visit.ownWay"), prep.transport.note].filter(Boolean).join("，") : undefined],
        [t("visit.offers"), (prep.offers || []).map((o) => `${o.product} −${Math.round(Number(o.discount) * 100)}%`).join("、")],
        [t("visit.companions"), (visit.companions || []).join("、")],
        [t("customer.budget"), formatMoney(visit.budget)],
        [t("visit.funded"), formatMoney(visit.funded_amount)],
        [t("visit.checkedIn"), visit.check_in ? `${formatTime(visit.check_in.at)} · ${checkInText(visit.check_in)}` : undefined],
        [t("visit.callback"), visit.callback ? `${label("task_statuses", visit.callback.status)} · ${t("common.due")} ${formatTime(visit.callback.due_at)}` : undefined],
      ]),
      rejectionNote(visit, visit.rejection_reason),
      actionButtons(visit, "/api/visits", {
        edit: editor.edit,
        approve: { askOn: overHospitalityCap, fields: [{ name: "funded_amount", label: t("visit.funded"), type: "number", step: "0.01", min: "0", required: true, value: visit.budget || "0" }] },
        reject: { fields: [{ name: "reason", label: t("common.reason"), required: true }] },
        record: { hidden: true }, summarize: { hidden: true }, review: { hidden: true }, revise: { hidden: true },
        check_in: { hidden: true },
        ...(support ? { support } : {}),
      }),
      checkInButton(visit),
      actionBar(
        visit.status === "approved" && mine ? h("a", { href: `#/visits/${id}/pieces`, class: "button reserve-link" }, t("catalog.choose")) : null,
        visit.status !== "draft" ? h("a", { href: `#/visits/${id}/kit`, class: "button kit-link" }, t("catalog.kit")) : null)),
    supported,
    editor.section,
    section(t("visit.advice"), adviceBlock(id, advice?.items || [], ["draft", "pending_approval", "approved"].includes(visit.status))),
    actions.includes("record") ? section(t("visit.record"), recordForm(visit)) : null,
    actions.includes("summarize") ? section(t("visit.summary"), summaryForm(id)) : null,
    ["approved", "completed", "summarized"].includes(visit.status) && mine && may("claims.file") ? section(t("claim.new"), claimFormFor("visit", id)) : null,
    visit.record ? section(t("visit.record"), detailList([
      [t("visit.occurredAt"), formatTime(visit.record.occurred_at)],
      [t("visit.place"), visit.record.place],
      [t("visit.method"), label("visit_methods", visit.record.method)],
      [t("visit.talkingPoints"), visit.record.talking_points],
      [t("visit.feedback"), visit.record.customer_feedback],
      [t("visit.nextSteps"), visit.record.next_steps],
      [t("visit.nextVisitAt"), formatTime(visit.record.next_visit_at)],
    ])) : null,
    visit.summary ? section(t("visit.summary"), h("p", {}, visit.summary)) : null,
    reviewSection(visit, "/api/visits", (v) => [v.talking_points, v.customer_feedback, v.summary].filter(Boolean).join(" / ")),
    reviseSection(visit, "/api/visits", revisionFields(visit)));
}

function revisionFields(visit) {
  const record = visit.record || {};
  return [
    { name: "place", label: t("visit.place"), value: record.place },
    { name: "method", label: t("visit.method"), type: "select", vocabulary: "visit_methods", value: record.method },
    { name: "talking_points", label: t("visit.talkingPoints"), type: "textarea", wide: true, value: record.talking_points },
    { name: "customer_feedback", label: t("visit.feedback"), type: "textarea", wide: true, value: record.customer_feedback },
    { name: "next_steps", label: t("visit.nextSteps"), type: "textarea", wide: true, value: record.next_steps },
    { name: "next_visit_at", label: t("visit.nextVisitAt"), type: "datetime-local", value: record.next_visit_at ? localInput(record.next_visit_at) : "", parse: wallTimeToIso },
    ...(visit.status === "summarized" ? [{ name: "summary", label: t("visit.summary"), type: "textarea", wide: true, rows: 5, value: visit.summary }] : []),
  ];
}

function adviceBlock(id, items, open) {
  const list = table(items, [
    { label: t("common.when"), value: (a) => formatTime(a.created_at) },
    { label: t("visit.advisor"), value: (a) => a.advisor },
    { label: "", value: (a) => a.text },
  ], { empty: t("visit.noAdvice") });
  if (!open) return list;
  return h("div", {}, list, form([
    { name: "text", label: t("visit.adviceText"), type: "textarea", wide: true, required: true },
    { name: "advisor", label: t("visit.advisor"), placeholder: t("visit.advisorHint") },
  ], { id: "advice-form", submitLabel: t("visit.addAdvice"), onSubmit: (v) => api.post(`/api/visits/${id}/advice`, v).then(refresh) }).form);
}

function recordForm(visit) {
  return form([
    visit.check_in
      ? { name: "occurred_at", label: t("visit.occurredAt"), type: "datetime-local", placeholder: t("visit.fromCheckIn"), parse: wallTimeToIso }
      : { name: "occurred_at", label: t("visit.occurredAt"), type: "datetime-local", required: true, value: localInput(visit.planned_at), parse: wallTimeToIso },
    { name: "place", label: t("visit.place"), value: visit.check_in?.place || visit.place },
    { name: "method", label: t("visit.method"), type: "select", vocabulary: "visit_methods", value: visit.method },
    { name: "talking_points", label: t("visit.talkingPoints"), type: "textarea", wide: true, required: true },
    { name: "customer_feedback", label: t("visit.feedback"), type: "textarea", wide: true },
    { name: "next_steps", label: t("visit.nextSteps"), type: "textarea", wide: true },
    { name: "next_visit_at", label: t("visit.nextVisitAt"), type: "datetime-local", parse: wallTimeToIso },
  ], { id: "record-form", submitLabel: t("visit.record"), onSubmit: (v) => api.post(`/api/visits/${visit.id}/record`, v).then(refresh) }).form;
}

function summaryForm(id) {
  return form([{ name: "text", label: t("visit.summary"), type: "textarea", wide: true, required: true, rows: 5 }],
    { id: "summary-form", submitLabel: t("common.save"), onSubmit: (v) => api.post(`/api/visits/${id}/summary`, v).then(refresh) }).form;
}
