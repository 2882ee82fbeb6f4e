// What the events screens share: code lists from GET /api/vocabularies (fetched once), an action's
// button that cannot fire twice, and failures shown in the user's language.
import { api } from "../api.js";
import { h, toast } from "../dom.js";
import { currentLanguage, t } from "../i18n.js";

let vocabularies = null;

export async function loadVocabularies() {
  vocabularies ??= await api.get("/api/vocabularies");
  return vocabularies;
}

// [[code, label], …] for a form's select; the label in the user's language.
export function choices(name) {
  return (vocabularies?.[name] || []).map((term) => [term.code, labelOf(term)]);
}

export function label(name, code) {
  const term = (vocabularies?.[name] || []).find((candidate) => candidate.code === code);
  return term ? labelOf(term) : code;
}

function labelOf(term) {
  return currentLanguage() === "en" ? term.label.en : term.label["zh-CN"];
}

export function statusBadge(name, code) {
  return h("span", { class: `badge status-${code}`, dataset: { status: code } }, label(name, code));
}

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

export const localInput = (raw) => new Date(raw).toISOString();

export function monthOf(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}
