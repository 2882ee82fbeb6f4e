// The analytics dashboard: the funnel and the developers' figures, drawn as SVG (no chart library).
import { api, query, session } from "../api.js";
import { button, formatMoney, h, section, table } from "../dom.js";
import { t } from "../i18n.js";

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

export async function analyticsView() {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth() - 2, 1).toISOString().slice(0, 10);
  const to = today.toISOString().slice(0, 10);
  const period = { from, to };
  const [funnel, developers] = await Promise.all([
    api.get(`/api/analytics/funnel${query(period)}`),
    api.get(`/api/analytics/developers${query(period)}`),
  ]);
  const download = button(t("analytics.report"), async () => {
    const blob = await api.blob(`/api/analytics/report${query({ ...period, format: "xlsx" })}`);
    h("a", { href: URL.createObjectURL(blob), download: `开发情况总结报告_${from}_${to}.xlsx` }).click();
  }, "ghost");
  return h("div", { class: "grid" },
    section(`${t("analytics.funnel")} · ${from} — ${to}`,
      barChart(funnel.stages, { label: (s) => t(`stage.${s.stage}`), value: (s) => s.customers }),
      table(funnel.stages, [
        { label: t("customer.stage"), value: (s) => t(`stage.${s.stage}`) },
        { label: t("analytics.customers"), value: (s) => s.customers },
        { label: t("analytics.conversion"), value: (s) => (s.conversion === null || s.conversion === undefined ? "—" : `${(Number(s.conversion) * 100).toFixed(0)}%`) },
      ])),
    section(t("analytics.developers"),
      barChart(developers.items, { label: (d) => d.display_name || d.developer_id, value: (d) => d.revenue, format: formatMoney }),
      table(developers.items, [
        { label: t("role.developer"), value: (d) => d.display_name || d.developer_id },
        { label: t("analytics.customers"), value: (d) => d.customers },
        { label: t("analytics.contacts"), value: (d) => d.contacts },
        { label: t("analytics.visits"), value: (d) => d.visits },
        { label: t("analytics.callbacksOnTime"), value: (d) => d.callbacks_on_time },
        { label: t("analytics.receptions"), value: (d) => d.receptions },
        { label: t("analytics.deals"), value: (d) => d.deals },
        { label: t("analytics.revenue"), value: (d) => formatMoney(d.revenue) },
        { label: t("analytics.expenses"), value: (d) => formatMoney(d.expenses) },
        { label: t("analytics.roi"), value: (d) => d.return_on_spend ?? "—" },
      ]),
      session.me.role !== "developer" ? download : ""),
    section(t("catalog.outcomes"), await (await import("./stock.js")).giftOutcomes()));
}
