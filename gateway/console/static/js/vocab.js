// The code lists of GET /api/vocabularies, loaded once after login: labels and options come from the
// server, so a code the API accepts always has a label and the console copies none.
import { api } from "./api.js";
import { currentLanguage } from "./i18n.js";

let lists = null;
let loading = null;

export function loadVocabularies() {
  if (lists) return Promise.resolve(lists);
  loading ??= api.get("/api/vocabularies").then((answer) => (lists = answer)).finally(() => { loading = null; });
  return loading;
}

export function forgetVocabularies() { lists = null; }

const text = (term) => term.label[currentLanguage()] || term.label["zh-CN"] || term.code;

// The label of a code in the caller's language; an unknown code shows as itself (never blank).
export function label(list, code) {
  if (code === null || code === undefined || code === "") return "—";
  const term = (lists?.[list] || []).find((entry) => entry.code === code);
  return term ? text(term) : String(code);
}

// The codes of a list, in the server's order (a board's columns, a work order's stages).
export function codes(list) {
  return (lists?.[list] || []).map((term) => term.code);
}

// [[code, label]] for a <select> or a checkbox group.
export function options(list, { except = [] } = {}) {
  return (lists?.[list] || []).filter((term) => !except.includes(term.code)).map((term) => [term.code, text(term)]);
}
