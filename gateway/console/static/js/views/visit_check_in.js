// 签到 on the visit page: the visitor's button (from `actions`) asks the iPad browser for its location,
// never requiring it: a denial, a timeout or no geolocation at all just sends `location: null`.
import { api } from "../api.js";
import { h, toast } from "../dom.js";
import { t } from "../i18n.js";
import { problemMessage } from "../problems.js";

function whereAmI() {
  if (!navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => navigator.geolocation.getCurrentPosition(
    (position) => resolve({ lat: position.coords.latitude, lng: position.coords.longitude }),
    () => resolve(null), { enableHighAccuracy: true, timeout: 8000, maximumAge: 60000 }));
}

export function checkInButton(visit) {
  if (!(visit.actions || []).includes("check_in")) return null;
  const message = h("span", { class: "action-error", role: "alert" });
  const button = h("button", { type: "button", class: "primary", dataset: { action: "check_in" }, onclick: async () => {
    if (button.disabled) return;
    button.disabled = true;
    message.textContent = t("visit.locating");
    try {
      const location = await whereAmI();
      await api.post(`/api/visits/${visit.id}/check-in`, { at: new Date().toISOString(), place: visit.place || null, location });
      toast(t("common.saved"));
      window.kamRender();
    } catch (error) {
      message.textContent = problemMessage(error);
    } finally { button.disabled = false; }
  } }, t("visit.checkIn"));
  return h("div", { class: "action-bar check-in" }, button, message);
}

export function checkInText(checkIn) {
  if (!checkIn) return undefined;
  const where = checkIn.location ? `（${checkIn.location.lat.toFixed(5)}, ${checkIn.location.lng.toFixed(5)}）` : `（${t("visit.noLocation")}）`;
  return [checkIn.place, where].filter(Boolean).join(" ");
}
