import type { Grant } from './governance.api';
import { roleOf, type TeamRef } from './rights-model';

/**
 * The rights-flow diagram as geometry: four columns (organization → council → teams → roles), a node
 * per holder and an edge per grant from its granter to its holder. Pure: the page draws what this
 * returns as SVG.
 */
export type NodeKind = 'organization' | 'council' | 'team' | 'role';

export interface FlowNode {
  key: string;
  kind: NodeKind;
  label: string;
  /** The team of a role; the council teams for the council node. */
  sublabel: string;
  /** The team page the node opens, when there is one. */
  teamId: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FlowEdge {
  grant: Grant;
  from: string;
  to: string;
  /** SVG path data from the granter to the holder. */
  path: string;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'middle' | 'end';
  /** The label's two lines (the right, then its cap and state), cut to the room the edge has. */
  labelLines: [string, string];
  /** The box the label takes, for the no-overlap rule. */
  labelBox: Box;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FlowLayout {
  nodes: FlowNode[];
  edges: FlowEdge[];
  columns: { kind: NodeKind; x: number; w: number }[];
  width: number;
  height: number;
}

const COLUMNS: Record<NodeKind, { x: number; w: number; index: number }> = {
  organization: { x: 12, w: 164, index: 0 },
  council: { x: 196, w: 164, index: 1 },
  team: { x: 540, w: 170, index: 2 },
  role: { x: 910, w: 170, index: 3 },
};
const TOP = 44;
const GAP = 18;
const BASE_HEIGHT = 48;
/** Edge ends on a node's left side are labelled just before they arrive: they need room for two lines. */
const IN_SPACING = 30;
const OUT_SPACING = 14;
const ARC = 56;
const WIDTH = COLUMNS.role.x + COLUMNS.role.w + ARC + 24;

export const ORGANIZATION_KEY = 'organization';
export const COUNCIL_KEY = 'council';

const holderKey = (grant: Pick<Grant, 'holderType' | 'holderId'>) => `${grant.holderType}:${grant.holderId}`;

/** The node a grant comes from: the organization, the council, or the holder of the grant above it. */
function sourceKey(grant: Grant, byId: ReadonlyMap<string, Grant>): string {
  if (grant.grantedBy === 'delegation' && grant.parentGrantId) {
    const parent = byId.get(grant.parentGrantId);
    if (parent) return holderKey(parent);
  }
  return grant.grantedBy === 'council' ? COUNCIL_KEY : ORGANIZATION_KEY;
}

interface Port {
  edge: number;
  otherY: number;
}

/**
 * Lays out `grants` (already filtered by the caller). `allGrants` resolves parents that the filter
 * hid; `teams` names the teams and finds the team of each role. The organization and council nodes
 * are always drawn: they are where every right starts.
 */
export function layoutFlow(
  grants: readonly Grant[],
  allGrants: readonly Grant[],
  teams: readonly TeamRef[],
  names: { organization: string; council: string },
  labelOf: (grant: Grant) => [string, string] = (grant) => [grant.rightName, ''],
): FlowLayout {
  const byId = new Map(allGrants.map((g) => [g.id, g] as const));
  const councils = teams.filter((team) => team.kind === 'council');
  const nodes = new Map<string, FlowNode>();
  const add = (node: Omit<FlowNode, 'x' | 'y' | 'w' | 'h'>) => {
    if (!nodes.has(node.key)) nodes.set(node.key, { ...node, x: COLUMNS[node.kind].x, w: COLUMNS[node.kind].w, y: 0, h: BASE_HEIGHT });
  };
  add({ key: ORGANIZATION_KEY, kind: 'organization', label: names.organization, sublabel: '', teamId: null });
  add({
    key: COUNCIL_KEY,
    kind: 'council',
    label: names.council,
    sublabel: councils.map((team) => team.name).join(', '),
    teamId: councils.length === 1 ? (councils[0]?.id ?? null) : null,
  });
  const holderNode = (grant: Grant) => {
    if (grant.holderType === 'team') {
      add({ key: holderKey(grant), kind: 'team', label: grant.holderName, sublabel: '', teamId: grant.holderId });
    } else {
      const role = roleOf(grant);
      add({ key: holderKey(grant), kind: 'role', label: role.roleName, sublabel: role.teamName, teamId: role.teamId });
    }
  };
  for (const grant of grants) {
    const source = sourceKey(grant, byId);
    const parent = grant.parentGrantId ? byId.get(grant.parentGrantId) : undefined;
    if (parent && source === holderKey(parent)) holderNode(parent);
    holderNode(grant);
  }
  const edges = grants.map((grant) => ({ grant, from: sourceKey(grant, byId), to: holderKey(grant) }));

  // Heights: a node grows with the edges on its busier side so their ends do not overlap.
  const count = new Map<string, { left: number; right: number }>();
  const sideOf = (edge: { from: string; to: string }) => sides(nodes.get(edge.from)?.kind, nodes.get(edge.to)?.kind);
  for (const edge of edges) {
    const [out, into] = sideOf(edge);
    bump(count, edge.from, out);
    bump(count, edge.to, into);
  }
  for (const node of nodes.values()) {
    const c = count.get(node.key) ?? { left: 0, right: 0 };
    node.h = Math.max(BASE_HEIGHT, (c.left + 1) * IN_SPACING, (c.right + 1) * OUT_SPACING);
  }

  // Vertical order: teams as their grants come, each team's roles beside it when possible.
  const column = (kind: NodeKind) => [...nodes.values()].filter((node) => node.kind === kind);
  const teamNodes = column('team');
  stack(teamNodes, () => TOP);
  const teamY = new Map(teamNodes.map((node) => [node.teamId, node.y] as const));
  const roleNodes = column('role').sort((a, b) => (teamY.get(a.teamId) ?? Infinity) - (teamY.get(b.teamId) ?? Infinity));
  stack(roleNodes, (node) => teamY.get(node.teamId) ?? TOP);
  const organization = nodes.get(ORGANIZATION_KEY) as FlowNode;
  const council = nodes.get(COUNCIL_KEY) as FlowNode;
  organization.y = TOP;
  // The council sits below the organization's lanes, level with the teams it granted to.
  const councilTargets = edges.filter((e) => e.from === COUNCIL_KEY).map((e) => nodes.get(e.to) as FlowNode);
  const centre = councilTargets.length
    ? (Math.min(...councilTargets.map((n) => n.y)) + Math.max(...councilTargets.map((n) => n.y + n.h))) / 2
    : TOP;
  council.y = Math.max(organization.y + organization.h + GAP * 2, centre - council.h / 2);

  // Ports: the ends on each side of a node, ordered by the other end's height to avoid crossings.
  const ports = new Map<string, Port[]>();
  edges.forEach((edge, index) => {
    const from = nodes.get(edge.from) as FlowNode;
    const to = nodes.get(edge.to) as FlowNode;
    const [out, into] = sideOf(edge);
    push(ports, `${edge.from}|${out}`, { edge: index, otherY: to.y + to.h / 2 });
    push(ports, `${edge.to}|${into}`, { edge: index, otherY: from.y + from.h / 2 });
  });
  const portY = new Map<string, number>();
  for (const [key, list] of ports) {
    const node = nodes.get(key.split('|')[0] as string) as FlowNode;
    list.sort((a, b) => a.otherY - b.otherY || a.edge - b.edge);
    list.forEach((port, i) => {
      portY.set(`${key}|${port.edge}`, node.y + (node.h * (i + 1)) / (list.length + 1));
    });
  }

  const laid: RoutedEdge[] = edges.map((edge, index) => {
    const from = nodes.get(edge.from) as FlowNode;
    const to = nodes.get(edge.to) as FlowNode;
    const [out, into] = sideOf(edge);
    const y1 = portY.get(`${edge.from}|${out}|${index}`) ?? from.y + from.h / 2;
    const y2 = portY.get(`${edge.to}|${into}|${index}`) ?? to.y + to.h / 2;
    return { ...edge, ...route(from, to, y1, y2) };
  });

  const all = [...nodes.values()];
  const labelled = placeLabels(laid, all, labelOf);
  const height = Math.max(...all.map((node) => node.y + node.h), ...labelled.map((e) => e.labelBox.y + e.labelBox.h)) + GAP * 2;
  const columns = (Object.keys(COLUMNS) as NodeKind[]).map((kind) => ({ kind, x: COLUMNS[kind].x, w: COLUMNS[kind].w }));
  return { nodes: all, edges: labelled, columns, width: WIDTH, height };
}

type Side = 'left' | 'right';

/** Which side of the source and of the target an edge uses: forward edges go right → left. */
function sides(fromKind: NodeKind | undefined, toKind: NodeKind | undefined): [Side, Side] {
  const a = COLUMNS[fromKind ?? 'organization'].index;
  const b = COLUMNS[toKind ?? 'team'].index;
  if (b > a) return ['right', 'left'];
  if (b === a) return ['right', 'right'];
  return ['left', 'right'];
}

type Route = Omit<FlowEdge, 'grant' | 'from' | 'to' | 'labelLines' | 'labelBox'> & { labelRoom: number };
type RoutedEdge = Route & Pick<FlowEdge, 'grant' | 'from' | 'to'>;

function route(from: FlowNode, to: FlowNode, y1: number, y2: number): Route {
  const a = COLUMNS[from.kind].index;
  const b = COLUMNS[to.kind].index;
  if (b === a) {
    // Within a column (a team passing a right to another team): an arc out to the right and back.
    const x = from.x + from.w;
    const bulge = x + ARC;
    return {
      path: `M ${x} ${y1} C ${bulge} ${y1}, ${bulge} ${y2}, ${x + 6} ${y2}`,
      labelX: x + ARC * 0.75 + 4,
      labelY: (y1 + y2) / 2,
      labelAnchor: 'start',
      // Up to the next column.
      labelRoom: COLUMNS[kindAt(a + 1)].x - (x + ARC * 0.75 + 4) - 8,
    };
  }
  if (b < a) {
    const x1 = from.x;
    const x2 = to.x + to.w;
    return {
      path: `M ${x1} ${y1} C ${x1 - 70} ${y1}, ${x2 + 70} ${y2}, ${x2 + 6} ${y2}`,
      labelX: (x1 + x2) / 2,
      labelY: (y1 + y2) / 2,
      labelAnchor: 'middle',
      labelRoom: x1 - x2 - 16,
    };
  }
  // Forward. An edge that skips a column runs level past it first (the organization's lanes pass
  // above the council node), then curves into its holder.
  const start = from.x + from.w;
  const laneEnd = b - a > 1 ? COLUMNS[kindAt(b - 1)].x + COLUMNS[kindAt(b - 1)].w + 12 : start;
  const x2 = to.x - 6;
  const mid = (laneEnd + x2) / 2;
  const lane = laneEnd > start ? ` L ${laneEnd} ${y1}` : '';
  // The label sits just before the arrow, on the level stretch where the edge arrives: ends on one
  // node are IN_SPACING apart and nodes are further apart still, so labels never sit on each other.
  return {
    path: `M ${start} ${y1}${lane} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`,
    labelX: x2 - 10,
    labelY: y2,
    labelAnchor: 'end',
    // Back to the column before the holder's.
    labelRoom: x2 - 10 - (COLUMNS[kindAt(b - 1)].x + COLUMNS[kindAt(b - 1)].w + 8),
  };
}

/** Width of a character of the labels (11 px, partly bold), rounded up so estimates err on the wide side. */
const CHAR_WIDTH = 7;
const LABEL_ABOVE = 14;
const LABEL_BELOW = 14;
/** Labels never go above the column headings. */
const LABEL_TOP = 28;

/** Cuts a text to `max` characters, with an ellipsis when cut (the whole text is in the edge's title). */
export function clipText(text: string, max: number): string {
  const limit = Math.max(1, max);
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function labelBox(x: number, y: number, anchor: FlowEdge['labelAnchor'], lines: [string, string]): Box {
  const w = Math.max(lines[0].length, lines[1].length) * CHAR_WIDTH;
  const left = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
  return { x: left, y: y - LABEL_ABOVE, w, h: LABEL_ABOVE + LABEL_BELOW };
}

/**
 * Cuts each label to the room its edge has, then moves it up or down, the least it can, until it
 * overlaps no node and no label placed before it: long names never sit on each other.
 */
function placeLabels(edges: RoutedEdge[], nodes: FlowNode[], labelOf: (grant: Grant) => [string, string]): FlowEdge[] {
  const taken: Box[] = nodes.map(({ x, y, w, h }) => ({ x, y, w, h }));
  return edges.map(({ labelRoom, ...edge }) => {
    const chars = Math.floor(labelRoom / CHAR_WIDTH);
    const [first, second] = labelOf(edge.grant);
    const lines: [string, string] = [clipText(first, chars), second ? clipText(second, chars) : ''];
    let labelY = edge.labelY;
    for (let step = 0; step < 400; step++) {
      const shift = (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * 4;
      const y = Math.max(LABEL_TOP + LABEL_ABOVE, edge.labelY + shift);
      if (!taken.some((box) => overlaps(box, labelBox(edge.labelX, y, edge.labelAnchor, lines)))) {
        labelY = y;
        break;
      }
    }
    const box = labelBox(edge.labelX, labelY, edge.labelAnchor, lines);
    taken.push(box);
    return { ...edge, labelY, labelLines: lines, labelBox: box };
  });
}

function kindAt(index: number): NodeKind {
  return (Object.keys(COLUMNS) as NodeKind[]).find((kind) => COLUMNS[kind].index === index) ?? 'team';
}

function bump(map: Map<string, { left: number; right: number }>, key: string, side: Side) {
  const current = map.get(key) ?? { left: 0, right: 0 };
  current[side] += 1;
  map.set(key, current);
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Places nodes top to bottom, each at its wished height or just below the one before. */
function stack(column: FlowNode[], wish: (node: FlowNode) => number) {
  let bottom = TOP - GAP;
  for (const node of column) {
    node.y = Math.max(bottom + GAP, wish(node));
    bottom = node.y + node.h;
  }
}
