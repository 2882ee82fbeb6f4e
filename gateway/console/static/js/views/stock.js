// The analyst's stock screen: counted stock with its reorder alerts, the gift for each customer
// category, and which gifts went with visits that led to deals.
import { api, session } from "../api.js";
import { form, h, section, table, toast } from "../dom.js";
import { t } from "../i18n.js";
import { options } from "../vocab.js";
import { picture } from "./catalog_common.js";

async function stockTable() {
  const { items } = await api.get("/api/products?tracking=stock&limit=200");
  const low = items.filter((p) => p.low_stock);
  return h("div", {},
    low.length ? h("div", { class: "card alert reorder-alert" }, h("strong", {}, t("catalog.lowStock")),
      h("ul", {}, low.map((p) => h("li", {}, `${p.name}（${p.sku}）：${p.quantity} / ${p.reorder_level}`)))) : "",
    table(items, [
      { label: "", value: (p) => picture(p.images[0]?.thumbnail_url, p.name, "photo tiny") },
      { label: t("catalog.name"), value: (p) => h("a", { href: `#/catalog/${p.id}` }, p.name) },
      { label: t("catalog.sku"), value: (p) => p.sku },
      { label: t("catalog.quantity"), value: (p) => h("span", { class: p.low_stock ? "low" : "" }, String(p.quantity)) },
      { label: t("catalog.reorderLevel"), value: (p) => String(p.reorder_level) },
    ]));
}

async function giftRules(gifts) {
  const { items } = await api.get("/api/gift-rules");
  const categories = Object.fromEntries(options("customer_categories"));
  const mayEdit = ["analyst", "manager"].includes(session.me?.role);
  return table(items, [
    { label: t("customer.category"), value: (r) => categories[r.category] || r.category },
    { label: t("catalog.giftFor"), value: (r) => (r.name ? `${r.name}（${r.sku}，${t("catalog.quantity")} ${r.quantity}）` : t("catalog.noRule")) },
    { label: "", value: (r) => {
      if (!mayEdit) return "";
      const { form: element } = form([
        { name: "product_id", label: t("catalog.giftFor"), type: "select", value: r.product_id, options: gifts.map((g) => [g.id, g.name]) },
      ], { submitLabel: t("catalog.setRule"), id: `rule-${r.category}`, onSubmit: async ({ product_id }) => {
        await api.put(`/api/gift-rules/${r.category}`, { product_id });
        toast(t("common.saved"));
        window.kamRender();
      } });
      return element;
    } },
  ]);
}

export async function giftOutcomes() {
  const { items } = await api.get("/api/gift-rules/outcomes");
  const categories = Object.fromEntries(options("customer_categories"));
  return table(items, [
    { label: t("customer.category"), value: (o) => categories[o.category] || "—" },
    { label: t("catalog.giftFor"), value: (o) => o.name || o.product_id },
    { label: t("catalog.visitsWith"), value: (o) => String(o.visits) },
    { label: t("catalog.ledToDeal"), value: (o) => String(o.led_to_deal) },
  ]);
}

export async function stockView() {
  const { items: gifts } = await api.get("/api/products?tracking=stock&limit=200");
  return h("div", {},
    section(t("nav.stock"), await stockTable()),
    section(t("catalog.giftRules"), await giftRules(gifts)),
    section(t("catalog.outcomes"), await giftOutcomes()));
}
