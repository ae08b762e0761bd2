/** axe-core in a Playwright page: the WCAG 2.1 A/AA rules and best practices, serious and critical findings only. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './browser.js';
import { REPO_ROOT } from './server.js';

const AXE_PATH = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

export interface AxeFinding {
  /** Where it was found: a label given by the caller, e.g. `staff ru /promises`. */
  page: string;
  id: string;
  impact: string;
  help: string;
  /** The CSS selector of each element that fails. */
  targets: string[];
  /** axe's own explanation of the first failing element (contrast ratios and the like). */
  summary: string;
  /** The same for every failing element, with its HTML. */
  details: string[];
}

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; html: string; failureSummary?: string }[];
  }[];
}

/**
 * Runs axe on the page as it is now and returns the serious and critical violations. The page's context must be created
 * with `bypassCSP: true`: the app's CSP is `script-src 'self'`, and axe is injected as a script.
 */
export async function auditPage(page: Page, label: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: label,
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      details: v.nodes.map((n) => `${n.html.slice(0, 160)} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
    }));
}

/** One line per violation, for a failing assertion: page, id, impact, how many elements and which. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `${f.page}: ${f.id} (${f.impact}, ${f.targets.length}×) ${f.targets.slice(0, 5).join(' | ')} — ${f.summary.slice(0, 200)}`)
    .join('\n');
}

/** With AXE_REPORT=<file name>, writes every finding with its details to e2e/artifacts/<file name>, for fixing them. */
export function saveFindings(findings: AxeFinding[], name: string): void {
  if (!process.env.AXE_REPORT) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `${process.env.AXE_REPORT}-${name}.json`), JSON.stringify(findings, null, 2));
}
