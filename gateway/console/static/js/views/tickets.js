// After-sales service tickets: custom design, appraisal, care, repair, resale, knowledge, events.
import { api, customerName } from "../api.js";
import { ask, button, form, formatTime, h, section, toast } from "../dom.js";
import { t } from "../i18n.js";
import { choices, label, vocabularies } from "../vocabularies.js";
import { actionBar, customerOptions, pagedList } from "./common.js";

const act = (path, body = {}) => api.post(path, body).then(() => { toast(t("common.saved")); window.kamRender(); });

export async function ticketsView() {
  const vocab = await vocabularies();
  const list = await pagedList("/api/service-tickets", {}, [
    { label: t("common.when"), value: (x) => formatTime(x.created_at || x.opened_at) },
    { label: t("common.customer"), value: (x) => customerName(x.customer_id) },
    { label: t("common.kind"), value: (x) => label(vocab, "ticket_kinds", x.kind) },
    { label: t("ticket.description"), value: (x) => h("a", { href: `#/work-orders/${x.id}` }, x.description || "—") },
    { label: t("common.status"), value: (x) => h("span", { class: `badge status-${x.status}` }, label(vocab, "ticket_statuses", x.status)) },
    { label: "", value: (x) => actionBar(
      x.actions.includes("start") ? button(t("ticket.start"), () => act(`/api/service-tickets/${x.id}/start`), "small") : null,
      x.actions.includes("resolve") ? button(t("ticket.resolve"), async () => {
        const resolution = await ask(t("ticket.resolution"));
        if (resolution) await act(`/api/service-tickets/${x.id}/resolve`, { resolution });
      }, "small") : null) },
  ]);
  const { form: element } = form([
    { name: "customer_id", label: t("common.customer"), type: "select", options: await customerOptions(), required: true },
    { name: "kind", label: t("common.kind"), type: "select", options: choices(vocab, "ticket_kinds") },
    { name: "description", label: t("ticket.description"), type: "textarea", wide: true, required: true },
  ], { id: "new-ticket", submitLabel: t("common.create"), onSubmit: (v) => act("/api/service-tickets", v) });
  return h("div", { class: "grid" }, section(t("nav.tickets"), list), section(t("ticket.new"), element));
}
