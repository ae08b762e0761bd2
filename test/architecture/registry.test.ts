/**
 * One manifest per module, one registry: every folder under src/modules is a module whose manifest
 * is listed in src/modules/registry.ts under its folder's name; every route registrar, CLI command
 * list and permission a module defines is reachable from its manifest, so nothing a module adds can
 * be left out of the server, the CLI, the permission table or the export by forgetting a central list.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSeedersOf } from '../../src/modules/demo/demo.service.js';
import type { ModuleManifest } from '../../src/modules/module.js';
import { PERMISSIONS, ROLE_PERMISSIONS } from '../../src/modules/permissions.js';
import { MODULES } from '../../src/modules/registry.js';

const MODULES_DIR = path.resolve(import.meta.dirname, '../../src/modules');
const modules: readonly ModuleManifest[] = MODULES;
const folders = readdirSync(MODULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The module's files whose names end with `suffix`, e.g. `.routes.ts`. */
const filesOf = (folder: string, suffix: string) =>
  readdirSync(path.join(MODULES_DIR, folder)).filter((name) => name.endsWith(suffix) && !name.endsWith('.test.ts'));

describe('the module registry', () => {
  it('lists every module folder once, under its name, with its manifest file', () => {
    expect(modules.map((m) => m.name).sort()).toEqual(folders);
    expect(new Set(modules.map((m) => m.name)).size).toBe(modules.length);
    for (const folder of folders) expect(filesOf(folder, '.module.ts'), folder).toEqual([`${folder}.module.ts`]);
  });

  it('reaches every route registrar a module exports', async () => {
    const listed = new Set(modules.flatMap((m) => m.routes ?? []));
    const missing: string[] = [];
    for (const folder of folders) {
      for (const file of filesOf(folder, '.routes.ts')) {
        const exported = (await import(path.join(MODULES_DIR, folder, file))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exported))
          if (/^register\w*Routes$/.test(name) && typeof value === 'function' && !listed.has(value as never) && folder !== 'portal')
            missing.push(`${folder}/${file}#${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reaches every CLI command a module exports', async () => {
    const listed = new Set(modules.flatMap((m) => m.cli ?? []));
    const missing: string[] = [];
    for (const folder of folders) {
      for (const file of filesOf(folder, '.cli.ts')) {
        const exported = (await import(path.join(MODULES_DIR, folder, file))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exported))
          if (name.endsWith('_COMMANDS') && Array.isArray(value))
            for (const command of value) if (!listed.has(command)) missing.push(`${folder}/${file}#${name}: ${command.name}`);
      }
    }
    expect(missing).toEqual([]);
    const names = modules.flatMap((m) => (m.cli ?? []).map((c) => c.name));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('reaches every domain-event subscription a module declares', async () => {
    const listed = new Set(modules.flatMap((m) => m.subscriptions ?? []));
    const missing: string[] = [];
    for (const folder of folders) {
      for (const file of filesOf(folder, '.subscriptions.ts')) {
        const exported = (await import(path.join(MODULES_DIR, folder, file))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exported))
          if (name.endsWith('_SUBSCRIPTIONS') && Array.isArray(value))
            for (const entry of value) if (!listed.has(entry)) missing.push(`${folder}/${file}#${name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(listed.size).toBeGreaterThan(0);
  });

  it('has the permission table the manifests declare, in their order, with the roles they name', () => {
    const declared = modules.flatMap((m) => Object.entries(m.permissions ?? {}));
    expect(PERMISSIONS).toEqual(declared.map(([name]) => name));
    for (const [name, roles] of declared)
      for (const role of ['admin', 'council', 'member', 'viewer'] as const)
        expect(ROLE_PERMISSIONS[role].includes(name as never), `${role} ${name}`).toBe(role === 'admin' || roles.includes(role));
  });

  it('declares the demo in the order the demo describes it', () => {
    expect(demoSeedersOf(modules).map((d) => d.label)).toEqual([
      'discovery',
      'governance',
      'agreements and decisions',
      'promises',
      'canvas factors measured by promises',
      'economics',
      'budgeted bonus',
      'client voice',
      'proposals',
      'client polls',
      'participatory reserve',
      'feedback',
    ]);
  });
});
