// Pieces the area views share: a paged list with "load more", pickers, and option lists.
import { api, learnCustomerNames, query, session } from "../api.js";
import { button, h, table } from "../dom.js";
import { t } from "../i18n.js";

export const isManager = () => session.me?.role === "manager";
export const isDeveloper = () => session.me?.role === "developer";

export function options(prefix, values) {
  return values.map((value) => [value, t(`${prefix}.${value}`)]);
}

export const CATEGORIES = ["important", "high_value", "group_purchase", "strategic", "potential"];
export const STAGES = ["prospect", "developing", "contacted", "visited", "received", "won", "after_sales"];

// A list from a paginated endpoint: {items, next_cursor}; grows with "load more".
// Rows that carry a customer_id get their customer's name known first (see customerName()).
export async function pagedList(path, params, columns, { onRow, empty } = {}) {
  const holder = h("div", { class: "paged" });
  const rows = [];
  async function load(cursor) {
    const page = await api.get(path + query({ ...params, cursor, limit: 50 }));
    await learnCustomerNames(page.items.map((row) => row.customer_id));
    rows.push(...page.items);
    holder.replaceChildren(table(rows, columns, { onRow, empty }),
      page.next_cursor ? button(t("common.more"), () => load(page.next_cursor), "ghost more") : "");
  }
  await load();
  return holder;
}

// A <select> of the customers the caller can see, for forms that start from a customer.
export async function customerOptions() {
  const { items } = await api.get("/api/customers?limit=200");
  return items.map((c) => [c.id, c.name]);
}

export function actionBar(...buttons) {
  return h("div", { class: "action-bar" }, buttons.filter(Boolean));
}

export function detailList(pairs) {
  return h("dl", { class: "details" }, pairs.filter(([, v]) => v !== undefined).map(([label, value]) =>
    [h("dt", {}, label), h("dd", {}, value === null || value === "" ? "—" : value)]));
}

export function decide(path, body, after) {
  return async () => {
    await api.post(path, body);
    after();
  };
}
