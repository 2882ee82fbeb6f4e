// Every field of the customer file, for registering and for editing it (PATCH sends the whole file back,
// emptied fields as null). Codes are selects from the vocabularies; the referrer comes from the picker.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { splitList } from "./common.js";

const text = (name, key, extra = {}) => ({ name, label: t(key), keepEmpty: true, parse: (raw) => raw || null, ...extra });
const list = (name, key, extra = {}) => ({ name, label: t(key), keepEmpty: true, parse: (raw) => splitList(raw), ...extra });

export function customerFields(customer, { creating = false } = {}) {
  const profile = customer.profile || {};
  const needs = profile.needs || {};
  const sensitivity = profile.sensitivity || {};
  const organization = profile.organization || {};
  const fields = [
    { name: "name", label: t("customer.name"), required: true, value: customer.name },
    { name: "kind", label: t("customer.kind"), type: "select", vocabulary: "customer_kinds", value: customer.kind },
    { name: "category", label: t("customer.category"), type: "select", optional: true, vocabulary: "customer_categories",
      value: customer.category, keepEmpty: true, parse: (raw) => raw || null },
    text("phone", "customer.phone", { type: "tel", value: customer.phone }),
    text("wechat", "customer.wechat", { value: customer.wechat }),
    text("email", "customer.email", { type: "email", value: customer.email }),
    { name: "source.channel", label: t("customer.source"), type: "select", optional: true, vocabulary: "source_channels",
      value: customer.source?.channel, keepEmpty: true, parse: (raw) => raw || null },
    { name: "source.referrer_id", label: t("customer.referrer"), type: "customer", value: customer.source?.referrer_id,
      keepEmpty: true, parse: (raw) => raw || null },
    text("source.note", "customer.sourceNote", { value: customer.source?.note }),
    { name: "key_dates", label: t("customer.keyDates"), type: "rows", wide: true, value: customer.key_dates || [], keepEmpty: true,
      columns: [{ name: "kind", label: t("common.kind"), vocabulary: "key_date_kinds" },
        { name: "date", label: t("deal.date"), type: "date" }, { name: "note", label: t("common.notes") }] },
    text("profile.occupation", "customer.occupation", { value: profile.occupation }),
    { name: "profile.age", label: t("customer.age"), type: "number", min: "0", value: profile.age, keepEmpty: true,
      parse: (raw) => (raw === "" ? null : Number(raw)) },
    list("profile.hobbies", "customer.hobbies", { value: (profile.hobbies || []).join("，") }),
    text("profile.personality", "customer.personality", { value: profile.personality }),
    text("profile.culture", "customer.culture", { value: profile.culture }),
    text("profile.aspirations", "customer.aspirations", { value: profile.aspirations }),
    text("profile.work", "customer.work", { value: profile.work }),
    text("profile.social_circle", "customer.socialCircle", { value: profile.social_circle }),
    text("profile.life_circle", "customer.lifeCircle", { value: profile.life_circle }),
    text("profile.purchase_weight", "customer.purchaseWeight", { value: profile.purchase_weight }),
    text("profile.needs.purchase", "customer.needsPurchase", { value: needs.purchase }),
    text("profile.needs.style", "customer.needsStyle", { value: needs.style }),
    text("profile.needs.service", "customer.needsService", { value: needs.service }),
    text("profile.needs.problems", "customer.needsProblems", { value: needs.problems }),
    text("profile.needs.decision_habits", "customer.decisionHabits", { value: needs.decision_habits }),
    ...["product", "price", "setting"].map((aspect) => ({ name: `profile.sensitivity.${aspect}`, label: t(`customer.sensitivity_${aspect}`),
      type: "select", optional: true, vocabulary: "sensitivity_levels", value: sensitivity[aspect], keepEmpty: true, parse: (raw) => raw || null })),
    text("profile.sensitivity.note", "customer.sensitivityNote", { value: sensitivity.note }),
    { name: "profile.holdings", label: t("customer.holdings"), type: "rows", wide: true, value: profile.holdings || [], keepEmpty: true,
      columns: [{ name: "piece", label: t("customer.piece") }, { name: "style", label: t("customer.style") },
        { name: "carat", label: t("customer.carat"), type: "number", step: "0.01", min: "0" },
        { name: "certificate", label: t("customer.certificate") },
        { name: "quantity", label: t("deal.quantity"), type: "number", min: "1", parse: Number },
        { name: "amount", label: t("common.amount"), type: "number", step: "0.01", min: "0" },
        { name: "bought_on", label: t("customer.boughtOn"), type: "date" }, { name: "bought_where", label: t("customer.boughtWhere") }] },
    { name: "profile.organization.size", label: t("customer.orgSize"), type: "number", min: "0", value: organization.size, keepEmpty: true,
      parse: (raw) => (raw === "" ? null : Number(raw)) },
    text("profile.organization.industry", "customer.industry", { value: organization.industry }),
    list("profile.organization.decision_makers", "customer.decisionMakers", { value: (organization.decision_makers || []).join("，") }),
    list("profile.organization.buyers", "customer.buyers", { value: (organization.buyers || []).join("，") }),
    list("profile.organization.users", "customer.users", { value: (organization.users || []).join("，") }),
    text("profile.organization.decision_process", "customer.decisionProcess", { value: organization.decision_process }),
    text("profile.organization.initiating_department", "customer.initiatingDepartment", { value: organization.initiating_department }),
    text("profile.organization.deciding_department", "customer.decidingDepartment", { value: organization.deciding_department }),
    text("profile.organization.strategy", "customer.strategy", { value: organization.strategy }),
    { name: "outreach_opt_out", label: t("customer.optOut"), type: "checkbox", value: customer.outreach_opt_out, keepEmpty: true },
  ];
  if (creating || "sensitive" in customer) {
    const sensitive = customer.sensitive || {};
    fields.push(
      { name: "consent.sensitive", label: t("customer.consent"), type: "checkbox", value: customer.consent?.sensitive, keepEmpty: true },
      text("consent.purpose", "customer.consentPurpose", { value: customer.consent?.purpose }),
      ...["health", "family", "finances"].map((part) => text(`sensitive.${part}`, `customer.sensitive_${part}`,
        { type: "textarea", value: sensitive[part], wide: true })));
  }
  return fields;
}

const isEmpty = (value) => value === null || value === undefined || value === "" ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && !Array.isArray(value) && Object.values(value).every(isEmpty));

// The request body from the form's values: an untouched organisation and an empty sensitive part are
// left out (sensitive data only goes with consent), so a person's file carries no empty organisation.
export function customerBody(values) {
  const body = structuredClone(values);
  if (body.profile && isEmpty(body.profile.organization)) delete body.profile.organization;
  if (body.sensitive && isEmpty(body.sensitive)) delete body.sensitive;
  if (body.consent && !body.consent.sensitive && isEmpty(body.consent.purpose) && !body.sensitive) body.consent.purpose = null;
  return body;
}

// 409 duplicate_customer: the server names the customer already on file only when the caller may see
// it; then each refused field (phone, WeChat) links to that file.
export function linkDuplicate(error, errorBoxes) {
  const body = error?.body || {};
  if (body.code !== "duplicate_customer" || !body.existing_customer_id) return;
  for (const field of Object.keys(body.errors || {})) {
    errorBoxes[field]?.append(" ", h("a", { href: `#/customers/${body.existing_customer_id}`, class: "duplicate-link" },
      t("customer.openExisting", { name: body.existing_customer_name || "" })));
  }
}
