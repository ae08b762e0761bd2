/** Staff-app strings of the "Download" menu on tables of figures (en); spread into en.ts. */
export const enDownload = {
  download: {
    button: 'Download',
    label: 'Download {{table}}',
    csv: 'CSV (comma-separated)',
    xlsx: 'Excel (.xlsx)',
    hint: 'In English, with decimal points',
    tables: { feedback: 'feedback figures', proposals: 'proposals', poll: 'poll result' },
  },
};
