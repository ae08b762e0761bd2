/**
 * Reading the time of an event from a spreadsheet cell: ISO-8601 (with or without an offset),
 * `dd.mm.yyyy[ HH:MM[:SS]]`, `yyyy-mm-dd[ HH:MM[:SS]]` and Excel serial numbers. A time without an
 * offset is a wall-clock time in the organization's time zone; the instant is found with Intl,
 * across daylight-saving changes: a time that does not exist (the hour skipped in spring) moves
 * forward by the gap, a time that happens twice (autumn) is the earlier one.
 */

import { type WallTime, zoneOffsetMs } from '../time-zone.js';

export const DATE_FORMATS = ['auto', 'iso', 'dd.mm.yyyy', 'yyyy-mm-dd', 'excel'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug makes serials from 61 on count from there). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The zone's offset from UTC at an instant, in milliseconds (Moscow: +3 h). */
export const offsetAt = zoneOffsetMs;

/** The instant of a wall-clock time in a time zone. */
export function zonedToInstant(wall: WallTime, timeZone: string): number {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const fits = [before, after].filter((o) => offsetAt(local - o, timeZone) === o);
  // Twice (autumn): the earlier instant, the larger offset. Never (spring): the offset before the gap.
  if (fits.length > 0) return local - Math.max(...fits);
  return local - before;
}

function validWall(w: WallTime): WallTime | null {
  const t = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
  if (w.year < 1900 || w.year > 9999 || w.hour > 23 || w.minute > 59 || w.second > 59) return null;
  if (t.getUTCFullYear() !== w.year || t.getUTCMonth() !== w.month - 1 || t.getUTCDate() !== w.day) return null;
  return w;
}

const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ISO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const SERIAL = /^\d+(?:[.,]\d+)?$/;

function wallOf(m: RegExpExecArray, order: 'dmy' | 'ymd'): WallTime | null {
  const [d, mo, y] = order === 'dmy' ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  return validWall({
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  });
}

/** The wall-clock time of an Excel serial (days since 1899-12-30, the fraction the time of day), to the second. */
export function excelSerialToWall(serial: number): WallTime | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const t = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400) * 1000);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

/** Which format a text or number is in, or null when none fits. */
export function dateFormatOf(cell: string | number): Exclude<DateFormat, 'auto'> | null {
  if (typeof cell === 'number') return excelSerialToWall(cell) ? 'excel' : null;
  const text = cell.trim();
  if (ISO_OFFSET.test(text)) return 'iso';
  if (YMD.test(text)) return 'yyyy-mm-dd';
  if (DMY.test(text)) return 'dd.mm.yyyy';
  if (SERIAL.test(text)) return 'excel';
  return null;
}

/**
 * The instant of a cell in the given format (auto: whichever fits), or null when it cannot be read.
 * A number is an Excel serial in every format (a spreadsheet's date cell).
 */
export function readInstant(cell: string | number, format: DateFormat, timeZone: string): number | null {
  const found = dateFormatOf(cell);
  if (found === null) return null;
  if (format !== 'auto' && found !== format && typeof cell !== 'number') {
    // An ISO time with an offset is also a yyyy-mm-dd time: accept it under that format.
    if (!(format === 'yyyy-mm-dd' && found === 'iso')) return null;
  }
  if (found === 'iso') {
    const t = Date.parse(String(cell).trim());
    return Number.isFinite(t) ? t : null;
  }
  let wall: WallTime | null = null;
  if (found === 'excel') wall = excelSerialToWall(typeof cell === 'number' ? cell : Number(cell.trim().replace(',', '.')));
  else if (found === 'yyyy-mm-dd') wall = wallOf(YMD.exec(String(cell).trim())!, 'ymd');
  else wall = wallOf(DMY.exec(String(cell).trim())!, 'dmy');
  if (wall === null) return null;
  return zonedToInstant(wall, timeZone);
}

/** The format most of the first non-empty cells are in (for the preview's "detected"). */
export function detectDateFormat(cells: (string | number)[]): Exclude<DateFormat, 'auto'> | null {
  const counts = new Map<string, number>();
  for (const c of cells.slice(0, 200)) {
    const f = dateFormatOf(c);
    if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best: Exclude<DateFormat, 'auto'> | null = null;
  for (const [f, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = f as Exclude<DateFormat, 'auto'>;
  return best;
}
