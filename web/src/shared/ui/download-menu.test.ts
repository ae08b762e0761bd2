import { describe, expect, it } from 'vitest';
import { downloadUrl } from './download-menu';

describe('downloadUrl', () => {
  it('asks for the format in the app’s language with the screen’s filters, leaving empty ones out', () => {
    expect(downloadUrl('/api/v1/orgs/stroydom/promises/export', 'xlsx', 'ru', { status: 'published', kind: undefined })).toBe(
      '/api/v1/orgs/stroydom/promises/export?format=xlsx&lang=ru&status=published',
    );
    expect(downloadUrl('/api/v1/orgs/care/proposals/export', 'csv', 'en-GB', { q: '' })).toBe(
      '/api/v1/orgs/care/proposals/export?format=csv&lang=en',
    );
  });
});
