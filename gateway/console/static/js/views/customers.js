// Customers: search (Chinese names, phone, WeChat), filters, and registering a new one.
import { api, forgetCustomers, userNames } from "../api.js";
import { badge, button, form, h, mount, section, toast } from "../dom.js";
import { t } from "../i18n.js";
import { CATEGORIES, STAGES, options, pagedList } from "./common.js";

export async function customersView() {
  const names = await userNames().catch(() => ({}));
  const results = h("div", {});
  const filters = { q: "", category: "", stage: "" };
  const search = async () => mount(results, await pagedList("/api/customers", filters, [
    { label: t("customer.name"), value: (c) => h("a", { href: `#/customers/${c.id}` }, c.name) },
    { label: t("customer.category"), value: (c) => (c.category ? t(`category.${c.category}`) : "—") },
    { label: t("customer.stage"), value: (c) => badge(c.stage, "stage") },
    { label: t("customer.phone"), value: (c) => c.phone || "—" },
    { label: t("common.owner"), value: (c) => names[c.owner_id] || "—" },
  ], { onRow: (c) => (location.hash = `#/customers/${c.id}`) }));
  const input = (name, element) => { element.addEventListener("change", () => { filters[name] = element.value; search(); }); return element; };
  const bar = h("div", { class: "filters" },
    input("q", h("input", { type: "search", placeholder: `${t("common.search")}：${t("customer.name")} / ${t("customer.phone")} / ${t("customer.wechat")}`, id: "customer-search" })),
    input("category", h("select", {}, h("option", { value: "" }, `${t("customer.category")}：${t("common.all")}`), options("category", CATEGORIES).map(([v, l]) => h("option", { value: v }, l)))),
    input("stage", h("select", {}, h("option", { value: "" }, `${t("customer.stage")}：${t("common.all")}`), options("stage", STAGES).map(([v, l]) => h("option", { value: v }, l)))),
    h("a", { href: "#/customers/new", class: "button primary" }, t("customer.new")),
    button(t("customer.export"), async () => {
      const blob = await api.blob("/api/customers/export?format=xlsx");
      const link = h("a", { href: URL.createObjectURL(blob), download: "customers.xlsx" });
      link.click();
    }, "ghost"));
  await search();
  return section(t("nav.customers"), bar, results);
}

export async function newCustomerView() {
  const { form: element } = form([
    { name: "name", label: t("customer.name"), required: true },
    { name: "kind", label: t("customer.kind"), type: "select", options: options("kind", ["person", "organization"]) },
    { name: "category", label: t("customer.category"), type: "select", optional: true, options: options("category", CATEGORIES) },
    { name: "phone", label: t("customer.phone"), type: "tel" },
    { name: "wechat", label: t("customer.wechat") },
    { name: "email", label: t("customer.email"), type: "email" },
    { name: "source_channel", label: t("customer.source"), placeholder: "朋友介绍 / 商场 / 俱乐部 …" },
    { name: "wedding_anniversary", label: t("customer.weddingAnniversary"), type: "date" },
    { name: "birthday", label: t("customer.birthday"), type: "date" },
  ], {
    id: "new-customer",
    submitLabel: t("common.create"),
    onSubmit: async (values) => {
      const { source_channel, wedding_anniversary, birthday, ...body } = values;
      if (source_channel) body.source = { channel: source_channel };
      const keyDates = [];
      if (wedding_anniversary) keyDates.push({ kind: "wedding_anniversary", date: wedding_anniversary });
      if (birthday) keyDates.push({ kind: "birthday", date: birthday });
      if (keyDates.length) body.key_dates = keyDates;
      const created = await api.post("/api/customers", body);
      forgetCustomers();
      toast(t("common.saved"));
      location.hash = `#/customers/${created.id}`;
    },
  });
  return section(t("customer.new"), element);
}
