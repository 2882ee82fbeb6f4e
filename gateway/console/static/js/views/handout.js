// The coordinator's hand-out and return screen: pieces reserved for visits, handed out, and back.
import { api } from "../api.js";
import { formatTime, h, section, table, toast } from "../dom.js";
import { t } from "../i18n.js";
import { options } from "../vocab.js";
import { once } from "./catalog_common.js";

const PATHS = { check_out: "check-out", check_in: "check-in", cancel: "cancel" };

async function list(status) {
  const { items } = await api.get(`/api/reservations?status=${status}&limit=200`);
  const statuses = Object.fromEntries(options("reservation_statuses"));
  return table(items, [
    { label: t("catalog.name"), value: (r) => h("a", { href: `#/catalog/${r.product_id}` }, r.name) },
    { label: t("catalog.sku"), value: (r) => r.sku },
    { label: t("catalog.for"), value: (r) => h("a", { href: `#/visits/${r.for.id}` }, formatTime(r.subject_at)) },
    { label: t("catalog.dueBack"), value: (r) => h("span", { class: r.overdue ? "low" : "" },
      formatTime(r.due_back_at), r.overdue ? ` · ${t("catalog.overdue")}` : "") },
    { label: t("catalog.status"), value: (r) => statuses[r.status] || r.status },
    { label: "", value: (r) => h("div", { class: "action-bar" }, r.actions.map((action) =>
      once(t(`catalog.${action}`), async () => {
        try {
          await api.post(`/api/reservations/${r.id}/${PATHS[action]}`);
          toast(t("common.saved"));
          window.kamRender();
        } catch (error) { toast(error?.body?.detail || error.message, "error"); }
      }, action === "cancel" ? "ghost" : "primary"))) },
  ]);
}

export async function handoutView() {
  return h("div", { class: "handout" },
    section(`${t("nav.handout")} · ${t("catalog.reservations")}`, await list("reserved")),
    section(t("catalog.check_in"), await list("checked_out")));
}
