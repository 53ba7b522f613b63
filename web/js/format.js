// How numbers, money, percentages and dates are written on screen.
// Pure functions with no DOM and no Intl, so the same text comes out in every
// browser and in node's unit tests (tests/web/format.test.mjs).
// Indonesian is the default: Rp2.450.915, 94,82 %, 27 November 2019.

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus',
    'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'],
};
const MONTHS_SHORT = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
const WEEKDAYS = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const SEP = { id: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } };

function sep(lang) {
  return SEP[lang] || SEP.id;
}

// Digits of a whole number grouped by thousands.  Accepts numbers and digit
// strings (the API sends whole rupiah as integers, which fit a double exactly up
// to 2^53; strings keep larger totals exact).
function groupDigits(digits, group) {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += group;
    out += digits[i];
  }
  return out;
}

function splitInteger(n) {
  if (n === null || n === undefined || n === '') return null;
  let s = typeof n === 'bigint' ? n.toString() : String(n).trim();
  if (typeof n === 'number') {
    if (!Number.isFinite(n)) return null;
    s = BigInt(Math.round(n)).toString();
  }
  const m = /^(-?)0*(\d+)$/.exec(s);
  if (!m) return null;
  const digits = m[2] === '' ? '0' : m[2];
  return { negative: m[1] === '-' && digits !== '0', digits };
}

// 22000 -> "22.000" (id) or "22,000" (en).  Missing values show as an en dash.
export function number(n, lang = 'id') {
  const p = splitInteger(n);
  if (!p) return '–';
  return (p.negative ? '-' : '') + groupDigits(p.digits, sep(lang).group);
}

// Whole rupiah -> "Rp2.450.915"; negative amounts (credit) as "-Rp15.000".
export function rupiah(n, lang = 'id') {
  const p = splitInteger(n);
  if (!p) return '–';
  return (p.negative ? '-' : '') + 'Rp' + groupDigits(p.digits, sep(lang).group);
}

// 94.8213 -> "94,82 %" (id) or "94.82%" (en).  Rounds half away from zero on
// the decimal string, not on binary fractions, so 0.125 -> "0,13".
export function percent(x, lang = 'id', decimals = 2) {
  if (x === null || x === undefined || x === '' || !Number.isFinite(Number(x))) return '–';
  const v = Number(x);
  const neg = v < 0;
  const scaled = Math.round(Number((Math.abs(v) + 'e' + decimals)));
  let digits = String(scaled).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  const s = sep(lang);
  let text = groupDigits(whole, s.group) + (decimals > 0 ? s.decimal + frac : '');
  if (neg && scaled !== 0) text = '-' + text;
  return lang === 'en' ? text + '%' : text + ' %';
}

// Share of part in whole as a percentage number (null when whole is 0).
export function share(part, whole) {
  const w = Number(whole);
  if (!w) return null;
  return (Number(part) * 100) / w;
}

function parseIsoDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso || ''));
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return { y, mo, d };
}

// "2019-11-27" -> "27 November 2019".
export function date(iso, lang = 'id') {
  const p = parseIsoDate(iso);
  if (!p) return iso ? String(iso) : '–';
  return `${p.d} ${(MONTHS[lang] || MONTHS.id)[p.mo - 1]} ${p.y}`;
}

// "2019-11-27" -> "Rabu, 27/11/2019" (the weekday from the civil calendar, UTC).
export function dayDate(iso, lang = 'id') {
  const p = parseIsoDate(iso);
  if (!p) return iso ? String(iso) : '–';
  const wd = new Date(Date.UTC(p.y, p.mo - 1, p.d)).getUTCDay();
  const dd = String(p.d).padStart(2, '0'), mm = String(p.mo).padStart(2, '0');
  return `${(WEEKDAYS[lang] || WEEKDAYS.id)[wd]}, ${dd}/${mm}/${p.y}`;
}

// "2019-11" -> "November 2019"; short: "Nov 2019" ("Agu 2019" in Indonesian).
export function month(ym, lang = 'id', short = false) {
  const m = /^(\d{4})-(\d{2})/.exec(String(ym || ''));
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return ym ? String(ym) : '–';
  const names = (short ? MONTHS_SHORT : MONTHS)[lang] || (short ? MONTHS_SHORT.id : MONTHS.id);
  return `${names[Number(m[2]) - 1]} ${m[1]}`;
}

// Reads a number written by number() back ("22.000" -> 22000): the browser
// tests compare what the page shows with what the command line prints.
export function parseNumber(text, lang = 'id') {
  const s = String(text).replace(/^Rp/, '').split(sep(lang).group).join('');
  return /^-?\d+$/.test(s.trim()) ? Number(s.trim()) : NaN;
}

// One CSV field per RFC 4180: quoted when it holds a comma, quote or newline.
// A leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
export function csvField(v) {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n;]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvLine(fields) {
  return fields.map(csvField).join(',') + '\r\n';
}

// The rejected rows of an import as CSV, with the columns of
// `jaring import --errors`: line,column,value,reason.
export function issuesCsv(issues) {
  let out = csvLine(['line', 'column', 'value', 'reason']);
  for (const i of issues) out += csvLine([i.line, i.column, i.value, i.reason]);
  return out;
}
