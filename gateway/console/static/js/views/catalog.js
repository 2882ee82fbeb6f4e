// The catalog: the grid with pictures (search, choose for a visit), the piece page, new products.
import { api, query, session } from "../api.js";
import { button, form, formatMoney, h, section, toast } from "../dom.js";
import { t } from "../i18n.js";
import { label, options } from "../vocab.js";
import { detailList } from "./common.js";
import { once, picture, pieceCard } from "./catalog_common.js";

const editor = () => ["analyst", "manager"].includes(session.me?.role);

function failed(error) {
  toast(error?.body?.detail || error.message, "error");
}

async function searchForm(onSearch, fixed = {}) {
  const { form: element } = form([
    { name: "q", label: t("common.search"), placeholder: t("catalog.search") },
    { name: "kind", label: t("catalog.kind"), type: "select", optional: true, options: options("product_kinds") },
    { name: "status", label: t("catalog.status"), type: "select", optional: true, options: options("piece_statuses"),
      value: fixed.status },
    { name: "min_carat", label: t("catalog.minCarat"), type: "number", step: "0.01", min: "0" },
    { name: "max_carat", label: t("catalog.maxCarat"), type: "number", step: "0.01", min: "0" },
    { name: "max_price", label: t("catalog.maxPrice"), type: "number", step: "0.01", min: "0" },
  ], { submitLabel: t("common.search"), onSubmit: onSearch, id: "catalog-search" });
  return element;
}

// `choose`: {visitId} to reserve pieces for that visit from the grid.
async function grid(params, choose) {
  const statuses = Object.fromEntries(options("piece_statuses"));
  const holder = h("div", { class: "piece-grid" });
  const cards = [];
  async function load(cursor) {
    const page = await api.get("/api/products" + query({ ...params, cursor, limit: 40 }));
    for (const product of page.items) {
      const reserve = choose && product.actions.includes("reserve")
        ? once(t("catalog.reserve"), async () => {
          try {
            await api.post("/api/reservations", { product_id: product.id, for: { type: "visit", id: choose.visitId } });
            toast(t("catalog.reservedOk"));
            card.replaceWith(pieceCard({ ...product, status: "reserved" }, statuses.reserved));
          } catch (error) { failed(error); }
        }) : "";
      const card = pieceCard(product, product.status ? statuses[product.status] : null, reserve);
      cards.push(card);
    }
    holder.replaceChildren(...cards, page.next_cursor ? button(t("common.more"), () => load(page.next_cursor), "ghost more") : "");
  }
  await load();
  return holder;
}

