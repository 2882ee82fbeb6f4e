// After-sales service tickets (custom design, appraisal, care, repair, resale, knowledge, events): opened
// with what their kind needs, moved on by the buttons their `actions` allow.
import { actionButtons } from "../actions.js";
import { api, customerName, may } from "../api.js";
import { badge, formatTime, h, section, toast } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { wallTimeToIso } from "../time.js";
import { label } from "../vocab.js";
import { pagedList } from "./common.js";

const WORK_ORDERS = ["custom_design", "repair", "resale"];  // their steps have forms of their own: the work order's page

export async function ticketsView() {
  const list = await pagedList("/api/service-tickets", {}, [
    { label: t("common.when"), value: (x) => formatTime(x.opened_at) },
    { label: t("common.customer"), value: (x) => customerName(x.customer_id) },
    { label: t("common.kind"), value: (x) => label("ticket_kinds", x.kind) },
    { label: t("ticket.description"), value: (x) => h("a", { href: `#/work-orders/${x.id}` }, x.description || "—") },
    { label: t("common.status"), value: (x) => badge(x.status, "ticket_statuses") },
    { label: "", value: (x) => WORK_ORDERS.includes(x.kind)
      ? h("a", { href: `#/work-orders/${x.id}`, class: "button small" }, t("common.open"))
      : actionButtons(x, "/api/service-tickets", {
        resolve: { fields: [{ name: "resolution", label: t("ticket.resolution"), type: "textarea", required: true }] } }) },
  ]);
  if (!may("tickets.open")) return section(t("nav.tickets"), list);
  const { form: element } = form([
    { name: "customer_id", label: t("common.customer"), type: "customer", required: true },
    { name: "kind", label: t("common.kind"), type: "select", vocabulary: "ticket_kinds" },
    { name: "description", label: t("ticket.description"), type: "textarea", wide: true, required: true },
    { name: "piece.description", label: t("ticket.piece"), placeholder: t("ticket.pieceHint") },
    { name: "piece.certificate_no", label: t("ticket.certificate") },
    { name: "piece.material", label: t("ticket.material") },
    { name: "piece.weight", label: t("ticket.weight") },
    { name: "intake_notes", label: t("ticket.intakeNotes"), type: "textarea", wide: true },
    { name: "resale_mode", label: t("ticket.resaleMode"), type: "select", optional: true, vocabulary: "resale_modes" },
    { name: "valuation", label: t("ticket.valuation"), type: "number", step: "0.01", min: "0" },
    { name: "scheduled_at", label: t("ticket.scheduledAt"), type: "datetime-local", parse: wallTimeToIso },
  ], { id: "new-ticket", submitLabel: t("common.create"), onSubmit: async (v) => {
    await api.post("/api/service-tickets", v);
    toast(t("common.saved"));
    window.kamRender();
  } });
  return h("div", { class: "grid" }, section(t("nav.tickets"), list), section(t("ticket.new"), element));
}
