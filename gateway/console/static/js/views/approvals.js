// What waits for the manager: development plans, visits, receptions and expense claims, each with the
// buttons its `actions` allow; an over-funded claim asks for the override reason.
import { actionButtons, overHospitalityCap } from "../actions.js";
import { api, customerName, learnCustomerNames } from "../api.js";
import { formatMoney, formatTime, h, section, table } from "../dom.js";
import { t } from "../i18n.js";
import { problemMessage } from "../problems.js";
import { label } from "../vocab.js";
import { approveClaim } from "./claims.js";
import { reviewButtons } from "./review.js";

const reason = { fields: [{ name: "reason", label: t("common.reason"), required: true }] };
const QUEUES = [
  { key: "development_plan", path: "/api/development-plans", status: "pending_approval", link: (x) => `#/customers/${x.customer_id}` },
  { key: "visit", path: "/api/visits", status: "pending_approval", link: (x) => `#/visits/${x.id}`,
    handlers: (x) => ({ approve: { askOn: overHospitalityCap, fields: [{ name: "funded_amount", label: t("visit.funded"), type: "number", step: "0.01", min: "0", required: true, value: x.budget || "0" }] } }) },
  { key: "reception", path: "/api/receptions", status: "pending_approval", link: (x) => `#/receptions/${x.id}`,
    handlers: () => ({ approve: { askOn: overHospitalityCap, fields: [{ name: "funded_amount", label: t("visit.funded"), type: "number", step: "0.01", min: "0" }] } }) },
  { key: "expense_claim", path: "/api/expense-claims", status: "submitted", link: (x) => `#/claims/${x.id}`,
    handlers: (x) => ({ approve: approveClaim(x) }) },
];

// 报告检查: visit records and summaries, and reception reports, waiting for the manager's review.
const REVIEWS = [
  { key: "visit", path: "/api/visits", link: (x) => `#/visits/${x.id}`, when: (x) => x.record?.occurred_at },
  { key: "reception", path: "/api/receptions", link: (x) => `#/receptions/${x.id}`, when: (x) => x.report?.reported_at },
];

export async function approvalsView() {
  const lists = await Promise.all(QUEUES.map((q) => api.get(`${q.path}?status=${q.status}&limit=200`).catch((error) => ({ items: [], error }))));
  const reviews = await Promise.all(REVIEWS.map((q) => api.get(`${q.path}?review=pending&limit=200`).catch((error) => ({ items: [], error }))));
  await learnCustomerNames([...lists, ...reviews].flatMap((list) => list.items.map((item) => item.customer_id)));
  return h("div", { class: "grid" }, queueSections(lists), reviewQueue(reviews));
}

function reviewQueue(reviews) {
  const rows = REVIEWS.flatMap((queue, index) => reviews[index].items.map((item) => ({ queue, item })));
  const failed = reviews.find((list) => list.error);
  return h("section", { class: "card review-queue" }, h("h2", {}, t("review.title")),
    failed ? h("p", { class: "form-error", role: "alert" }, problemMessage(failed.error)) : "",
    table(rows, [
      { label: t("common.kind"), value: ({ queue }) => label("claim_subject_types", queue.key) },
      { label: t("common.when"), value: ({ queue, item }) => formatTime(queue.when(item)) },
      { label: t("common.customer"), value: ({ item }) => item.customer_name || customerName(item.customer_id) },
      { label: "", value: ({ queue, item }) => h("div", { class: "action-bar" },
        h("a", { href: queue.link(item) }, t("common.open")), reviewButtons(item, queue.path)) },
    ]));
}

function queueSections(lists) {
  return QUEUES.map((queue, index) => section(
    queue.key === "expense_claim" ? t("nav.claims") : label("claim_subject_types", queue.key),
    lists[index].error ? h("p", { class: "form-error", role: "alert" }, problemMessage(lists[index].error)) : "",
    table(lists[index].items, [
      { label: t("common.when"), value: (x) => formatTime(x.planned_at || x.scheduled_at || x.submitted_at || x.created_at) },
      { label: t("common.customer"), value: (x) => x.customer_name || customerName(x.customer_id) },
      { label: t("common.amount"), value: (x) => [formatMoney(x.budget ?? x.total), x.over_funded ? h("span", { class: "badge warn" }, t("claim.overFunded")) : ""] },
      { label: "", value: (x) => h("div", { class: "action-bar" },
        h("a", { href: queue.link(x) }, t("common.open")),
        actionButtons(x, queue.path, { reject: reason, ...(queue.handlers ? queue.handlers(x) : {}) })) },
    ])));
}
