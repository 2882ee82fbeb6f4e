// What the events screens share: an action's button that cannot fire twice, failures shown in the user's
// language, and months. Their code lists and labels come from ../vocab.js, as everywhere.
import { h, toast } from "../dom.js";
import { t } from "../i18n.js";

export function failed(error) {
  toast(error?.body?.detail || error?.message || t("common.unavailable"), "error");
}

// A button that runs `work` once at a time (a double click does not send twice).
export function once(text, work, kind = "") {
  const element = h("button", { type: "button", class: kind, onclick: async () => {
    if (element.disabled) return;
    element.disabled = true;
    try { await work(); } catch (error) { failed(error); } finally { element.disabled = false; }
  } }, text);
  return element;
}

// "YYYY-MM" of `date` by the browser's own clock and zone: the calendar opens on the month the user is in.
export function monthOf(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}
