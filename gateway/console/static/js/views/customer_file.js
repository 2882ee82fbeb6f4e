// The customer file: details, key dates, holdings, timeline, network, contacts with channel templates,
// the worth-developing assessment and development plans.
import { api, session, userNames } from "../api.js";
import { ask, badge, button, form, formatDate, formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { currentLanguage, t } from "../i18n.js";
import { actionBar, detailList, isManager } from "./common.js";

const optional = (promise) => promise.catch(() => null);

export async function customerFileView(id) {
  const [customer, timeline, network, plans, names] = await Promise.all([
    api.get(`/api/customers/${id}`),
    optional(api.get(`/api/customers/${id}/timeline?limit=50`)),
    optional(api.get(`/api/customers/${id}/network?depth=2`)),
    optional(api.get(`/api/development-plans?customer_id=${id}`)),
    userNames().catch(() => ({})),
  ]);
  const profile = customer.profile || {};
  return h("div", { class: "grid customer-file" },
    section(customer.name,
      detailList([
        [t("customer.kind"), t(`kind.${customer.kind}`)],
        [t("customer.category"), customer.category ? t(`category.${customer.category}`) : "—"],
        [t("customer.stage"), badge(customer.stage, "stage")],
        [t("common.owner"), names[customer.owner_id] || customer.owner_id],
        [t("customer.phone"), customer.phone],
        [t("customer.wechat"), customer.wechat],
        [t("customer.source"), customer.source?.channel],
        [t("customer.score"), customer.score === null || customer.score === undefined ? undefined : `${customer.score} · ${(customer.score_reasons || []).join("；")}`],
      ]),
      keyDates(customer.key_dates || []),
      holdings(profile.holdings || customer.holdings || [])),
    section(t("customer.logContact"), contactForm(customer)),
    section(t("customer.assessment"), assessmentForm(customer)),
    section(t("customer.plans"), plansBlock(customer, plans?.items || [])),
    section(t("customer.timeline"), table(timeline?.items || [], [
      { label: t("common.when"), value: (item) => formatTime(item.at) },
      { label: t("common.kind"), value: (item) => item.kind },
      { label: "", value: (item) => item.summary },
    ])),
    network ? section(t("customer.network"), networkBlock(network)) : null);
}

function keyDates(dates) {
  if (!dates.length) return "";
  return h("div", {}, h("h3", {}, t("customer.keyDates")), h("ul", { class: "plain" }, dates.map((d) =>
    h("li", {}, `${d.kind === "wedding_anniversary" ? t("customer.weddingAnniversary") : d.kind === "birthday" ? t("customer.birthday") : d.note || d.kind}：${formatDate(d.date)}`))));
}

function holdings(items) {
  if (!items.length) return "";
  return h("div", {}, h("h3", {}, t("customer.holdings")), table(items, [
    { label: "款式", value: (x) => x.piece || x.style },
    { label: "克拉", value: (x) => x.carat ?? "—" },
    { label: "证书", value: (x) => x.certificate ?? "—" },
    { label: t("common.amount"), value: (x) => formatMoney(x.amount) },
  ]));
}

function contactForm(customer) {
  const preview = h("pre", { class: "template" });
  const channelSelect = h("select", { name: "template-channel" }, ["wechat", "sms", "phone", "email"].map((c) => h("option", { value: c }, c)));
  const loadTemplate = async () => {
    const answer = await api.get(`/api/customers/${customer.id}/contact-templates?channel=${channelSelect.value}&language=${currentLanguage()}`).catch(() => null);
    const template = answer?.items?.[0];
    preview.textContent = template ? [template.subject, template.text, template.guidance ? `（${template.guidance}）` : ""].filter(Boolean).join("\n\n") : "";
  };
  channelSelect.addEventListener("change", loadTemplate);
  loadTemplate();
  const { form: element } = form([
    { name: "channel", label: t("customer.channel"), type: "select", options: [["wechat", "微信 WeChat"], ["sms", "短信 SMS"], ["phone", "电话 Phone"], ["email", "邮件 E-mail"]] },
    { name: "topic", label: t("customer.topic"), required: true },
    { name: "content", label: t("customer.content"), type: "textarea", wide: true },
    { name: "outcome", label: t("customer.outcome") },
  ], { submitLabel: t("customer.logContact"), onSubmit: async (values) => {
    await api.post(`/api/customers/${customer.id}/contacts`, values);
    toast(t("common.saved"));
    window.kamRender();
  } });
  return h("div", {}, h("div", { class: "filters" }, h("span", {}, t("customer.template")), channelSelect), preview, element);
}

function assessmentForm(customer) {
  const result = h("div", {});
  const money = { type: "number", step: "0.01", min: "0" };
  const { form: element } = form([
    { name: "expected_revenue", label: t("customer.expectedRevenue"), required: true, ...money },
    { name: "expected_profit", label: t("customer.expectedProfit"), required: true, ...money },
    { name: "staff", label: "人员 Staff", ...money, value: "0" },
    { name: "travel", label: "差旅 Travel", ...money, value: "0" },
    { name: "pr", label: "公关 PR", ...money, value: "0" },
    { name: "management", label: "管理 Management", ...money, value: "0" },
    { name: "risk_factor", label: t("customer.risk"), type: "number", step: "0.05", min: "0", value: "0.2" },
  ], { submitLabel: t("customer.assessment"), onSubmit: async (v) => {
    const answer = await api.post(`/api/customers/${customer.id}/assessments`, {
      expected_revenue: v.expected_revenue, expected_profit: v.expected_profit, risk_factor: v.risk_factor,
      costs: { staff: v.staff || "0", travel: v.travel || "0", pr: v.pr || "0", management: v.management || "0" } });
    result.replaceChildren(h("p", { class: answer.worth_developing ? "ok" : "warn" },
      answer.worth_developing ? t("customer.worth") : t("customer.notWorth")));
  } });
  return h("div", {}, element, result);
}

function plansBlock(customer, plans) {
  const mine = session.me.id === customer.owner_id;
  const { form: element } = form([
    { name: "methods", label: t("customer.methods"), placeholder: "拜访, 新品发布会邀请, 俱乐部活动", parse: (raw) => raw.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) },
    { name: "plan", label: t("customer.plan"), type: "textarea", wide: true },
    { name: "budget", label: t("customer.budget"), type: "number", step: "0.01", min: "0" },
  ], { submitLabel: t("common.create"), onSubmit: async (values) => {
    await api.post("/api/development-plans", { customer_id: customer.id, ...values });
    toast(t("common.saved"));
    window.kamRender();
  } });
  return h("div", {}, table(plans, [
    { label: t("customer.plan"), value: (p) => p.plan },
    { label: t("customer.budget"), value: (p) => formatMoney(p.budget) },
    { label: t("common.status"), value: (p) => badge(p.status) },
    { label: "", value: (p) => actionBar(
      p.status === "draft" && mine ? button(t("common.submit"), () => act(`/api/development-plans/${p.id}/submit`)) : null,
      p.status === "pending_approval" && isManager() ? button(t("common.approve"), () => act(`/api/development-plans/${p.id}/approve`), "primary") : null,
      p.status === "pending_approval" && isManager() ? button(t("common.reject"), () => reject(`/api/development-plans/${p.id}/reject`)) : null) },
  ]), mine ? element : "");
}

async function act(path, body = {}) {
  await api.post(path, body);
  toast(t("common.saved"));
  window.kamRender();
}

async function reject(path) {
  const reason = await ask(t("common.reason"));
  if (reason) await act(path, { reason });
}

function networkBlock(network) {
  const byId = Object.fromEntries((network.nodes || []).map((p) => [p.id, p]));
  const person = (id) => (byId[id] ? h("a", { href: `#/customers/${id}` }, byId[id].name) : "?");
  return h("div", {},
    h("ul", { class: "plain network" }, (network.edges || []).map((edge) =>
      h("li", {}, person(edge.from), ` —${t(`relation.${edge.kind}`)}→ `, person(edge.to)))),
    network.credit ? h("p", { class: "muted" }, t("customer.credit", {
      customers: network.credit.referred_customers ?? 0, revenue: formatMoney(network.credit.revenue) })) : "");
}
