// The door (签到): find a guest by name or phone, one tap checks them in. Large targets for an iPad.
import { api, query } from "../api.js";
import { badge, formatTime, h, toast } from "../dom.js";
import { t } from "../i18n.js";
import { label } from "../vocab.js";
import { once } from "./event_common.js";

export async function checkInView(id) {
  const event = await api.get(`/api/events/${id}`);
  const list = h("div", { class: "door-guests" });
  const tally = h("p", { class: "door-tally" });
  const search = h("input", { type: "search", name: "q", class: "door-search", autocomplete: "off",
    placeholder: t("event.searchGuest"), oninput: () => { clearTimeout(search.timer); search.timer = setTimeout(load, 250); } });

  async function load() {
    const guests = await api.get(`/api/events/${id}/invitations${query({ q: search.value.trim(), limit: 200 })}`);
    list.replaceChildren(...(guests.items.length ? guests.items.map(card) : [h("p", { class: "empty" }, t("event.noGuests"))]));
    const fresh = await api.get(`/api/events/${id}`);
    tally.textContent = t("event.tally", { attended: fresh.counts.attended, accepted: fresh.counts.accepted + fresh.counts.attended });
  }

  function card(guest) {
    const arrived = guest.status === "attended";
    return h("div", { class: `door-guest ${arrived ? "arrived" : ""}`, dataset: { guest: guest.customer_name || "" } },
      h("div", { class: "door-who" }, h("strong", {}, guest.customer_name || "—"),
        h("span", {}, guest.customer_phone || ""), badge(guest.status, "invitation_statuses")),
      guest.actions.includes("check_in")
        ? once(t("event.checkInGuest"), async () => {
          await api.post(`/api/invitations/${guest.id}/check-in`);
          toast(t("event.welcome", { name: guest.customer_name || "" }));
          await load();
        }, "primary door-button")
        : h("span", { class: "door-note" }, arrived ? `✓ ${formatTime(guest.checked_in_at)}` : t("event.doorClosed")));
  }

  await load();
  return h("section", { class: "card door" },
    h("h2", {}, `${t("event.checkIn")} · ${event.title}`),
    h("p", { class: "muted" }, `${label("event_kinds", event.kind)} · ${event.venue} · ${formatTime(event.starts_at)}`),
    tally, search, list,
    h("p", {}, h("a", { href: `#/events/${id}` }, `‹ ${t("common.back")}`)));
}
