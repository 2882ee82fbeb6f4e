// Customers: search as you type (Chinese names, phone, WeChat), filters kept in the hash, registering a
// new one, and import (with its row errors) and export of the list.
import { api, forgetCustomers, may, userNames } from "../api.js";
import { badge, h, mount, section, toast } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { fieldErrors, problemMessage } from "../problems.js";
import { downloadWithProgress, uploadWithProgress } from "../transfer.js";
import { label, options } from "../vocab.js";
import { hashParams, keepInHash, pagedList } from "./common.js";
import { customerBody, customerFields, linkDuplicate } from "./customer_fields.js";

const DEBOUNCE_MS = 300;

export async function customersView() {
  const names = await userNames().catch(() => ({}));
  const results = h("div", { class: "results" });
  const filters = { q: "", category: "", stage: "", ...hashParams() };
  let asked = 0;
  const search = async () => {
    const mine = ++asked;
    keepInHash(filters);
    try {
      const list = await pagedList("/api/customers", filters, [
        { label: t("customer.name"), value: (c) => h("a", { href: `#/customers/${c.id}` }, c.name) },
        { label: t("customer.category"), value: (c) => label("customer_categories", c.category) },
        { label: t("customer.stage"), value: (c) => badge(c.stage, "stages", "stage") },
        { label: t("customer.phone"), value: (c) => c.phone || "—" },
        { label: t("common.owner"), value: (c) => names[c.owner_id] || "—" },
      ], { onRow: (c) => (location.hash = `#/customers/${c.id}`) });
      if (mine === asked) mount(results, list);
    } catch (error) {
      if (mine === asked) mount(results, h("p", { class: "form-error", role: "alert" }, problemMessage(error)));
    }
  };
  let timer = null;
  const q = h("input", { type: "search", id: "customer-search", value: filters.q, "aria-label": t("common.search"),
    placeholder: `${t("common.search")}：${t("customer.name")} / ${t("customer.phone")} / ${t("customer.wechat")}` });
  q.addEventListener("input", () => { filters.q = q.value.trim(); clearTimeout(timer); timer = setTimeout(search, DEBOUNCE_MS); });
  const select = (name, list, text) => {
    const element = h("select", { name, "aria-label": text }, h("option", { value: "" }, `${text}：${t("common.all")}`),
      options(list).map(([code, title]) => h("option", { value: code, selected: code === filters[name] }, title)));
    element.addEventListener("change", () => { filters[name] = element.value; search(); });
    return element;
  };
  const bar = h("div", { class: "filters" }, q,
    select("category", "customer_categories", t("customer.category")),
    select("stage", "stages", t("customer.stage")),
    may("customers.write") ? h("a", { href: "#/customers/new", class: "button primary" }, t("customer.new")) : null);
  await search();
  return h("div", { class: "grid wide-first" }, section(t("nav.customers"), bar, results),
    section(t("customer.spreadsheets"), exportBlock(), may("customers.write") ? importBlock(search) : null));
}

function exportBlock() {
  const progress = h("span", { class: "muted", role: "status" });
  const { form: element } = form([
    { name: "format", label: t("customer.format"), type: "select", vocabulary: "spreadsheet_formats" },
  ], { id: "export-customers", submitLabel: t("customer.export"), onSubmit: async ({ format }) => {
    progress.textContent = t("common.downloading");
    const name = await downloadWithProgress(`/api/customers/export?format=${format}`, `customers.${format}`,
      (share, bytes) => { progress.textContent = share === null ? `${Math.round(bytes / 1024)} KB` : `${Math.round(share * 100)}%`; });
    progress.textContent = `${t("common.downloaded")}：${name}`;
  } });
  return h("div", {}, element, progress);
}

function importBlock(onImported) {
  const bar = h("progress", { max: "1", value: "0", hidden: true, "aria-label": t("customer.import") });
  const status = h("p", { class: "muted", role: "status" });
  const report = h("div", {});
  const { form: element } = form([
    { name: "file", label: t("customer.importFile"), type: "file", accept: ".xlsx,.csv", required: true },
  ], { id: "import-customers", submitLabel: t("customer.import"), onSubmit: async ({ file }) => {
    report.replaceChildren();
    if (!file) throw Object.assign(new Error("no file"), { body: { detail: t("customer.chooseFile"), errors: { file: [t("customer.chooseFile")] } } });
    bar.hidden = false;
    const job = await uploadWithProgress("/api/customers/imports", file, (share) => {
      bar.value = share;
      status.textContent = `${t("customer.uploading")} ${Math.round(share * 100)}%`;
    }).catch((error) => { bar.hidden = true; throw error; });
    await followImport(job, { bar, status, report, onImported });
  } });
  const block = h("div", {}, h("h3", {}, t("customer.import")), element, bar, status, report);
  api.get("/api/customers/imports").then(({ items }) => {  // a job still running when the page was left
    const running = items.find((job) => job.status === "queued" || job.status === "running");
    if (running) followImport(running, { bar, status, report, onImported });
  }).catch(() => {});
  return block;
}

// Shows a background import's progress until it ends (or the page is left), then its rejected rows.
async function followImport(job, { bar, status, report, onImported }) {
  bar.hidden = false;
  while (job.status === "queued" || job.status === "running") {
    bar.value = job.total ? job.done / job.total : 0;
    status.textContent = job.total ? t("customer.importProgress", job) : t("customer.importQueued");
    await new Promise((resolve) => setTimeout(resolve, 700));
    if (!bar.isConnected) return;
    job = await api.get(`/api/customers/imports/${job.id}`);
  }
  bar.hidden = true;
  if (job.status === "failed") {
    status.textContent = `${t("customer.importFailed")}：${job.error || ""}`;
    return;
  }
  forgetCustomers();
  onImported();
  status.textContent = t("customer.imported", { ...job, total: job.total ?? 0 });
  const bad = job.rejected_rows || [];
  report.replaceChildren(bad.length ? h("ul", { class: "plain row-errors" }, bad.map((row) =>
    h("li", {}, `${t("customer.rowNumber", row)}${row.name ? `（${row.name}）` : ""}：`,
      fieldErrors(row.errors).map(([field, message]) => `${t(`customer.${field.split(".")[0].replace(/_(\w)/g, (_, c) => c.toUpperCase())}`)} ${message}`).join("；")))) : "");
  toast(t("common.saved"));
}

export async function newCustomerView() {
  const { form: element } = form(customerFields({}, { creating: true }), {
    id: "new-customer",
    submitLabel: t("common.create"),
    onProblem: linkDuplicate,
    onSubmit: async (values) => {
      const created = await api.post("/api/customers", customerBody(values));
      forgetCustomers();
      toast(t("common.saved"));
      location.hash = `#/customers/${created.id}`;
    },
  });
  return section(t("customer.new"), element);
}
