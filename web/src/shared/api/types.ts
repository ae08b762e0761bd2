/**
 * Types of what the API answers, inferred from the server's own zod schemas (type-only imports:
 * nothing of the server is bundled), so the web app and the API cannot drift apart. The wire side
 * of each schema (`z.input`): an instant is the ISO 8601 string the API writes, not the epoch
 * milliseconds the server computes with (`z.output`).
 */
import type { z } from 'zod';
import type { ZAuditEntry } from '../../../../src/modules/audit/audit.schema';
import type { ZMe } from '../../../../src/modules/auth/auth.schema';
import type { ZClient, ZCreatedInvitation, ZInvitation } from '../../../../src/modules/clients/client.schema';
import type { ZCanvas, ZCanvasSummary } from '../../../../src/modules/discovery/canvas.schema';
import type { ZEvidence, ZGain, ZNeed, ZPain, ZSegment } from '../../../../src/modules/discovery/discovery.schema';
import type { ZFit, ZValueItem } from '../../../../src/modules/discovery/value.schema';
import type { ZMembership } from '../../../../src/modules/memberships/membership.schema';
import type { ZMyOrganization, ZOrganization } from '../../../../src/modules/orgs/org.schema';
import type { ZTeam, ZTeamDetail, ZTeamMember } from '../../../../src/modules/teams/team.schema';
import type { ZCreatedToken, ZToken } from '../../../../src/modules/tokens/token.schema';

export type Me = z.input<typeof ZMe>;
export type Organization = z.input<typeof ZOrganization>;
export type MyOrganization = z.input<typeof ZMyOrganization>;
export type Team = z.input<typeof ZTeam>;
export type TeamDetail = z.input<typeof ZTeamDetail>;
export type TeamMember = z.input<typeof ZTeamMember>;
export type Membership = z.input<typeof ZMembership>;
export type Client = z.input<typeof ZClient>;
export type Invitation = z.input<typeof ZInvitation>;
export type CreatedInvitation = z.input<typeof ZCreatedInvitation>;
export type Token = z.input<typeof ZToken>;
export type CreatedToken = z.input<typeof ZCreatedToken>;
export type AuditEntry = z.input<typeof ZAuditEntry>;
export type Segment = z.input<typeof ZSegment>;
export type Need = z.input<typeof ZNeed>;
export type Pain = z.input<typeof ZPain>;
export type Gain = z.input<typeof ZGain>;
export type Evidence = z.input<typeof ZEvidence>;
export type ValueItem = z.input<typeof ZValueItem>;
export type Fit = z.input<typeof ZFit>;
export type Canvas = z.input<typeof ZCanvas>;
export type CanvasSummary = z.input<typeof ZCanvasSummary>;
export type CanvasFactor = Canvas['factors'][number];
export type SegmentKind = Segment['kind'];
export type JobKind = Need['jobKind'];
export type PainStatus = Pain['status'];
export type EvidenceKind = Evidence['kind'];
export type EvidenceSubject = Evidence['subjectType'];
export type ValueItemKind = ValueItem['kind'];
export type ErrcAction = CanvasFactor['action'];

export type { Role } from '../../../../src/core/access/permissions';
export type { Permission, TokenScope } from '../../../../src/modules/permissions';
export type Locale = 'ru' | 'en';
export type TeamKind = Team['kind'];
export type OrgKind = Organization['kind'];
