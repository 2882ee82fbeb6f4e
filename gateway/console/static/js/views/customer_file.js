// The customer file: everything stored on the customer, edited in place (PATCH), with its key dates,
// holdings, the sensitive part (owner and managers, with consent), timeline and network; the work on it
// (contacts, assessment, plans, links) is in customer_work.js.
import { api, customerName, forgetCustomers, learnCustomerNames, may, userNames } from "../api.js";
import { badge, button, formatDate, formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { dialogForm, form } from "../forms.js";
import { t } from "../i18n.js";
import { label } from "../vocab.js";
import { detailList, optional } from "./common.js";
import { customerBody, customerFields, linkDuplicate } from "./customer_fields.js";
import { assessmentBlock, contactBlock, networkBlock, plansBlock } from "./customer_work.js";
import { transferButton } from "./handover.js";

export async function customerFileView(id) {
  const [customer, timeline, network, plans, figures, names] = await Promise.all([
    api.get(`/api/customers/${id}`),
    optional(api.get(`/api/customers/${id}/timeline?limit=50`)),
    optional(api.get(`/api/customers/${id}/network?depth=2`)),
    optional(api.get(`/api/development-plans?customer_id=${id}`)),
    optional(api.get(`/api/analytics/customers/${id}`)),
    userNames().catch(() => ({})),
  ]);
  if (customer.erased) return section(t("customer.file"), h("p", { class: "muted" }, t("customer.erased")));
  if (customer.source?.referrer_id) await learnCustomerNames([customer.source.referrer_id]).catch(() => null);
  const writer = may("customers.write");
  const editor = h("div", { hidden: true, id: "customer-editor" }, writer ? editForm(customer) : "");
  return h("div", { class: "grid customer-file" },
    section(customer.name,
      h("div", { class: "action-bar" },
        writer ? button(t("customer.edit"), () => { editor.hidden = !editor.hidden; }, "primary small") : null,
        may("customers.write") ? button(t("customer.exportFile"), () => exportFile(customer), "small") : null,
        transferButton(customer),
        may("customers.erase") ? button(t("customer.erase"), () => erase(customer), "small danger") : null),
      editor,
      detailList([
        [t("customer.kind"), label("customer_kinds", customer.kind)],
        [t("customer.category"), label("customer_categories", customer.category)],
        [t("customer.stage"), badge(customer.stage, "stages", "stage")],
        [t("common.owner"), names[customer.owner_id] || "—"],
        [t("customer.phone"), customer.phone],
        [t("customer.wechat"), customer.wechat],
        [t("customer.email"), customer.email],
        [t("customer.source"), label("source_channels", customer.source?.channel)],
        [t("customer.referrer"), customer.source?.referrer_id ? h("a", { href: `#/customers/${customer.source.referrer_id}` }, customerName(customer.source.referrer_id)) : "—"],
        [t("customer.sourceNote"), customer.source?.note],
        [t("customer.score"), customer.score === null || customer.score === undefined ? undefined : `${customer.score} · ${(customer.score_reasons || []).join("；")}`],
        [t("customer.optOut"), customer.outreach_opt_out ? t("common.yes") : t("common.no")],
      ]),
      keyDates(customer.key_dates || [])),
    section(t("customer.profile"), profileBlock(customer.profile || {})),
    "sensitive" in customer ? section(t("customer.sensitivePart"), detailList([
      [t("customer.consent"), customer.consent?.sensitive ? `${t("common.yes")} · ${customer.consent.purpose || ""}` : t("common.no")],
      ...["health", "family", "finances"].map((part) => [t(`customer.sensitive_${part}`), customer.sensitive?.[part]]),
    ])) : null,
    figures ? section(t("customer.figures"), detailList([
      [t("analytics.visits"), figures.visits], [t("analytics.receptions"), figures.receptions],
      [t("analytics.deals"), figures.deals], [t("analytics.revenue"), formatMoney(figures.revenue)],
      [t("customer.lastVisit"), formatTime(figures.last_visit_at)],
    ])) : null,
    writer ? section(t("customer.logContact"), contactBlock(customer)) : null,
    section(t("customer.assessment"), assessmentBlock(customer, figures?.forecast, writer)),
    section(t("customer.plans"), await plansBlock(customer, plans?.items || [], writer)),
    section(t("customer.timeline"), table(timeline?.items || [], [
      { label: t("common.when"), value: (item) => formatTime(item.at) },
      { label: t("common.kind"), value: (item) => label("event_types", item.kind) },
      { label: "", value: (item) => item.summary },
    ])),
    network ? section(t("customer.network"), networkBlock(customer, network, writer)) : null);
}

function editForm(customer) {
  return form(customerFields(customer), { id: "edit-customer", className: "edit", submitLabel: t("common.save"), onProblem: linkDuplicate, onSubmit: async (values) => {
    await api.patch(`/api/customers/${customer.id}`, customerBody(values));
    forgetCustomers();
    toast(t("common.saved"));
    window.kamRender();
  } }).form;
}

function keyDates(dates) {
  if (!dates.length) return "";
  return h("div", {}, h("h3", {}, t("customer.keyDates")), h("ul", { class: "plain" }, dates.map((d) =>
    h("li", {}, `${label("key_date_kinds", d.kind)}：${formatDate(d.date)}${d.note ? `（${d.note}）` : ""}`))));
}

function profileBlock(profile) {
  const needs = profile.needs || {};
  const sensitivity = profile.sensitivity || {};
  const organization = profile.organization || {};
  const joined = (items) => (items && items.length ? items.join("、") : undefined);
  return h("div", {},
    detailList([
      [t("customer.occupation"), profile.occupation], [t("customer.age"), profile.age],
      [t("customer.hobbies"), joined(profile.hobbies)], [t("customer.personality"), profile.personality],
      [t("customer.culture"), profile.culture], [t("customer.aspirations"), profile.aspirations],
      [t("customer.work"), profile.work], [t("customer.socialCircle"), profile.social_circle],
      [t("customer.lifeCircle"), profile.life_circle], [t("customer.purchaseWeight"), profile.purchase_weight],
      [t("customer.needsPurchase"), needs.purchase], [t("customer.needsStyle"), needs.style],
      [t("customer.needsService"), needs.service], [t("customer.needsProblems"), needs.problems],
      [t("customer.decisionHabits"), needs.decision_habits],
      ...["product", "price", "setting"].map((aspect) => [t(`customer.sensitivity_${aspect}`),
        sensitivity[aspect] ? label("sensitivity_levels", sensitivity[aspect]) : undefined]),
      [t("customer.sensitivityNote"), sensitivity.note],
      [t("customer.industry"), organization.industry], [t("customer.orgSize"), organization.size],
      [t("customer.decisionMakers"), joined(organization.decision_makers)], [t("customer.buyers"), joined(organization.buyers)],
      [t("customer.users"), joined(organization.users)], [t("customer.decisionProcess"), organization.decision_process],
      [t("customer.initiatingDepartment"), organization.initiating_department],
      [t("customer.decidingDepartment"), organization.deciding_department], [t("customer.strategy"), organization.strategy],
    ].filter(([, value]) => value !== undefined && value !== null && value !== "")),
    (profile.holdings || []).length ? [h("h3", {}, t("customer.holdings")), table(profile.holdings, [
      { label: t("customer.piece"), value: (x) => [x.piece, x.style].filter(Boolean).join(" · ") },
      { label: t("customer.carat"), value: (x) => x.carat ?? "—" },
      { label: t("customer.certificate"), value: (x) => x.certificate ?? "—" },
      { label: t("deal.quantity"), value: (x) => x.quantity ?? 1 },
      { label: t("common.amount"), value: (x) => formatMoney(x.amount) },
      { label: t("customer.boughtWhere"), value: (x) => [formatDate(x.bought_on), x.bought_where].filter((v) => v && v !== "—").join(" · ") || "—" },
    ])] : "");
}

async function exportFile(customer) {
  try {
    const everything = await api.get(`/api/customers/${customer.id}/export`);
    const blob = new Blob([JSON.stringify(everything, null, 2)], { type: "application/json" });
    h("a", { href: URL.createObjectURL(blob), download: `${customer.name}-export.json` }).click();
  } catch (error) { toast((await import("../problems.js")).problemMessage(error), "error"); }
}

async function erase(customer) {
  const done = await dialogForm(t("customer.erase"), [
    { name: "confirm", label: t("customer.eraseConfirm", { name: customer.name }), required: true },
  ], async ({ confirm }) => {
    if (confirm !== customer.name) {
      throw Object.assign(new Error("mismatch"), { body: { detail: t("customer.eraseMismatch"), errors: { confirm: [t("customer.eraseMismatch")] } } });
    }
    return api.del(`/api/customers/${customer.id}`);
  }, { submitLabel: t("customer.erase") });
  if (done) { forgetCustomers(); toast(t("common.saved")); location.hash = "#/customers"; }
}
