// The API's code lists with their labels (GET /api/vocabularies), fetched once: selects and labels come
// from here, never from a list of codes copied into the console.
import { api } from "./api.js";
import { currentLanguage } from "./i18n.js";

let loaded = null;

export async function vocabularies() {
  if (!loaded) loaded = api.get("/api/vocabularies").catch((error) => { loaded = null; throw error; });
  return loaded;
}

export function codes(all, name) {
  return (all[name] || []).map((entry) => entry.code);
}

export function label(all, name, code) {
  const entry = (all[name] || []).find((item) => item.code === code);
  if (!entry) return code ?? "—";
  return currentLanguage() === "en" ? entry.label.en : entry.label["zh-CN"];
}

export function choices(all, name) {
  return (all[name] || []).map((entry) => [entry.code, currentLanguage() === "en" ? entry.label.en : entry.label["zh-CN"]]);
}
