// Expense claims with several lines and receipts that open: no visit summary and no reception report,
// no reimbursement. The subject is picked from the customer's own visits, receptions and plans; an
// over-funded claim (the server's `over_funded`) asks the manager for the override reason.
import { actionButtons } from "../actions.js";
import { api, customerName, learnCustomerNames, may, session } from "../api.js";
import { badge, formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { problemMessage } from "../problems.js";
import { label } from "../vocab.js";
import { detailList, draftEditor, pagedList, rejectionNote } from "./common.js";
import { subjectField } from "./subjects.js";

const refresh = () => { toast(t("common.saved")); window.kamRender(); };

const linesField = (value = []) => ({ name: "items", label: t("claim.items"), type: "rows", wide: true, min: 1, errorsFrom: ["items"],
  value, columns: [{ name: "category", label: t("claim.category"), vocabulary: "expense_categories" },
    { name: "amount", label: t("common.amount"), type: "number", step: "0.01", min: "0" },
    { name: "note", label: t("common.notes") }] });

// The lines' sum as they are typed, added and removed: what the claim's total will be (the server
// computes the real one; this only shows the sum of the amounts typed).
function withLiveTotal(built) {
  const rows = built.form.querySelector(".rows[data-name=items]");
  const total = h("p", { class: "claim-total", "aria-live": "polite" });
  const update = () => {
    const sum = (rows.value || []).reduce((acc, line) => acc + (Number(line.amount) || 0), 0);
    total.textContent = `${t("decision.lineTotal")}：${formatMoney(sum.toFixed(2))}`;
  };
  rows.after(total);
  ["input", "change", "click"].forEach((kind) => built.form.addEventListener(kind, update));
  update();
  return built.form;
}

export async function claimsView() {
  const list = await pagedList("/api/expense-claims", {}, [
    { label: t("common.when"), value: (c) => formatTime(c.created_at) },
    { label: t("common.customer"), value: (c) => customerName(c.customer_id) },
    { label: t("claim.subject"), value: (c) => label("claim_subject_types", c.subject.type) },
    { label: t("claim.total"), value: (c) => formatMoney(c.total) },
    { label: t("common.status"), value: (c) => [badge(c.status, "claim_statuses"), c.over_funded ? h("span", { class: "badge warn" }, t("claim.overFunded")) : ""] },
  ], { onRow: (c) => (location.hash = `#/claims/${c.id}`) });
  if (!may("claims.file")) return section(t("nav.claims"), list);
  const subject = subjectField("subject", ["visit", "reception", "development_plan"]);
  const element = withLiveTotal(form([subject, linesField()], { id: "new-claim", submitLabel: t("common.create"), onSubmit: async (v) => {
    const created = await api.post("/api/expense-claims", v);
    location.hash = `#/claims/${created.id}`;
  } }));
  return h("div", { class: "grid" }, section(t("nav.claims"), list), section(t("claim.new"), element));
}

// A claim started from its subject's page (a summarised visit, a reported reception, an approved plan).
export function claimFormFor(subjectType, subjectId) {
  return withLiveTotal(form([linesField()], { id: "subject-claim", submitLabel: t("claim.new"), onSubmit: async (v) => {
    const created = await api.post("/api/expense-claims", { subject: { type: subjectType, id: subjectId }, items: v.items });
    location.hash = `#/claims/${created.id}`;
  } }));
}

export const approveClaim = (claim) => ({
  fields: claim.over_funded ? [{ name: "override_reason", label: t("claim.override"), type: "textarea", wide: true, required: true,
    problemCodes: ["over_funded_amount"] }] : [],
});

export async function claimView(id) {
  const claim = await api.get(`/api/expense-claims/${id}`);
  await learnCustomerNames([claim.customer_id]);
  const mine = claim.claimant_id === session.me.id;
  const upload = h("input", { type: "file", accept: "image/jpeg,image/png,application/pdf", id: "receipt-file" });
  const uploadError = h("small", { class: "field-error", role: "alert" });
  upload.addEventListener("change", async () => {
    if (!upload.files.length) return;
    uploadError.textContent = "";
    upload.disabled = true;
    try { await api.upload(`/api/expense-claims/${id}/receipts`, upload.files[0]); refresh(); }
    catch (error) { uploadError.textContent = problemMessage(error); }
    finally { upload.disabled = false; }
  });
  const editor = draftEditor(claim, t("decision.editing"), withLiveTotal(form([linesField(claim.items || [])], {
    id: "edit-claim", submitLabel: t("common.save"), onSubmit: (v) => api.patch(`/api/expense-claims/${id}`, { items: v.items }).then(refresh) })));
  return h("div", { class: "grid" },
    section(t("nav.claims"), detailList([
      [t("common.status"), badge(claim.status, "claim_statuses")],
      [t("common.customer"), customerName(claim.customer_id)],
      [t("claim.subject"), h("a", { href: subjectLink(claim.subject) }, label("claim_subject_types", claim.subject.type))],
      [t("claim.total"), formatMoney(claim.total)],
      [t("visit.funded"), formatMoney(claim.funded_amount)],
      [t("claim.overFunded"), claim.over_funded ? h("span", { class: "warn" }, t("claim.overFundedYes")) : t("common.no")],
      [t("claim.override"), claim.override_reason || undefined],
    ]), rejectionNote(claim, claim.reason), table(claim.items || [], [
      { label: t("claim.category"), value: (i) => label("expense_categories", i.category) },
      { label: t("common.amount"), value: (i) => formatMoney(i.amount) },
      { label: t("common.notes"), value: (i) => i.note || "—" },
    ]), actionButtons(claim, "/api/expense-claims", {
      edit: editor.edit,
      approve: approveClaim(claim),
      reject: { fields: [{ name: "reason", label: t("common.reason"), required: true }] },
    })),
    editor.section,
    section(t("claim.receipts"), table(claim.receipts || [], [
      { label: t("claim.file"), value: (r) => h("button", { type: "button", class: "link", onclick: () => openReceipt(claim.id, r) }, r.filename || r.id) },
      { label: t("common.when"), value: (r) => formatTime(r.created_at) },
      { label: t("claim.size"), value: (r) => `${Math.ceil((r.size || 0) / 1024)} KB` },
    ]), mine && claim.status === "draft" ? h("label", { class: "field" }, h("span", {}, t("claim.upload")), upload, uploadError) : ""));
}

function subjectLink(subject) {
  return { visit: `#/visits/${subject.id}`, reception: `#/receptions/${subject.id}`, event: `#/events/${subject.id}` }[subject.type]
    || "#/claims";
}

// Receipts come as attachments (never rendered inline by the server): saved, then opened by the browser.
async function openReceipt(claimId, receipt) {
  try {
    const blob = await api.blob(`/api/expense-claims/${claimId}/receipts/${receipt.id}`);
    const url = URL.createObjectURL(blob);
    h("a", { href: url, download: receipt.filename || receipt.id, target: "_blank", rel: "noopener" }).click();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  } catch (error) { toast(problemMessage(error), "error"); }
}