async function newProductForm(after) {
  const { form: element } = form([
    { name: "sku", label: t("catalog.sku"), required: true },
    { name: "name", label: t("catalog.name"), required: true },
    { name: "kind", label: t("catalog.kind"), type: "select", options: options("product_kinds") },
    { name: "tracking", label: t("catalog.tracking"), type: "select", options: options("product_trackings") },
    { name: "list_price", label: t("catalog.price"), type: "number", step: "0.01", min: "0", required: true },
    { name: "quantity", label: t("catalog.quantity"), type: "number", min: "0", parse: Number },
    { name: "reorder_level", label: t("catalog.reorderLevel"), type: "number", min: "0", parse: Number },
    { name: "carat", label: t("catalog.carat"), type: "number", step: "0.01", min: "0" },
    { name: "cut", label: t("catalog.cut") }, { name: "color", label: t("catalog.color") },
    { name: "clarity", label: t("catalog.clarity") }, { name: "metal", label: t("catalog.metal") },
    { name: "lab", label: t("catalog.lab") }, { name: "number", label: t("catalog.certificate") },
    { name: "description", label: t("catalog.description"), type: "textarea", wide: true },
  ], { submitLabel: t("catalog.new"), id: "new-product", onSubmit: async (v) => {
    const gem = Object.fromEntries(["carat", "cut", "color", "clarity"].filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
    const certificate = Object.fromEntries(["lab", "number"].filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
    const body = { sku: v.sku, name: v.name, kind: v.kind, tracking: v.tracking, list_price: v.list_price,
      quantity: v.quantity, reorder_level: v.reorder_level, metal: v.metal, description: v.description,
      ...(Object.keys(gem).length ? { gem } : {}), ...(Object.keys(certificate).length ? { certificate } : {}) };
    const created = await api.post("/api/products", body);
    after(created);
  } });
  return element;
}

function importExport() {
  const file = h("input", { type: "file", accept: ".xlsx", class: "import-file" });
  const report = h("div", { class: "import-report" });
  return h("div", { class: "action-bar" },
    file,
    once(t("catalog.import"), async () => {
      if (!file.files[0]) return;
      try {
        const result = await api.upload("/api/products/import", file.files[0]);
        report.replaceChildren(h("p", {}, t("catalog.imported", result)),
          ...result.rows.filter((r) => r.status === "rejected").map((r) =>
            h("p", { class: "field-error" }, `#${r.row} ${r.sku || ""}: ${Object.entries(r.errors).map(([k, m]) => `${k} ${[].concat(m).join("；")}`).join("，")}`)));
      } catch (error) { failed(error); }
    }, "ghost"),
    once(t("catalog.export"), async () => {
      const blob = await api.blob("/api/products/export");
      h("a", { href: URL.createObjectURL(blob), download: "catalog.xlsx" }).click();
    }, "ghost"),
    report);
}

export async function catalogView() {
  const results = h("div", {}, await grid({}));
  const search = await searchForm(async (values) => { results.replaceChildren(await grid(values)); });
  const parts = [section(t("nav.catalog"), search, results)];
  if (editor()) {
    parts.push(section(t("catalog.new"), await newProductForm((created) => { location.hash = `#/catalog/${created.id}`; }), importExport()));
  }
  return h("div", {}, parts);
}

export async function chooseForVisitView(visitId) {
  const visit = await api.get(`/api/visits/${visitId}`);
  const params = { status: "in_stock" };
  const results = h("div", {}, await grid(params, { visitId }));
  const search = await searchForm(async (values) => { results.replaceChildren(await grid({ ...values, status: "in_stock" }, { visitId })); },
    params);
  return section(`${t("catalog.reserveFor")}：${visit.customer_name || ""}`,
    h("p", {}, h("a", { href: `#/visits/${visitId}` }, t("common.back")), " · ",
      h("a", { href: `#/visits/${visitId}/kit`, class: "kit-link" }, t("catalog.kit"))),
    search, results);
}

async function reserveBox(product) {
  const { items } = await api.get("/api/visits?status=approved&limit=100");
  if (!items.length) return h("p", { class: "empty" }, t("catalog.noVisits"));
  const { form: element } = form([
    { name: "visit", label: t("catalog.visitFor"), type: "select",
      options: items.map((v) => [v.id, `${v.customer_name || v.customer_id} · ${String(v.planned_at).slice(0, 16).replace("T", " ")}`]) },
  ], { submitLabel: t("catalog.reserve"), id: "reserve-piece", onSubmit: async ({ visit }) => {
    await api.post("/api/reservations", { product_id: product.id, for: { type: "visit", id: visit } });
    toast(t("catalog.reservedOk"));
    window.kamRender();
  } });
  return element;
}

function uploadBox(product) {
  const file = h("input", { type: "file", accept: "image/jpeg,image/png", name: "file", class: "photo-file" });
  const error = h("small", { class: "field-error" });
  return h("div", { class: "action-bar" }, file, error, once(t("catalog.upload"), async () => {
    error.textContent = "";
    if (!file.files[0]) return;
    try {
      await api.upload(`/api/products/${product.id}/images`, file.files[0]);
      window.kamRender();
    } catch (failure) {
      error.textContent = [].concat(failure.body?.errors?.file || []).join("；");
      failed(failure);
    }
  }));
}

export async function pieceView(productId) {
  const product = await api.get(`/api/products/${productId}`);
  const gallery = h("div", { class: "gallery" }, product.images.length
    ? product.images.map((image) => picture(image.url, product.name, "photo large"))
    : picture(null, product.name, "photo large"));
  const facts = detailList([
    [t("catalog.sku"), product.sku], [t("catalog.kind"), label("product_kinds", product.kind)],
    [t("catalog.status"), product.status ? label("piece_statuses", product.status) : undefined],
    [t("catalog.quantity"), product.tracking === "stock" ? `${product.quantity}（${t("catalog.reorderLevel")} ${product.reorder_level}）` : undefined],
    [t("catalog.price"), formatMoney(product.list_price)], [t("catalog.carat"), product.gem.carat],
    [t("catalog.cut"), product.gem.cut], [t("catalog.color"), product.gem.color], [t("catalog.clarity"), product.gem.clarity],
    [t("catalog.metal"), product.metal],
    [t("catalog.certificate"), [product.certificate.lab, product.certificate.number].filter(Boolean).join(" ")],
    [t("catalog.description"), product.description],
  ]);
  const parts = [h("p", {}, h("a", { href: "#/catalog" }, t("common.back"))), gallery, facts];
  if (product.actions.includes("add_image")) parts.push(uploadBox(product));
  if (product.actions.includes("reserve")) parts.push(await reserveBox(product));
  return section(product.name, ...parts);
}
