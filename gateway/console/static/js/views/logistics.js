// The coordinator's list: approved visits and receptions of the coming days, with their logistics.
import { api } from "../api.js";
import { formatTime, h, section, table } from "../dom.js";
import { t } from "../i18n.js";
import { label } from "../vocab.js";
import { checkInText } from "./visit_check_in.js";

export async function logisticsView() {
  const { items, checked_in: checkedIn = [] } = await api.get("/api/logistics?days=7");
  return h("div", { class: "grid" }, whereaboutsSection(checkedIn), upcomingSection(items));
}

// Who is where today: the visits checked in today (签到), latest first.
function whereaboutsSection(checkedIn) {
  return h("section", { class: "card whereabouts" }, h("h2", {}, t("logistics.whereToday")), table(checkedIn, [
    { label: t("logistics.who"), value: (x) => x.visitor_name || x.visitor_id },
    { label: t("common.when"), value: (x) => formatTime(x.at) },
    { label: t("common.customer"), value: (x) => h("a", { href: `#/visits/${x.visit_id}` }, x.customer_name || x.customer_id) },
    { label: t("visit.place"), value: (x) => checkInText(x) || "—" },
    { label: t("common.status"), value: (x) => label("visit_statuses", x.status) },
  ], { empty: t("logistics.nobodyOut") }));
}

function upcomingSection(items) {
  return section(t("nav.logistics"), table(items, [
    { label: t("common.when"), value: (x) => formatTime(x.at || x.planned_at || x.scheduled_at) },
    { label: t("common.kind"), value: (x) => label("claim_subject_types", x.type) },
    { label: t("common.customer"), value: (x) => x.customer_name || x.customer_id },
    { label: t("visit.transport"), value: (x) => (x.transport ? [x.transport.company_car ? t("visit.companyCar") : t("visit.ownWay"), x.transport.note].filter(Boolean).join("，") : "—") },
    { label: t("visit.place"), value: (x) => x.place || "—" },
    { label: t("visit.people"), value: (x) => (x.people || []).join("、") || "—" },
    { label: t("visit.gift"), value: (x) => x.gift || "—" },
    { label: t("reception.partySize"), value: (x) => x.party_size ?? "—" },
  ]));
}
