// 招待标准 (hospitality caps, 规格根据公司规定): per customer category (from the vocabularies), the most a gift
// may be worth and a meal out may cost per head. Managers edit them and read the log of overrides;
// everyone else reads the caps. Which rows and columns there are comes from the server.
import { api, may } from "../api.js";
import { formatMoney, formatTime, h, section, table, toast } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { label, options } from "../vocab.js";

const money = (raw) => (raw === "" || raw === null || raw === undefined ? null : raw);

export async function hospitalityView() {
  const { caps } = await api.get("/api/policies/hospitality");
  const kinds = options("hospitality_kinds");
  const categories = options("customer_categories");
  if (!may("hospitality.write")) {
    return section(t("nav.hospitality"), table(categories.map(([code]) => ({ code, ...(caps[code] || {}) })), [
      { label: t("customer.category"), value: (row) => label("customer_categories", row.code) },
      ...kinds.map(([kind, text]) => ({ label: text, value: (row) => (row[kind] ? formatMoney(row[kind]) : t("hospitality.noCap")) })),
    ]), h("p", { class: "muted" }, t("hospitality.readOnly")));
  }
  const fields = categories.flatMap(([code, category]) => kinds.map(([kind, text]) => ({
    name: `caps.${code}.${kind}`, label: `${category} · ${text}`, type: "number", step: "0.01", min: "0",
    value: caps[code]?.[kind] ?? "", keepEmpty: true, parse: money, placeholder: t("hospitality.noCap") })));
  const { form: element } = form(fields, { id: "hospitality-caps", submitLabel: t("common.save"), onSubmit: async (values) => {
    const kept = Object.fromEntries(Object.entries(values.caps || {}).filter(([, limits]) => Object.values(limits).some((v) => v !== null)));
    await api.put("/api/policies/hospitality", { caps: kept });
    toast(t("common.saved"));
    window.kamRender();
  } });
  const { items } = await api.get("/api/policies/hospitality/overrides?limit=200");
  return h("div", { class: "grid" }, section(t("nav.hospitality"), element),
    section(t("hospitality.overrides"), table(items, [
      { label: t("common.when"), value: (o) => formatTime(o.at) },
      { label: t("common.kind"), value: (o) => label("claim_subject_types", o.subject_type) },
      { label: t("customer.category"), value: (o) => label("customer_categories", o.category) },
      { label: t("hospitality.what"), value: (o) => label("hospitality_kinds", o.kind) },
      { label: t("common.amount"), value: (o) => formatMoney(o.amount) },
      { label: t("hospitality.cap"), value: (o) => formatMoney(o.cap) },
      { label: t("common.reason"), value: (o) => o.reason },
      { label: "", value: (o) => h("a", { href: o.subject_type === "visit" ? `#/visits/${o.subject_id}` : `#/receptions/${o.subject_id}` }, t("common.open")) },
    ], { empty: t("hospitality.noOverrides") })));
}
