import { createContext, useContext } from 'react';
import type { Gain, Need, Pain, ValueItem, ValueItemKind } from '../../shared/api/types';
import type { ProfileKind, Workspace } from './discovery.api';
import type { Focus } from './workspace-model';

/** Something of the workspace to add, edit, delete or show evidence of. */
export type WorkspaceTarget =
  | { kind: 'need'; item?: Need }
  | { kind: 'pain'; item?: Pain }
  | { kind: 'gain'; item?: Gain }
  | { kind: ValueItemKind; item?: ValueItem };

/** What the evidence drawer shows evidence of: a profile item, or the segment's context (by the segment's id, named by its text). */
export type EvidenceSubjectTarget =
  | { kind: ProfileKind; item: Need | Pain | Gain }
  | { kind: 'context'; item: { id: string; text: string } };

export interface WorkspaceValue {
  data: Workspace;
  canWrite: boolean;
  /** The item under the pointer: it and its links are highlighted. */
  focus: Focus;
  setFocus: (focus: Focus) => void;
  highlighted: Set<string>;
  /** The reliever or creator whose links are being made by clicking pains or gains. */
  linking: ValueItem | null;
  setLinkingId: (id: string | null) => void;
  toggleLink: (targetId: string) => void;
  openForm: (target: WorkspaceTarget) => void;
  openEvidence: (subject: EvidenceSubjectTarget) => void;
  askDelete: (target: WorkspaceTarget) => void;
  /** Opens the new-promise form for this pain (step 4); absent when the person may not make promises. */
  answerWithPromise?: (pain: Pain) => void;
}

export const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside a segment workspace');
  return value;
}

/** True for the customer-profile kinds (need, pain, gain), false for the value-map kinds. */
export function isProfileKind(kind: WorkspaceTarget['kind']): kind is ProfileKind {
  return kind === 'need' || kind === 'pain' || kind === 'gain';
}
