import type { ReactNode } from 'react';
import type { Permission } from './api/types';

/** A page of a feature: its path (relative to where the feature's pages hang) and what it shows. */
export interface FeaturePage {
  path: string;
  element: ReactNode;
}

/** An entry of an organization's side menu. */
export interface FeatureNavEntry {
  /** Relative to `/o/{org}/`. */
  path: string;
  /** The dictionary key of its label (`tk(...)`). */
  label: string;
  icon: ReactNode;
  /** The permission needed to see the entry at all. */
  permission: Permission;
  /** Its place in the menu, lowest first: the menu reads as the work flows, not as features were added. */
  order: number;
}

/**
 * What a feature of the staff app brings: its pages and its menu entries. `web/src/features/registry.ts`
 * lists every feature once, and the router and the side menu read that list, so a new feature is one
 * folder and one line there.
 */
export interface WebFeature {
  name: string;
  /** Pages anyone may open (sign-in, setup). */
  publicPages?: FeaturePage[];
  /** Pages of the signed-in person outside any organization (their security). */
  accountPages?: FeaturePage[];
  /** Pages of an organization, under `/o/{org}/`. */
  orgPages?: FeaturePage[];
  nav?: FeatureNavEntry[];
}
