// What the catalog's screens share: pictures fetched with the caller's token (an <img> cannot send it),
// and a piece's card. Their code lists and labels come from ../vocab.js, as everywhere.
import { api } from "../api.js";
import { formatMoney, h } from "../dom.js";

const pictures = new Map();

// An <img> that loads `url` with the caller's token; the same picture is fetched once per page load.
export function picture(url, alt, className = "photo") {
  const img = h("img", { class: className, alt: alt || "", loading: "lazy" });
  if (!url) { img.classList.add("none"); return img; }
  if (!pictures.has(url)) pictures.set(url, api.blob(url).then((blob) => URL.createObjectURL(blob)));
  pictures.get(url).then((src) => { img.src = src; }).catch(() => img.classList.add("none"));
  return img;
}

export function pieceCard(product, statusLabel, ...extra) {
  const first = product.images?.[0];
  return h("article", { class: "piece-card", dataset: { sku: product.sku } },
    h("a", { href: `#/catalog/${product.id}`, class: "piece-link" },
      picture(first?.thumbnail_url, product.name),
      h("strong", {}, product.name),
      h("span", { class: "sku" }, product.sku),
      h("span", { class: "price" }, formatMoney(product.list_price)),
      product.gem?.carat ? h("span", {}, `${product.gem.carat} ct`) : "",
      product.tracking === "stock" ? h("span", {}, `× ${product.quantity}`) : "",
      statusLabel ? h("span", { class: `badge piece-${product.status || "stock"}` }, statusLabel) : ""),
    ...extra);
}

// A button that cannot fire twice while its request runs; failures are shown in the user's language.
export function once(label, action, className = "primary") {
  const el = h("button", { type: "button", class: className }, label);
  el.addEventListener("click", async () => {
    if (el.disabled) return;
    el.disabled = true;
    try { await action(); } finally { el.disabled = false; }
  });
  return el;
}
