// Date fields in Chinese. Chromium draws a date input's own text (mm/dd/yyyy, AM/PM) in the browser's UI
// language, whatever the page's lang, and Debian's headless chromium and many iPads here have English
// only. In zh-CN, each date, month and date-time input gets its value (or a hint) written over it in
// Chinese while it is not being edited; tapping it edits it natively, and its value stays ISO.
import { h } from "./dom.js";
import { currentLanguage } from "./i18n.js";

const TYPES = ["date", "datetime-local", "month"];
const HINTS = { date: "年 / 月 / 日", "datetime-local": "年 / 月 / 日  时:分", month: "年 / 月" };

export function chineseText(type, value) {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}:\d{2}))?/.exec(value || "");
  if (!match) return "";
  const [, year, month, day, time] = match;
  const date = `${year}年${Number(month)}月${day ? `${Number(day)}日` : ""}`;
  return type === "datetime-local" && time ? `${date} ${time}` : date;
}

function hint(input) {
  if (input.closest(".date-wrap")) return;
  const text = h("span", { class: "date-hint", "aria-hidden": "true" });
  const show = () => {
    const shown = chineseText(input.type, input.value);
    text.textContent = shown || HINTS[input.type];
    text.classList.toggle("empty", !shown);
  };
  const wrap = h("span", { class: "date-wrap" });
  input.replaceWith(wrap);
  wrap.append(input, text);
  input.addEventListener("input", show);
  input.addEventListener("change", show);
  input.addEventListener("blur", show);
  show();
}

function hintAll(root) {
  if (root?.nodeType !== 1 || currentLanguage() !== "zh-CN") return;
  const found = root.matches?.("input") ? [root] : root.querySelectorAll("input");
  for (const input of found) if (TYPES.includes(input.type)) hint(input);
}

export function watchDateFields(root = document.body) {
  hintAll(root);
  new MutationObserver((changes) => {
    for (const change of changes) change.addedNodes.forEach(hintAll);
  }).observe(root, { childList: true, subtree: true });
}
