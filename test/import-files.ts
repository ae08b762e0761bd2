/** Spreadsheet files as real organizations export them, for the event import tests (API, CLI, browser). */

/** Windows-1251 bytes of a text in Russian and ASCII. */
export function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (c === 'Ё') return 0xa8;
      if (c === 'ё') return 0xb8;
      throw new Error(`not in Windows-1251: ${c}`);
    }),
  );
}

/** A day `days` before `now` (UTC) as dd.mm.yyyy, with its year, month and day. */
export function dayAgo(days: number, now = Date.now()): { dmy: string; y: number; m: number; d: number } {
  const t = new Date(now - days * 86_400_000);
  const [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  return { dmy: `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`, y, m, d };
}

/** The Excel serial of a wall-clock time (days since 1899-12-30). */
export function excelSerial(y: number, m: number, d: number, h: number, mi: number): number {
  return (Date.UTC(y, m - 1, d, h, mi) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
