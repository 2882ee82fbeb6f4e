// Work on a customer: contacts with the channel templates, the worth-developing assessment (the latest
// one from the API), development plans with the server's actions, and the network with its links.
import { actionButtons } from "../actions.js";
import { api } from "../api.js";
import { badge, formatMoney, formatTime, h, table, toast } from "../dom.js";
import { form } from "../forms.js";
import { currentLanguage, t } from "../i18n.js";
import { label, options } from "../vocab.js";
import { openEvents, planEventField, planEventText } from "./event_money.js";
import { progressBar } from "./plan.js";
import { rejectionNote } from "./common.js";

const refresh = () => { toast(t("common.saved")); window.kamRender(); };

export function contactBlock(customer) {
  const preview = h("pre", { class: "template" });
  let template = null;
  const channel = h("select", { name: "template-channel", "aria-label": t("customer.template") },
    options("contact_channels").map(([code, text]) => h("option", { value: code }, text)));
  const { form: element, inputs } = form([
    { name: "channel", label: t("customer.channel"), type: "select", vocabulary: "contact_channels" },
    { name: "topic", label: t("customer.topic"), required: true },
    { name: "content", label: t("customer.content"), type: "textarea", wide: true, rows: 5 },
    { name: "outcome", label: t("customer.outcome") },
  ], { id: "contact-form", submitLabel: t("customer.logContact"), onSubmit: async (values) => {
    await api.post(`/api/customers/${customer.id}/contacts`, values);
    refresh();
  } });
  const load = async () => {
    const answer = await api.get(`/api/customers/${customer.id}/contact-templates?channel=${channel.value}&language=${currentLanguage()}`).catch(() => null);
    template = answer?.items?.[0] || null;
    preview.textContent = template ? [template.subject, template.text, template.guidance ? `（${template.guidance}）` : ""].filter(Boolean).join("\n\n") : "";
  };
  const use = h("button", { type: "button", class: "small", id: "use-template", onclick: () => {
    if (!template) return;
    inputs.channel.value = channel.value;
    inputs.topic.value ||= template.subject || t("customer.firstContact");
    inputs.content.value = template.text;
    inputs.content.focus();
  } }, t("customer.useTemplate"));
  channel.addEventListener("change", load);
  load();
  return h("div", {}, h("div", { class: "filters" }, h("span", {}, t("customer.template")), channel, use), preview, element);
}

export function assessmentBlock(customer, latest, writer) {
  const result = h("div", { id: "assessment-result" }, latest ? verdict(latest) : h("p", { class: "muted" }, t("customer.noAssessment")));
  if (!writer) return result;
  const money = { type: "number", step: "0.01", min: "0" };
  const { form: element } = form([
    { name: "expected_revenue", label: t("customer.expectedRevenue"), required: true, ...money },
    { name: "expected_profit", label: t("customer.expectedProfit"), required: true, ...money },
    ...["staff", "travel", "pr", "management"].map((part) => ({ name: `costs.${part}`, label: t(`customer.cost_${part}`), ...money, value: "0" })),
    { name: "risk_factor", label: t("customer.risk"), type: "number", step: "0.05", min: "0", max: "1", value: "0.2" },
  ], { id: "assessment-form", submitLabel: t("customer.assess"), onSubmit: async (values) => {
    const answer = await api.post(`/api/customers/${customer.id}/assessments`, values);
    result.replaceChildren(verdict({ ...answer, assessed_at: answer.assessed_at || new Date().toISOString() }));
  } });
  return h("div", {}, result, element);
}

function verdict(assessment) {
  return h("div", { class: "verdict" },
    h("p", { class: assessment.worth_developing ? "ok" : "warn" }, assessment.worth_developing ? t("customer.worth") : t("customer.notWorth")),
    h("p", { class: "muted" }, [
      assessment.assessed_at ? `${t("common.when")} ${formatTime(assessment.assessed_at)}` : null,
      assessment.expected_revenue ? `${t("customer.expectedRevenue")} ${formatMoney(assessment.expected_revenue)}` : null,
      assessment.expected_profit ? `${t("customer.expectedProfit")} ${formatMoney(assessment.expected_profit)}` : null,
      assessment.total_cost ? `${t("customer.totalCost")} ${formatMoney(assessment.total_cost)}` : null,
    ].filter(Boolean).join(" · ")));
}

