import { describe, expect, it } from 'vitest';
import { majorToMinor, parseLedgerCsv } from '../../../../src/core/economics/ledger-csv';
import { i18n } from '../../shared/i18n';
import { ledgerImportExample } from './ledger-import-example';

describe('the example of the ledger import dialog', () => {
  it('is in the organization’s language and number format', () => {
    const ru = ledgerImportExample(i18n.getFixedT('ru'), 'ru');
    const en = ledgerImportExample(i18n.getFixedT('en'), 'en');
    expect(ru.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'команда,вид,сумма,комментарий\nПродажи,выручка,"1 500 000,00",Договоры месяца\n,накладные,"350 000,00",Аренда офиса',
    );
    expect(en).toBe('team,kind,amount,note\nSales,revenue,"1,500,000.00",Contracts of the month\n,overhead,"350,000.00",Office rent');
  });

  it('is read back by the import exactly as shown, in both languages', () => {
    for (const locale of ['ru', 'en'] as const) {
      const rows = parseLedgerCsv(ledgerImportExample(i18n.getFixedT(locale), locale));
      expect(
        rows.map(({ kind, amountMinor }) => ({ kind, amountMinor })),
        locale,
      ).toEqual([
        { kind: 'revenue', amountMinor: 150_000_000 },
        { kind: 'overhead', amountMinor: 35_000_000 },
      ]);
      expect(rows[0]?.team).toBe(locale === 'ru' ? 'Продажи' : 'Sales');
    }
  });

  it('amounts: a space, a comma or a point groups thousands; with both marks the last one is the decimal mark', () => {
    expect(['1 500,50', '1500.50', '1,500.50', '1.500,50', '1\u202f500,50', '-2,5', '12'].map(majorToMinor)).toEqual([
      150050, 150050, 150050, 150050, 150050, -250, 1200,
    ]);
    expect(['1,500,000.001', 'abc', '1.2.3', ''].map(majorToMinor)).toEqual([null, null, null, null]);
  });
});
