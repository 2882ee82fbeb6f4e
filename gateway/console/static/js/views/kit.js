// The visit kit, full screen for the iPad: large pictures, swipe between pieces, the offers, the gift.
import { api } from "../api.js";
import { formatMoney, h } from "../dom.js";
import { t } from "../i18n.js";
import { picture } from "./catalog_common.js";

export async function kitView(visitId) {
  const kit = await api.get(`/api/visits/${visitId}/kit`);
  let index = 0;
  const stage = h("div", { class: "kit-stage" });
  const counter = h("span", { class: "kit-counter" });
  const offerOf = (piece) => kit.offers.find((offer) => offer.product === piece.name || offer.product === piece.sku);

  function show(next) {
    if (!kit.pieces.length) { stage.replaceChildren(h("p", { class: "empty" }, t("common.empty"))); return; }
    index = (next + kit.pieces.length) % kit.pieces.length;
    const piece = kit.pieces[index];
    const offer = offerOf(piece);
    stage.replaceChildren(
      h("div", { class: "kit-photos" }, piece.images.length ? piece.images.map((i) => picture(i.url, piece.name, "photo kit-photo"))
        : picture(null, piece.name, "photo kit-photo")),
      h("div", { class: "kit-caption" }, h("h2", {}, piece.name),
        h("p", {}, [piece.sku, piece.gem?.carat ? `${piece.gem.carat} ct` : "", piece.metal].filter(Boolean).join(" · ")),
        h("p", { class: "price" }, formatMoney(piece.list_price)),
        offer ? h("p", { class: "kit-offer" }, `${t("catalog.discount")} ${Math.round(Number(offer.discount) * 100)}%`,
          offer.note ? ` · ${offer.note}` : "") : ""));
    counter.textContent = `${index + 1} / ${kit.pieces.length}`;
  }

  let startX = null;
  stage.addEventListener("touchstart", (event) => { startX = event.touches[0].clientX; }, { passive: true });
  stage.addEventListener("touchend", (event) => {
    if (startX === null) return;
    const moved = event.changedTouches[0].clientX - startX;
    if (Math.abs(moved) > 40) show(index + (moved < 0 ? 1 : -1));
    startX = null;
  });
  const keys = (event) => {
    if (!document.body.contains(stage)) { document.removeEventListener("keydown", keys); return; }
    if (event.key === "ArrowRight") show(index + 1);
    if (event.key === "ArrowLeft") show(index - 1);
  };
  document.addEventListener("keydown", keys);

  const shell = h("div", { class: "kit" },
    h("header", { class: "kit-bar" },
      h("strong", {}, `${t("catalog.kit")} · ${kit.customer_name || ""}`), counter,
      h("button", { type: "button", class: "ghost", onclick: () => show(index - 1) }, t("catalog.prev")),
      h("button", { type: "button", class: "ghost", onclick: () => show(index + 1) }, t("catalog.next")),
      h("a", { href: `#/visits/${visitId}`, class: "kit-exit" }, t("catalog.exit"))),
    stage,
    h("footer", { class: "kit-footer" },
      h("div", {}, h("h3", {}, t("catalog.offers")), h("ul", {}, kit.offers.map((o) =>
        h("li", {}, `${o.product}：${t("catalog.discount")} ${Math.round(Number(o.discount) * 100)}%`)))),
      h("div", { class: "kit-gift" }, h("h3", {}, t("catalog.gift")),
        kit.gift?.images?.[0] ? picture(kit.gift.images[0].thumbnail_url, kit.gift.name, "photo tiny") : "",
        h("p", {}, kit.gift?.name || "—"))));
  show(0);
  return shell;
}
