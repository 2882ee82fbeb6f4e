// Event figures from analytics: a table of the period's events on the analytics page, and one event's
// own figures on its page. Counts, cost, deals and revenue after, and return on spend all come from
// GET /api/analytics/events[/{id}]; the console computes none of them.
import { api, may, query } from "../api.js";
import { formatMoney, formatTime, h, section, table } from "../dom.js";
import { t } from "../i18n.js";
import { label } from "../vocab.js";
import { detailList } from "./common.js";

const GUESTS = ["invited", "accepted", "attended"];

export async function eventFiguresSection(period) {
  if (!may("analytics.events")) return null;
  const { items } = await api.get(`/api/analytics/events${query(period)}`);
  return section(t("analytics.events"), table(items, [
    { label: t("event.when"), value: (e) => formatTime(e.starts_at) },
    { label: t("event.title"), value: (e) => (may("events") ? h("a", { href: `#/events/${e.event_id}` }, e.title) : e.title) },
    { label: t("common.kind"), value: (e) => label("event_kinds", e.kind) },
    ...GUESTS.map((name) => ({ label: label("invitation_statuses", name), value: (e) => e[name] })),
    { label: t("event.cost"), value: (e) => formatMoney(e.cost) },
    { label: t("event.dealsAfter"), value: (e) => e.deals_after },
    { label: t("event.revenueAfter"), value: (e) => formatMoney(e.revenue_after) },
    { label: t("analytics.roi"), value: (e) => e.return_on_spend ?? "—" },
  ], { empty: t("analytics.noEvents") }));
}

// On the event's page (its guest counts are there already); an event analytics has not heard of yet (a draft) has no figures to show.
export async function eventOwnFigures(id) {
  if (!may("analytics.events")) return null;
  const figures = await api.get(`/api/analytics/events/${id}`).catch((error) => {
    if (error?.status === 404) return null;
    throw error;
  });
  if (!figures) return null;
  return section(t("event.figures"), h("div", { class: "event-figures" }, detailList([
    [t("event.cost"), formatMoney(figures.cost)],
    [t("event.dealsAfter"), String(figures.deals_after)],
    [t("event.revenueAfter"), formatMoney(figures.revenue_after)],
  ])));
}
