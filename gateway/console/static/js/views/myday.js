// My day: tasks due and overdue, and (for managers) what waits for my approval.
import { api, customerName, learnCustomerNames } from "../api.js";
import { ask, badge, button, formatTime, h, section, table, toast } from "../dom.js";
import { t } from "../i18n.js";
import { isManager } from "./common.js";

export async function myDayView() {
  const [tasks, notifications] = await Promise.all([
    api.get("/api/tasks?assignee=me&status=open&limit=200").catch(() => ({ items: [] })),
    api.get("/api/notifications?limit=5").catch(() => ({ items: [] })),
  ]);
    await learnCustomerNames(tasks.items.map((task) => task.customer_id)).catch(() => null);
  const approvals = tasks.items.filter((task) => task.kind === "approval");
  const work = tasks.items.filter((task) => task.kind !== "approval")
    .sort((a, b) => new Date(a.due_at) - new Date(b.due_at));
  const columns = [
    { label: t("common.kind"), value: (task) => h("div", {}, h("strong", {}, task.title || t(`task.${task.kind}`)),
      task.suggestion ? h("div", { class: "muted" }, task.suggestion) : "") },
    { label: t("common.customer"), value: (task) => task.customer_id ? h("a", { href: `#/customers/${task.customer_id}` }, customerName(task.customer_id)) : "—" },
    { label: t("common.due"), value: (task) => h("span", { class: task.overdue ? "overdue" : "" },
      formatTime(task.due_at), task.overdue ? ` · ${t("common.overdue")}` : "") },
    { label: "", value: (task) => button(t("task.complete"), async () => {
      const outcome = await ask(t("task.outcome"));
      if (outcome === null) return;
      await api.post(`/api/tasks/${task.id}/complete`, { outcome, notes: "" });
      toast(t("common.saved"));
      window.kamRender();
    }, "small") },
  ];
  return h("div", { class: "grid" },
    section(t("task.title"), table(work, columns)),
    isManager() ? section(t("task.approvalsWaiting"), table(approvals, [
      { label: t("common.kind"), value: (task) => task.title || t(`claim.${task.subject.type}`) },
      { label: t("common.due"), value: (task) => formatTime(task.due_at) },
      { label: "", value: () => h("a", { href: "#/approvals" }, t("nav.approvals")) },
    ])) : null,
    section(t("notifications.title"), table(notifications.items, [
      { label: t("common.when"), value: (n) => formatTime(n.created_at) },
      { label: "", value: (n) => n.title || n.message || n.body },
      { label: "", value: (n) => (n.read ? "" : badge("open")) },
    ])));
}
