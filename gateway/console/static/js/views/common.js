// Pieces the area views share: a paged list with "load more", detail lists, and filters kept in the hash.
import { api, learnCustomerNames, query } from "../api.js";
import { button, h, table } from "../dom.js";
import { t } from "../i18n.js";

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

export function actionBar(...buttons) {
  return h("div", { class: "action-bar" }, buttons.filter(Boolean));
}

export function detailList(pairs) {
  return h("dl", { class: "details" }, pairs.filter(([, v]) => v !== undefined).map(([label, value]) =>
    [h("dt", {}, label), h("dd", {}, value === null || value === "" ? "—" : value)]));
}

// Filters live in the hash (#/customers?q=王&stage=won), so Back brings them back.
export function hashParams() {
  const [, search = ""] = location.hash.split("?");
  return Object.fromEntries(new URLSearchParams(search));
}

export function keepInHash(params) {
  const [path] = location.hash.split("?");
  const kept = query(params);
  history.replaceState(null, "", `${path || "#/"}${kept}`);
}

export function splitList(raw) {
  return raw.split(/[,，、;；\n]/).map((part) => part.trim()).filter(Boolean);
}

export const optional = (promise) => promise.catch(() => null);

// A draft's edit form, folded until its 编辑 button (the `edit` action) opens it; nothing when the server
// offers no edit. Returns {section, edit}: the section for the page, the handler for actionButtons.
export function draftEditor(object, title, formElement) {
  if (!(object.actions || []).includes("edit")) return { section: null, edit: {} };
  const holder = h("section", { class: "card draft-editor", hidden: true }, h("h2", {}, title), formElement);
  return { section: holder, edit: { run: () => {
    holder.hidden = false;
    holder.scrollIntoView({ block: "start" });
    holder.querySelector("input, select, textarea")?.focus();
  } } };
}

// Why a manager rejected it, in plain sight: on the rejected item, and on the draft taken back to revise.
export function rejectionNote(object, reason) {
  if (!reason || !["rejected", "draft"].includes(object.status)) return null;
  const heading = object.status === "rejected" ? t("decision.rejected") : t("decision.rejectedBefore");
  return h("p", { class: "rejection-note", role: "note" }, h("strong", {}, `${heading}：`), reason);
}
