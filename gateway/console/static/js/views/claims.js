// Expense claims with receipts: no visit summary and no reception report, no reimbursement.
import { api, customerName, session } from "../api.js";
import { ask, badge, button, form, formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { t } from "../i18n.js";
import { actionBar, detailList, isManager, options, pagedList } from "./common.js";

const CATEGORIES = ["travel", "gift", "meal", "pr", "other"];
const refresh = () => { toast(t("common.saved")); window.kamRender(); };

export async function claimsView() {
  const list = await pagedList("/api/expense-claims", {}, [
    { label: t("common.when"), value: (c) => formatTime(c.created_at) },
    { label: t("common.customer"), value: (c) => customerName(c.customer_id) },
    { label: t("claim.subject"), value: (c) => t(`claim.${c.subject.type}`) },
    { label: t("claim.total"), value: (c) => formatMoney(c.total) },
    { label: t("common.status"), value: (c) => badge(c.status) },
  ], { onRow: (c) => (location.hash = `#/claims/${c.id}`) });
  const canClaim = ["developer", "manager"].includes(session.me.role);
  const { form: element } = form([
    { name: "subject_type", label: t("claim.subject"), type: "select", options: options("claim", ["visit", "reception", "development_plan"]) },
    { name: "subject_id", label: `${t("claim.subject")} ID`, required: true },
    { name: "category", label: t("claim.category"), type: "select", options: options("claim", CATEGORIES) },
    { name: "amount", label: t("common.amount"), type: "number", step: "0.01", min: "0", required: true },
    { name: "note", label: t("common.notes") },
  ], { id: "new-claim", submitLabel: t("common.create"), onSubmit: async (v) => {
    const created = await api.post("/api/expense-claims", { subject: { type: v.subject_type, id: v.subject_id },
      items: [{ category: v.category, amount: v.amount, note: v.note || "" }] });
    location.hash = `#/claims/${created.id}`;
  } });
  return h("div", { class: "grid" }, section(t("nav.claims"), list), canClaim ? section(t("claim.new"), element) : null);
}

// A claim started from its subject's page (a summarised visit, a reported reception, an approved plan).
export function claimFormFor(subjectType, subjectId) {
  return form([
    { name: "category", label: t("claim.category"), type: "select", options: options("claim", CATEGORIES) },
    { name: "amount", label: t("common.amount"), type: "number", step: "0.01", min: "0", required: true },
    { name: "note", label: t("common.notes") },
  ], { id: "subject-claim", submitLabel: t("claim.new"), onSubmit: async (v) => {
    const created = await api.post("/api/expense-claims", { subject: { type: subjectType, id: subjectId },
      items: [{ category: v.category, amount: v.amount, note: v.note || "" }] });
    location.hash = `#/claims/${created.id}`;
  } }).form;
}

export async function claimView(id) {
  const claim = await api.get(`/api/expense-claims/${id}`);
  const mine = claim.claimant_id === session.me.id;
  const upload = h("input", { type: "file", accept: "image/jpeg,image/png,application/pdf", id: "receipt-file" });
  upload.addEventListener("change", async () => {
    if (!upload.files.length) return;
    try { await api.upload(`/api/expense-claims/${id}/receipts`, upload.files[0]); refresh(); }
    catch (error) { toast(error.body?.detail || error.message, "error"); }
  });
  const post = (action, body = {}) => api.post(`/api/expense-claims/${id}/${action}`, body).then(refresh)
    .catch((error) => toast(error.body?.detail || error.message, "error"));
  return h("div", { class: "grid" },
    section(t("nav.claims"), detailList([
      [t("common.status"), badge(claim.status)],
      [t("claim.subject"), `${t(`claim.${claim.subject.type}`)} · ${claim.subject.id}`],
      [t("claim.total"), formatMoney(claim.total)],
      [t("visit.funded"), formatMoney(claim.funded_amount)],
    ]), table(claim.items || [], [
      { label: t("claim.category"), value: (i) => t(`claim.${i.category}`) },
      { label: t("common.amount"), value: (i) => formatMoney(i.amount) },
      { label: t("common.notes"), value: (i) => i.note },
    ]), actionBar(
      claim.status === "draft" && mine ? button(t("common.submit"), () => post("submit"), "primary") : null,
      claim.status === "submitted" && isManager() ? button(t("common.approve"), async () => {
        const over = claim.funded_amount !== null && claim.funded_amount !== undefined && Number(claim.total) > Number(claim.funded_amount);
        const reason = over ? await ask(t("claim.override")) : null;
        if (over && !reason) return;
        post("approve", over ? { override_reason: reason } : {});
      }, "primary") : null,
      claim.status === "submitted" && isManager() ? button(t("common.reject"), async () => {
        const reason = await ask(t("common.reason"));
        if (reason) post("reject", { reason });
      }) : null,
      claim.status === "approved" && isManager() ? button(t("claim.reimburse"), () => post("reimburse"), "primary") : null)),
    section(t("claim.receipts"), table(claim.receipts || [], [
      { label: "", value: (r) => r.filename || r.id },
      { label: "", value: (r) => r.content_type },
    ]), mine && claim.status === "draft" ? h("label", { class: "field" }, h("span", {}, t("claim.upload")), upload) : ""));
}
