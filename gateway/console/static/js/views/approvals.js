// What waits for the manager: development plans, visits, receptions and expense claims.
import { api, customerName, learnCustomerNames } from "../api.js";
import { ask, button, formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { t } from "../i18n.js";

const QUEUES = [
  { key: "development_plan", path: "/api/development-plans", status: "pending_approval", link: null },
  { key: "visit", path: "/api/visits", status: "pending_approval", link: (x) => `#/visits/${x.id}` },
  { key: "reception", path: "/api/receptions", status: "pending_approval", link: (x) => `#/receptions/${x.id}` },
  { key: "expense_claim", path: "/api/expense-claims", status: "submitted", link: (x) => `#/claims/${x.id}` },
];

export async function approvalsView() {
  const lists = await Promise.all(QUEUES.map((q) => api.get(`${q.path}?status=${q.status}&limit=200`).catch(() => ({ items: [] }))));
  await learnCustomerNames(lists.flatMap((list) => list.items.map((item) => item.customer_id)));
  return h("div", { class: "grid" }, QUEUES.map((queue, index) => section(
    queue.key === "expense_claim" ? t("nav.claims") : t(`claim.${queue.key}`),
    table(lists[index].items, [
      { label: t("common.when"), value: (x) => formatTime(x.planned_at || x.scheduled_at || x.created_at) },
      { label: t("common.customer"), value: (x) => x.customer_name || customerName(x.customer_id) },
      { label: t("common.amount"), value: (x) => formatMoney(x.budget ?? x.total) },
      { label: "", value: (x) => h("div", { class: "action-bar" },
        queue.link ? h("a", { href: queue.link(x) }, t("common.open")) : null,
        button(t("common.approve"), () => approve(queue, x), "primary small"),
        button(t("common.reject"), () => reject(queue, x), "small")) },
    ]))));
}

async function approve(queue, item) {
  const body = {};
  if (queue.key === "visit") {
    const funded = await ask(t("visit.funded"), item.budget || "0", { type: "number" });
    if (funded === null) return;
    body.funded_amount = funded;
  }
  if (queue.key === "expense_claim" && item.funded_amount != null && Number(item.total) > Number(item.funded_amount)) {
    const reason = await ask(t("claim.override"));
    if (!reason) return;
    body.override_reason = reason;
  }
  await api.post(`${queue.path}/${item.id}/approve`, body).catch((error) => toast(error.body?.detail || error.message, "error"));
  window.kamRender();
}

async function reject(queue, item) {
  const reason = await ask(t("common.reason"));
  if (!reason) return;
  await api.post(`${queue.path}/${item.id}/reject`, { reason });
  window.kamRender();
}
