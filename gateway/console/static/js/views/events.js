// The events calendar (a month at a time) and planning a new event.
import { api, query, session } from "../api.js";
import { badge, button, form, formatTime, h, section, table } from "../dom.js";
import { t } from "../i18n.js";
import { label, options } from "../vocab.js";
import { actionBar } from "./common.js";
import { localInput, wallTimeToIso } from "../time.js";
import { monthOf } from "./event_common.js";

const RUNNERS = ["planner", "manager"];
export const runsEvents = () => RUNNERS.includes(session.me?.role);

export async function eventsView() {
  const month = new URLSearchParams(location.hash.split("?")[1] || "").get("month") || monthOf(new Date());
  const page = await api.get("/api/events" + query({ month, limit: 100 }));
  const go = (offset) => {
    const [year, number] = month.split("-").map(Number);
    location.hash = `#/events?month=${monthOf(new Date(year, number - 1 + offset, 1))}`;
  };
  const picker = h("input", { type: "month", name: "month", value: month, class: "month-picker",
    onchange: (event) => { if (event.target.value) location.hash = `#/events?month=${event.target.value}`; } });
  return h("div", { class: "grid" },
    section(`${t("event.calendar")} · ${month}`,
      actionBar(
        button(`‹ ${t("event.previousMonth")}`, () => go(-1), "ghost"),
        picker,
        button(`${t("event.nextMonth")} ›`, () => go(1), "ghost"),
        runsEvents() ? h("a", { href: "#/events/new", class: "button primary" }, t("event.new")) : null),
      table(page.items, [
        { label: t("event.when"), value: (e) => formatTime(e.starts_at) },
        { label: t("event.title"), value: (e) => h("a", { href: `#/events/${e.id}` }, e.title) },
        { label: t("common.kind"), value: (e) => label("event_kinds", e.kind) },
        { label: t("event.venue"), value: (e) => e.venue },
        { label: t("event.seats"), value: (e) => `${e.seats_taken} / ${e.capacity}` },
        { label: t("common.status"), value: (e) => badge(e.status, "event_statuses") },
      ], { onRow: (e) => { location.hash = `#/events/${e.id}`; }, empty: t("event.noneThisMonth") })));
}

// The event's plan: empty for a new one, what a draft says now for its edit form.
export function eventFields(event = {}) {
  return [
    { name: "title", label: t("event.title"), required: true, wide: true, value: event.title },
    { name: "kind", label: t("common.kind"), type: "select", options: options("event_kinds"), value: event.kind },
    { name: "venue", label: t("event.venue"), required: true, value: event.venue },
    { name: "starts_at", label: t("event.startsAt"), type: "datetime-local", required: true, parse: wallTimeToIso,
      value: event.starts_at ? localInput(event.starts_at) : undefined },
    { name: "ends_at", label: t("event.endsAt"), type: "datetime-local", required: true, parse: wallTimeToIso,
      value: event.ends_at ? localInput(event.ends_at) : undefined },
    { name: "capacity", label: t("event.capacity"), type: "number", min: 1, required: true, parse: Number, value: event.capacity },
    { name: "budget", label: t("customer.budget"), type: "number", step: "0.01", required: true, value: event.budget },
    { name: "description", label: t("event.description"), type: "textarea", wide: true, value: event.description },
  ];
}

export async function newEventView() {
  const { form: element } = form(eventFields(), { id: "new-event", submitLabel: t("common.create"), onSubmit: async (values) => {
    const created = await api.post("/api/events", values);
    location.hash = `#/events/${created.id}`;
  } });
  return section(t("event.new"), element);
}
