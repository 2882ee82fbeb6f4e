// My day: tasks grouped overdue / today / this week / later by the department's local dates, each with
// the buttons its `actions` allow (complete, snooze, reassign); a return visit is recorded with its form.
import { actionButtons } from "../actions.js";
import { api, customerName, learnCustomerNames, may, userNames } from "../api.js";
import { formatTime, h, section, table } from "../dom.js";
import { t } from "../i18n.js";
import { addDays, localDate, localInput, wallTimeToIso } from "../time.js";
import { label } from "../vocab.js";

export function dueGroup(dueAt, today = localDate()) {
  const day = localDate(new Date(dueAt));
  if (new Date(dueAt) < new Date()) return "overdue";
  if (day === today) return "today";
  if (day <= addDays(today, 6)) return "week";
  return "later";
}

export async function myDayView() {
  const [tasks, notifications, users] = await Promise.all([
    api.get("/api/tasks?assignee=me&status=open&limit=200"),
    api.get("/api/notifications?limit=5").catch(() => ({ items: [] })),
    userNames().catch(() => ({})),
  ]);
  await learnCustomerNames(tasks.items.map((task) => task.customer_id)).catch(() => null);
  const approvals = tasks.items.filter((task) => task.kind === "approval");
  const work = tasks.items.filter((task) => task.kind !== "approval");
  const groups = { overdue: [], today: [], week: [], later: [] };
  for (const task of work) groups[dueGroup(task.due_at)].push(task);
  const columns = [
    { label: t("common.kind"), value: (task) => h("div", {}, h("strong", {}, task.subject?.type === "development_plan"
      ? h("a", { href: `#/plans/${task.subject.id}` }, task.title || label("task_kinds", task.kind)) : task.title || label("task_kinds", task.kind)),
      task.suggestion ? h("div", { class: "muted" }, task.suggestion) : "") },
    { label: t("common.customer"), value: (task) => (task.customer_id ? h("a", { href: `#/customers/${task.customer_id}` }, customerName(task.customer_id)) : "—") },
    { label: t("common.due"), value: (task) => h("span", { class: task.overdue ? "overdue" : "" }, formatTime(task.due_at)) },
    { label: "", value: (task) => taskButtons(task, users) },
  ];
  return h("div", { class: "grid" },
    section(t("task.title"), work.length ? ["overdue", "today", "week", "later"].filter((group) => groups[group].length)
      .map((group) => h("div", { class: `due-group due-${group}`, dataset: { group } },
        h("h3", {}, `${t(`task.group_${group}`)}（${groups[group].length}）`), table(groups[group], columns)))
      : h("p", { class: "empty" }, t("common.empty"))),
    may("approvals") ? section(t("task.approvalsWaiting"), table(approvals, [
      { label: t("common.kind"), value: (task) => task.title || label("claim_subject_types", task.subject?.type) },
      { label: t("common.due"), value: (task) => formatTime(task.due_at) },
      { label: "", value: () => h("a", { href: "#/approvals" }, t("nav.approvals")) },
    ])) : null,
    section(t("notifications.title"), table(notifications.items, [
      { label: t("common.when"), value: (n) => formatTime(n.created_at) },
      { label: "", value: (n) => n.title || n.body || "" },
    ])));
}

function taskButtons(task, users) {
  const returnVisit = task.kind === "return_visit" && may("return_visits");
  return actionButtons(task, "/api/tasks", {
    complete: returnVisit ? { label: t("task.recordReturnVisit"), fields: returnVisitFields(),
      path: () => "/api/return-visits", body: (values) => ({ ...values, customer_id: task.customer_id, task_id: task.id }) } : { fields: [
      { name: "outcome", label: t("task.outcome"), required: true },
      { name: "notes", label: t("common.notes"), type: "textarea" }] },
    snooze: { primary: false, fields: [{ name: "until", label: t("task.snoozeUntil"), type: "datetime-local", required: true,
      value: localInput(new Date(Date.now() + 86400000)), parse: wallTimeToIso }] },
    reassign: { primary: false, fields: [{ name: "assignee_id", label: t("task.assignee"), type: "select",
      options: Object.entries(users).map(([id, name]) => [id, name]) }] },
  });
}

function returnVisitFields() {
  return [
    { name: "occurred_at", label: t("visit.occurredAt"), type: "datetime-local", required: true, value: localInput(new Date()), parse: wallTimeToIso },
    { name: "method", label: t("visit.method"), type: "select", vocabulary: "return_visit_methods" },
    { name: "content", label: t("customer.content"), type: "textarea", required: true, wide: true },
    { name: "feedback", label: t("visit.feedback"), type: "textarea", wide: true },
    { name: "next_steps", label: t("visit.nextSteps"), type: "textarea", wide: true },
  ];
}
