// The developer's "invite my customers": the events still open for invitations, each with a pick of
// the developer's own customers, and the answers of those already invited.
import { api, query, session } from "../api.js";
import { formatTime, h, section } from "../dom.js";
import { t } from "../i18n.js";
import { label } from "../vocab.js";
import { guestList, invitationsForm } from "./event.js";
import { monthOf } from "./event_common.js";

export async function inviteMineView() {
  const now = new Date();
  const months = [0, 1, 2].map((offset) => monthOf(new Date(now.getFullYear(), now.getMonth() + offset, 1)));
  const pages = await Promise.all(months.map((month) => api.get("/api/events" + query({ month, status: "approved", limit: 100 }))));
  const open = pages.flatMap((page) => page.items).filter((event) => event.actions.includes("invite"));
  if (!open.length) return section(t("event.inviteMine"), h("p", { class: "empty" }, t("event.noneOpen")));
  const blocks = await Promise.all(open.map(async (event) => {
    const guests = await api.get(`/api/events/${event.id}/invitations${query({ limit: 200 })}`);
    return section(`${label("event_kinds", event.kind)} · ${event.title}`,
      h("p", { class: "muted" }, `${formatTime(event.starts_at)} · ${event.venue} · ${event.seats_taken} / ${event.capacity}`),
      await invitationsForm(event.id, { ownerId: session.me.id }),
      h("h3", {}, t("event.myGuests")), guestList(guests.items));
  }));
  return h("div", { class: "grid" }, section(t("event.inviteMine"), h("p", { class: "muted" }, t("event.inviteMineHint"))), ...blocks);
}