// A draft plan edited in the console's modal: what it says now, changed in place.
const planFields = (plan) => [
  { name: "methods", label: t("customer.methods"), type: "checks", vocabulary: "development_methods", wide: true, value: plan.methods },
  { name: "plan", label: t("customer.plan"), type: "textarea", wide: true, required: true, value: plan.plan },
  { name: "budget", label: t("customer.budget"), type: "number", step: "0.01", min: "0", required: true, value: plan.budget },
];

export async function plansBlock(customer, plans, writer) {
  const events = plans.some((p) => p.event_id) ? await openEvents() : [];
  const list = table(plans, [
    { label: t("customer.methods"), value: (p) => (p.methods || []).map((m) => label("development_methods", m)).join("、") },
    { label: t("customer.plan"), value: (p) => p.plan },
    { label: t("eventMoney.planEvent"), value: (p) => planEventText(p, events) },
    { label: t("customer.budget"), value: (p) => formatMoney(p.budget) },
    { label: t("common.status"), value: (p) => [badge(p.status, "plan_statuses"), rejectionNote(p, p.reason)] },
    { label: t("plan.progress"), value: (p) => progressBar(p.progress) },
    { label: "", value: (p) => h("div", { class: "action-bar" }, h("a", { href: `#/plans/${p.id}` }, t("plan.open")),
      actionButtons(p, "/api/development-plans", {
        reject: { fields: [{ name: "reason", label: t("common.reason"), required: true }] },
        edit: { fields: planFields, send: (values, plan) => api.patch(`/api/development-plans/${plan.id}`, values) } })) },
  ]);
  if (!writer) return list;
  const eventField = await planEventField();
  const { form: element } = form([
    { name: "methods", label: t("customer.methods"), type: "checks", vocabulary: "development_methods", wide: true },
    eventField,
    { name: "plan", label: t("customer.plan"), type: "textarea", wide: true, required: true },
    { name: "budget", label: t("customer.budget"), type: "number", step: "0.01", min: "0", required: true },
  ], { id: "plan-form", submitLabel: t("customer.newPlan"), onSubmit: async (values) => {
    await api.post("/api/development-plans", { customer_id: customer.id, ...values });
    refresh();
  } });
  element.addEventListener("change", () => eventField.follow(element));
  eventField.follow(element);
  return h("div", {}, list, h("h3", {}, t("customer.newPlan")), element);
}

export function networkBlock(customer, network, writer) {
  const byId = Object.fromEntries((network.nodes || []).map((p) => [p.id, p]));
  const person = (id) => (byId[id] ? h("a", { href: `#/customers/${id}` }, byId[id].name) : "—");
  const block = h("div", {},
    (network.edges || []).length ? h("ul", { class: "plain network" }, network.edges.map((edge) =>
      h("li", {}, person(edge.from), ` — ${label("link_kinds", edge.kind)} → `, person(edge.to)))) : h("p", { class: "empty" }, t("common.empty")),
    network.credit ? h("p", { class: "muted" }, t("customer.credit", {
      customers: network.credit.referred_customers ?? 0, revenue: formatMoney(network.credit.revenue) })) : "");
  if (!writer) return block;
  const { form: element } = form([
    { name: "to_customer_id", label: t("customer.linkTo"), type: "customer", required: true },
    { name: "kind", label: t("customer.relation"), type: "select", vocabulary: "link_kinds" },
    { name: "note", label: t("common.notes") },
  ], { id: "link-form", submitLabel: t("customer.addLink"), onSubmit: async (values) => {
    await api.post(`/api/customers/${customer.id}/links`, values);
    refresh();
  } });
  return h("div", {}, block, h("h3", {}, t("customer.addLink")), element);
}
