// The analytics dashboard: the funnel and the developers' figures, drawn as SVG (no chart library).
import { api, may, query } from "../api.js";
import { formatMoney, h, section, table } from "../dom.js";
import { form } from "../forms.js";
import { t } from "../i18n.js";
import { localDate, monthBounds } from "../time.js";
import { downloadWithProgress } from "../transfer.js";
import { label } from "../vocab.js";
import { hashParams, keepInHash } from "./common.js";
import { eventFiguresSection } from "./event_figures.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const child of children) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

export function barChart(rows, { label, value, format = String, width = 560 }) {
  const max = Math.max(1, ...rows.map((r) => Number(value(r)) || 0));
  const rowHeight = 30;
  const labelWidth = 110;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, class: "chart", role: "img" });
  rows.forEach((row, i) => {
    const amount = Number(value(row)) || 0;
    const barWidth = ((width - labelWidth - 90) * amount) / max;
    const y = i * rowHeight + 4;
    chart.append(
      svg("text", { x: 0, y: y + 17, class: "chart-label" }, label(row)),
      svg("rect", { x: labelWidth, y, width: Math.max(barWidth, 1), height: rowHeight - 8, rx: 3, class: "chart-bar" }),
      svg("text", { x: labelWidth + barWidth + 6, y: y + 17, class: "chart-value" }, format(value(row))));
  });
  return chart;
}

// The period defaults to the current month of the department's time zone; it lives in the hash.
export async function analyticsView() {
  const period = { ...monthBounds(localDate()), ...hashParams() };
  keepInHash(period);
  const [funnel, developers, sources] = await Promise.all([
    api.get(`/api/analytics/funnel${query(period)}`),
    api.get(`/api/analytics/developers${query(period)}`),
    api.get(`/api/analytics/sources${query(period)}`).catch(() => null),
  ]);
  const { form: picker } = form([
    { name: "from", label: t("analytics.from"), type: "date", value: period.from, required: true },
    { name: "to", label: t("analytics.to"), type: "date", value: period.to, required: true },
  ], { id: "period-form", className: "inline", submitLabel: t("analytics.show"), onSubmit: async (values) => {
    await api.get(`/api/analytics/funnel${query(values)}`);
    keepInHash(values);
    window.kamRender();
  } });
  const progress = h("span", { class: "muted", role: "status" });
  const download = may("analytics.report") ? form([], { id: "report-download", submitLabel: t("analytics.report"), onSubmit: async () => {
    progress.textContent = t("common.downloading");
    const name = await downloadWithProgress(`/api/analytics/report${query({ ...period, format: "xlsx" })}`,
      `开发情况总结报告_${period.from}_${period.to}.xlsx`,
      (share, bytes) => { progress.textContent = share === null ? `${Math.round(bytes / 1024)} KB` : `${Math.round(share * 100)}%`; });
    progress.textContent = `${t("common.downloaded")}：${name}`;
  } }).form : null;
  return h("div", { class: "grid" },
    section(t("analytics.period"), picker, download, progress),
    section(`${t("analytics.funnel")} · ${period.from} — ${period.to}`,
      barChart(funnel.stages, { label: (s) => label("stages", s.stage), value: (s) => s.customers }),
      table(funnel.stages, [
        { label: t("customer.stage"), value: (s) => label("stages", s.stage) },
        { label: t("analytics.customers"), value: (s) => s.customers },
        { label: t("analytics.conversion"), value: (s) => (s.conversion === null || s.conversion === undefined ? "—" : `${(Number(s.conversion) * 100).toFixed(0)}%`) },
      ])),
    section(t("analytics.developers"),
      barChart(developers.items, { label: (d) => d.display_name || "—", value: (d) => d.revenue, format: formatMoney }),
      table(developers.items, [
        { label: label("roles", "developer"), value: (d) => d.display_name || "—" },
        { label: t("analytics.customers"), value: (d) => d.customers },
        { label: t("analytics.contacts"), value: (d) => d.contacts },
        { label: t("analytics.visits"), value: (d) => d.visits },
        { label: t("analytics.callbacksOnTime"), value: (d) => d.callbacks_on_time },
        { label: t("analytics.receptions"), value: (d) => d.receptions },
        { label: t("analytics.eventsAttended"), value: (d) => d.events_attended },
        { label: t("analytics.deals"), value: (d) => d.deals },
        { label: t("analytics.revenue"), value: (d) => formatMoney(d.revenue) },
        { label: t("analytics.expenses"), value: (d) => formatMoney(d.expenses) },
        { label: t("analytics.roi"), value: (d) => d.return_on_spend ?? "—" },
      ])),
    sources?.items ? section(t("analytics.sources"), table(sources.items, [
      { label: t("customer.source"), value: (s) => label("source_channels", s.key) },
      { label: t("analytics.customers"), value: (s) => s.customers },
      { label: t("analytics.revenue"), value: (s) => formatMoney(s.revenue) },
    ])) : null,
    await eventFiguresSection(period),
    section(t("catalog.outcomes"), await (await import("./stock.js")).giftOutcomes()));
}
