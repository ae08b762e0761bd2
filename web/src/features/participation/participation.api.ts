import type { z } from 'zod';
import type {
  ZCreateProject,
  ZCreateRound,
  ZProject,
  ZRound,
  ZRoundResult,
  ZRoundSummary,
  ZUpdateProject,
  ZUpdateRound,
} from '../../../../src/modules/participation/participation.schema';
import { api, orgPath } from '../../shared/api/client';

export type RoundSummary = z.input<typeof ZRoundSummary>;
export type Round = z.input<typeof ZRound>;
export type RoundProject = z.input<typeof ZProject>;
export type RoundResult = z.input<typeof ZRoundResult>;
export type RoundInput = z.input<typeof ZCreateRound>;
export type RoundUpdate = z.input<typeof ZUpdateRound>;
export type ProjectInput = z.input<typeof ZCreateProject>;
export type ProjectUpdate = z.input<typeof ZUpdateProject>;
export type RoundMethod = Round['method'];
export type ProjectKind = RoundProject['kind'];

/** The lists the server validates against, in the order the forms show them. */
export const ROUND_METHODS: readonly RoundMethod[] = ['mes', 'greedy'];
export const PROJECT_KINDS: readonly ProjectKind[] = ['project', 'experiment'];

const rounds = (org: string, ...parts: string[]) => orgPath(org, 'participation-rounds', ...parts);
const projects = (org: string, ...parts: string[]) => orgPath(org, 'participation-projects', ...parts);

export const participationApi = {
  list: (org: string) => api.getAll<RoundSummary>(rounds(org)),
  get: (org: string, id: string) => api.get<Round>(rounds(org, id)),
  create: (org: string, input: RoundInput) => api.post<Round>(rounds(org), input),
  update: (org: string, id: string, input: RoundUpdate) => api.patch<Round>(rounds(org, id), input),
  open: (org: string, id: string) => api.post<Round>(rounds(org, id, 'open')),
  result: (org: string, id: string) => api.get<RoundResult>(rounds(org, id, 'result')),
  allocate: (org: string, id: string) => api.post<RoundResult>(rounds(org, id, 'allocate')),
  addProject: (org: string, id: string, input: ProjectInput) => api.post<RoundProject>(rounds(org, id, 'projects'), input),
  updateProject: (org: string, id: string, input: ProjectUpdate) => api.patch<RoundProject>(projects(org, id), input),
  removeProject: (org: string, id: string) => api.delete(projects(org, id)),
  setProjectStatus: (org: string, id: string, status: 'in_progress' | 'done') =>
    api.put<RoundProject>(projects(org, id, 'status'), { status }),
};
