import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../../src/core/access/permissions';
import { ERROR_CODES, FIELD_ERROR_CODES } from '../../../../src/core/errors';
import { PERMISSIONS, TOKEN_SCOPES } from '../../../../src/modules/permissions';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, actionKey } from '../../features/audit/audit.api';
import { en } from './en';
import { ru } from './ru';

type Tree = { [key: string]: string | Tree };

/** Every leaf key of a dictionary, dotted: `teams.create`. */
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`)));
}

function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  // A plural key (`key_one` … `key_other`, chosen by i18next from `count`) is there when its forms are.
  return (typeof node === 'string' && node.length > 0) || (!key.endsWith('_other') && has(tree, `${key}_other`));
}

const WEB_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Keys written literally as `t('a.b')`, `i18n.t("a.b")` or `tk('a.b')` anywhere in web/src. */
function usedKeys(): { key: string; file: string }[] {
  const pattern = /\b(?:t|tk)\(\s*(['"])([A-Za-z0-9_.-]+)\1/g;
  return sourceFiles(WEB_SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(pattern)].map((match) => ({ key: match[2] as string, file: path.relative(WEB_SRC, file) }));
  });
}

const dictionaries = { en: en as unknown as Tree, ru: ru as unknown as Tree };

describe('translations', () => {
  it('Russian and English have exactly the same keys', () => {
    const enKeys = keysOf(dictionaries.en).sort();
    const ruKeys = keysOf(dictionaries.ru).sort();
    expect(
      ruKeys.filter((key) => !enKeys.includes(key)),
      'in ru.ts but not in en.ts',
    ).toEqual([]);
    expect(
      enKeys.filter((key) => !ruKeys.includes(key)),
      'in en.ts but not in ru.ts',
    ).toEqual([]);
  });

  it('no translation is empty', () => {
    for (const [locale, tree] of Object.entries(dictionaries)) {
      const empty = keysOf(tree).filter((key) => !has(tree, key));
      expect(empty, `empty strings in ${locale}`).toEqual([]);
    }
  });

  it('the scan finds the keys the source uses', () => {
    expect(usedKeys().length).toBeGreaterThan(100);
  });

  it('every key used in web/src exists in both languages', () => {
    const missing = usedKeys().flatMap(({ key, file }) =>
      Object.entries(dictionaries)
        .filter(([, tree]) => !has(tree, key))
        .map(([locale]) => `${locale}: ${key} (${file})`),
    );
    expect(missing).toEqual([]);
  });

  it('keys built at run time exist: roles, error codes, scopes, audit actions and entities', () => {
    const dynamic = [
      ...ROLES.flatMap((role) => [`roles.${role}`, `roleHints.${role}`]),
      ...Object.keys(ERROR_CODES).map((code) => `errors.codes.${code}`),
      // Every field-error code the server sends is shown translated (a plural code by its forms).
      ...FIELD_ERROR_CODES.map((code) => `errors.${code}`),
      'errors.codes.network',
      ...TOKEN_SCOPES.map((scope) => `scopes.${scope.replace(':', '_')}`),
      ...AUDIT_ACTIONS.map(actionKey),
      ...AUDIT_ENTITY_TYPES.map((type) => `audit.entities.${type}`),
      ...['user', 'token', 'client', 'system'].map((type) => `audit.actorTypes.${type}`),
      ...['pending', 'used', 'expired', 'revoked'].map((status) => `invitations.status.${status}`),
      ...['autonomous', 'council'].map((kind) => `teamKinds.${kind}`),
      ...['business', 'government'].map((kind) => `orgKinds.${kind}`),
    ];
    expect(PERMISSIONS.length + 1).toBe(TOKEN_SCOPES.length);
    for (const [locale, tree] of Object.entries(dictionaries)) {
      expect(
        dynamic.filter((key) => !has(tree, key)),
        `missing in ${locale}`,
      ).toEqual([]);
    }
  });

  it('the audit filter knows every action and entity the server writes', () => {
    const server = path.resolve(WEB_SRC, '../../src');
    const written = sourceFiles(server).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      // `action: 'a.b'`, either side of `action: cond ? 'a.b' : 'c.d'`, and helpers called as `audit(tx, ctx, 'a.b', …)`.
      const literals = [...text.matchAll(/action: (?:[^,\n]*\? )?'([a-z_]+)\.([a-z_]+)'(?: : '([a-z_]+)\.([a-z_]+)')?/g)];
      const helpers = [...text.matchAll(/audit\(tx, ctx, '([a-z_]+\.[a-z_]+)', '([a-z_]+)'/g)];
      return [
        ...literals.flatMap((m) => [
          { action: `${m[1]}.${m[2]}`, entity: m[1] as string },
          ...(m[3] ? [{ action: `${m[3]}.${m[4]}`, entity: m[3] }] : []),
        ]),
        ...helpers.map((m) => ({ action: m[1] as string, entity: m[2] as string })),
      ];
    });
    expect(written.length).toBeGreaterThan(40);
    expect([...new Set(written.map((w) => w.action))].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
    expect([...new Set(written.map((w) => w.entity))].filter((e) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(e))).toEqual([]);
  });
});
