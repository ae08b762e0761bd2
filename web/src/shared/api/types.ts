/**
 * Types of what the API answers, inferred from the server's own zod schemas (type-only imports:
 * nothing of the server is bundled), so the web app and the API cannot drift apart.
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

export type Me = z.output<typeof ZMe>;
export type Organization = z.output<typeof ZOrganization>;
export type MyOrganization = z.output<typeof ZMyOrganization>;
export type Team = z.output<typeof ZTeam>;
export type TeamDetail = z.output<typeof ZTeamDetail>;
export type TeamMember = z.output<typeof ZTeamMember>;
export type Membership = z.output<typeof ZMembership>;
export type Client = z.output<typeof ZClient>;
export type Invitation = z.output<typeof ZInvitation>;
export type CreatedInvitation = z.output<typeof ZCreatedInvitation>;
export type Token = z.output<typeof ZToken>;
export type CreatedToken = z.output<typeof ZCreatedToken>;
export type AuditEntry = z.output<typeof ZAuditEntry>;
export type Segment = z.output<typeof ZSegment>;
export type Need = z.output<typeof ZNeed>;
export type Pain = z.output<typeof ZPain>;
export type Gain = z.output<typeof ZGain>;
export type Evidence = z.output<typeof ZEvidence>;
export type ValueItem = z.output<typeof ZValueItem>;
export type Fit = z.output<typeof ZFit>;
export type Canvas = z.output<typeof ZCanvas>;
export type CanvasSummary = z.output<typeof ZCanvasSummary>;
export type CanvasFactor = Canvas['factors'][number];
export type SegmentKind = Segment['kind'];
export type JobKind = Need['jobKind'];
export type PainStatus = Pain['status'];
export type EvidenceKind = Evidence['kind'];
export type EvidenceSubject = Evidence['subjectType'];
export type ValueItemKind = ValueItem['kind'];
export type ErrcAction = CanvasFactor['action'];

export type { Permission, Role, TokenScope } from '../../../../src/core/access/permissions';
export type Locale = 'ru' | 'en';
export type TeamKind = Team['kind'];
export type OrgKind = Organization['kind'];
