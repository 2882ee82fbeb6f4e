// Carrying out a development plan (实施开发计划): the plan page with its steps and progress, a step added
// (method from the vocabulary, due date) when the server's `may_add_steps` says so, a step marked done
// (from its `actions`) by one of the customer's own visits, contacts or events; and the plans list with
// each plan's progress (the manager sees all, a developer their own).
import { actionButtons } from "../actions.js";
import { api, customerName, learnCustomerNames, userNames } from "../api.js";
import { badge, formatDate, formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { dialogForm, form } from "../forms.js";
import { t } from "../i18n.js";
import { localDate } from "../time.js";
import { label, options } from "../vocab.js";
import { detailList, hashParams, keepInHash, pagedList } from "./common.js";

const reason = { fields: [{ name: "reason", label: t("common.reason"), required: true }] };

export function progressBar(progress) {
  if (!progress?.total) return h("span", { class: "muted plan-progress" }, t("plan.noSteps"));
  const next = progress.next_step;
  return h("div", { class: "plan-progress" },
    h("progress", { max: String(progress.total), value: String(progress.done), "aria-label": t("plan.progress") }),
    h("span", { class: "plan-progress-count" }, t("plan.doneOf", { done: progress.done, total: progress.total })),
    progress.overdue ? h("span", { class: "badge warn" }, t("plan.overdueCount", { count: progress.overdue })) : "",
    next ? h("span", { class: "muted" }, t("plan.next", { method: label("development_methods", next.method), date: formatDate(next.due_on) })) : "");
}

export async function plansView() {
  const filters = { status: "", ...hashParams() };
  keepInHash(filters);
  const names = await userNames().catch(() => ({}));
  const list = await pagedList("/api/development-plans", filters, [
    { label: t("common.customer"), value: (p) => customerName(p.customer_id) },
    { label: t("common.owner"), value: (p) => names[p.developer_id] || "—" },
    { label: t("customer.methods"), value: (p) => (p.methods || []).map((m) => label("development_methods", m)).join("、") },
    { label: t("common.status"), value: (p) => badge(p.status, "plan_statuses") },
    { label: t("plan.progress"), value: (p) => progressBar(p.progress) },
  ], { onRow: (p) => (location.hash = `#/plans/${p.id}`) });
  const status = h("select", { name: "status", "aria-label": t("common.status") }, h("option", { value: "" }, `${t("common.status")}：${t("common.all")}`),
    options("plan_statuses").map(([code, text]) => h("option", { value: code, selected: code === filters.status }, text)));
  status.addEventListener("change", () => { keepInHash({ status: status.value }); window.kamRender(); });
  return section(t("nav.plans"), h("div", { class: "filters" }, status), list);
}

export async function planView(id) {
  const plan = await api.get(`/api/development-plans/${id}`);
  const [steps, work] = await Promise.all([api.get(`/api/development-plans/${id}/steps?limit=200`), customerWork(plan.customer_id)]);
  await learnCustomerNames([plan.customer_id]);
  const workLabel = Object.fromEntries(work.map(([value, text]) => [value, text]));
  return h("div", { class: "grid wide-last plan-page" },
    section(`${t("plan.title")} · ${customerName(plan.customer_id)}`,
      detailList([
        [t("common.customer"), h("a", { href: `#/customers/${plan.customer_id}` }, customerName(plan.customer_id))],
        [t("customer.methods"), (plan.methods || []).map((m) => label("development_methods", m)).join("、")],
        [t("customer.plan"), plan.plan],
        [t("customer.budget"), formatMoney(plan.budget)],
        [t("common.status"), badge(plan.status, "plan_statuses")],
        [t("plan.progress"), progressBar(plan.progress)],
      ]),
      actionButtons(plan, "/api/development-plans", { reject: reason })),
    section(t("plan.steps"),
      table(steps.items, [
        { label: t("plan.method"), value: (s) => label("development_methods", s.method) },
        { label: t("plan.dueOn"), value: (s) => [formatDate(s.due_on), s.overdue ? h("span", { class: "badge warn" }, t("plan.overdue")) : ""] },
        { label: t("common.status"), value: (s) => badge(s.status, "plan_step_statuses") },
        { label: t("plan.doneBy"), value: (s) => doneBy(s, workLabel) },
        { label: t("common.notes"), value: (s) => s.note || "—" },
        { label: "", value: (s) => completeButton(plan, s, work) },
      ], { empty: t("plan.noSteps") }),
      plan.may_add_steps ? [h("h3", {}, t("plan.addStep")), addStepForm(plan)] : ""));
}

function addStepForm(plan) {
  return form([
    { name: "method", label: t("plan.method"), type: "select", vocabulary: "development_methods",
      value: (plan.methods || [])[0] },
    { name: "due_on", label: t("plan.dueOn"), type: "date", required: true, min: localDate() },
    { name: "note", label: t("common.notes") },
  ], { id: "step-form", submitLabel: t("plan.addStep"), onSubmit: async (values) => {
    await api.post(`/api/development-plans/${plan.id}/steps`, values);
    toast(t("common.saved"));
    window.kamRender();
  } }).form;
}

function doneBy(step, workLabel) {
  if (!step.done_by) return "—";
  const key = `${step.done_by.kind}:${step.done_by.id}`;
  const text = workLabel[key] || label("plan_step_links", step.done_by.kind);
  const link = step.done_by.kind === "visit" ? `#/visits/${step.done_by.id}` : step.done_by.kind === "event" ? `#/events/${step.done_by.id}` : null;
  return h("span", {}, link ? h("a", { href: link }, text) : text, step.done_at ? h("small", { class: "muted" }, ` ${formatTime(step.done_at)}`) : "");
}

function completeButton(plan, step, work) {
  if (!(step.actions || []).includes("complete")) return "";
  return h("button", { type: "button", class: "primary small", dataset: { action: "complete" }, onclick: async () => {
    const done = await dialogForm(t("plan.markDone"), [
      { name: "done_by", label: work.length ? t("plan.doneByPick") : t("plan.noWork"), type: "select", options: work, required: true, wide: true },
    ], ({ done_by: picked }) => {
      const [kind, ...rest] = (picked || "").split(":");
      return api.patch(`/api/development-plans/${plan.id}/steps/${step.id}`, { done_by: picked ? { kind, id: rest.join(":") } : undefined });
    }, { submitLabel: t("plan.markDone") });
    if (done) { toast(t("common.saved")); window.kamRender(); }
  } }, t("plan.markDone"));
}

// The customer's own work a step can be done by: its contacts, and the visits and events its timeline knows.
async function customerWork(customerId) {
  const [contacts, timeline] = await Promise.all([
    api.get(`/api/customers/${customerId}/contacts?limit=200`).catch(() => ({ items: [] })),
    api.get(`/api/customers/${customerId}/timeline?limit=200`).catch(() => ({ items: [] })),
  ]);
  const seen = new Set();
  const choices = [];
  for (const item of timeline.items) {
    const { type, id } = item.source || {};
    if (!["visit", "event"].includes(type) || seen.has(`${type}:${id}`)) continue;
    seen.add(`${type}:${id}`);
    choices.push([`${type}:${id}`, `${label("plan_step_links", type)} · ${formatTime(item.at)} · ${item.summary}`]);
  }
  for (const contact of contacts.items) {
    choices.push([`contact:${contact.id}`, `${label("plan_step_links", "contact")} · ${formatTime(contact.occurred_at)} · ${label("contact_channels", contact.channel)} ${contact.topic || ""}`]);
  }
  return choices;
}
