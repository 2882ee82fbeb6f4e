// Dates in the department's time zone (KAM_TIME_ZONE, from /api/me), not the browser's: "today", the
// report period and due dates are the department's local dates.
let zone = "Asia/Shanghai";

export function setTimeZone(name) { if (name) zone = name; }
export function timeZone() { return zone; }

function parts(date) {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit",
    day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return Object.fromEntries(format.formatToParts(date).filter((p) => p.type !== "literal").map((p) => [p.type, p.value]));
}

// "YYYY-MM-DD" of an instant (default now) in the department's zone.
export function localDate(value = new Date()) {
  const p = parts(value instanceof Date ? value : new Date(value));
  return `${p.year}-${p.month}-${p.day}`;
}

// "YYYY-MM-DDTHH:MM" for a datetime-local input.
export function localInput(value) {
  if (!value) return "";
  const p = parts(new Date(value));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function offsetMinutes(instant) {
  const p = parts(new Date(instant));
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant) / 60000);
}

// A wall time typed in a datetime-local input, read in the department's zone, as ISO 8601 (UTC).
export function wallTimeToIso(value) {
  const [day, clock = "00:00"] = value.split("T");
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = clock.split(":").map(Number);
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  let instant = naive - offsetMinutes(naive) * 60000;
  instant = naive - offsetMinutes(instant) * 60000;
  return new Date(instant).toISOString();
}

export function addDays(date, days) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function monthBounds(date = localDate()) {
  const [y, m] = date.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${y}-${String(m).padStart(2, "0")}-01`, to: `${y}-${String(m).padStart(2, "0")}-${String(last).padStart(2, "0")}` };
}

export function formatTime(value) {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function formatDate(value) {
  if (!value) return "—";
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : localDate(date);
}
