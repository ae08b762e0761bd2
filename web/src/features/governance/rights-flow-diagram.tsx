import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrg } from '../../shared/session/org-context';
import { type FlowLayout, type FlowNode, layoutFlow } from './flow-layout';
import { useGovernanceFormat } from './format';
import type { Grant } from './governance.api';
import { grantState, type TeamRef } from './rights-model';

/** Mantine colours, one per right in the order of the rights list: an edge's colour says which right it is. */
const PALETTE = ['blue', 'teal', 'grape', 'orange', 'cyan', 'pink', 'indigo', 'lime', 'red', 'yellow'];

export function rightColor(index: number): string {
  return `var(--mantine-color-${PALETTE[index % PALETTE.length]}-6)`;
}

const NODE_STYLE: Record<FlowNode['kind'], { fill: string; stroke: string }> = {
  organization: { fill: 'var(--mantine-color-dark-6)', stroke: 'var(--mantine-color-dark-6)' },
  council: { fill: 'var(--mantine-color-grape-0)', stroke: 'var(--mantine-color-grape-5)' },
  team: { fill: 'var(--mantine-color-blue-0)', stroke: 'var(--mantine-color-blue-5)' },
  role: { fill: 'var(--mantine-color-white)', stroke: 'var(--mantine-color-gray-5)' },
};

/** Cuts a name to what fits in a node or a label; the whole name is in the element's title. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

interface RightsFlowDiagramProps {
  grants: readonly Grant[];
  allGrants: readonly Grant[];
  teams: readonly TeamRef[];
  /** Colour index of each right id. */
  rightIndex: ReadonlyMap<string, number>;
}

/**
 * How rights flow, drawn as SVG: organization → council → teams → roles, one edge per grant from its
 * granter to its holder, labelled with the right and its cap; revoked grants faded and dashed.
 */
export function RightsFlowDiagram({ grants, allGrants, teams, rightIndex }: RightsFlowDiagramProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useGovernanceFormat();
  // The second line of an edge's label: the cap, and the state when the grant is not active.
  const capLine = (grant: Grant) => {
    const state = grantState(grant);
    return state === 'active' ? format.shortCap(grant.limits) : `${format.shortCap(grant.limits)} · ${t(`governance.states.${state}`)}`;
  };
  // The layout cuts the labels to the room of their edges and keeps them off each other and the nodes.
  const layout: FlowLayout = layoutFlow(
    grants,
    allGrants,
    teams,
    { organization: org.name, council: t('governance.flow.council') },
    (grant) => [grant.rightName, capLine(grant)],
  );
  const colors = [...new Set([...rightIndex.values()])];

  return (
    <Box style={{ overflowX: 'auto' }} data-testid="rights-flow">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        style={{ minWidth: 880, maxWidth: layout.width, display: 'block', fontFamily: 'var(--mantine-font-family)' }}
        aria-labelledby="rights-flow-title"
      >
        <title id="rights-flow-title">{t('governance.flow.diagramTitle')}</title>
        <defs>
          {colors.map((index) => (
            <marker
              key={index}
              id={`flow-arrow-${index}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill={rightColor(index)} />
            </marker>
          ))}
        </defs>
        {layout.columns.map((column) => (
          <text
            key={column.kind}
            x={column.x + column.w / 2}
            y={20}
            textAnchor="middle"
            fontSize={12}
            fontWeight={700}
            fill="var(--mantine-color-dimmed)"
          >
            {t(`governance.flow.columns.${column.kind}`).toUpperCase()}
          </text>
        ))}
        {layout.edges.map((edge) => {
          const index = rightIndex.get(edge.grant.rightId) ?? 0;
          const state = grantState(edge.grant);
          const isActive = state === 'active';
          return (
            <g
              key={edge.grant.id}
              data-testid="grant-edge"
              data-active={String(edge.grant.active)}
              data-state={state}
              data-right={edge.grant.rightName}
              data-holder={edge.grant.holderName}
              opacity={isActive ? 1 : 0.4}
            >
              <title>
                {`${edge.grant.rightName}: ${edge.grant.holderName}, ${format.cap(edge.grant.limits)}${edge.grant.limits.scope ? ` (${edge.grant.limits.scope})` : ''}${isActive ? '' : ` — ${t(`governance.states.${state}`)}`}`}
              </title>
              <path
                d={edge.path}
                fill="none"
                stroke={rightColor(index)}
                strokeWidth={isActive ? 2 : 1.5}
                strokeDasharray={isActive ? undefined : '6 4'}
                markerEnd={`url(#flow-arrow-${index})`}
              />
              <text
                x={edge.labelX}
                y={edge.labelY - 3}
                textAnchor={edge.labelAnchor}
                fontSize={11}
                fontWeight={600}
                fill={rightColor(index)}
                stroke="var(--mantine-color-white)"
                strokeWidth={4}
                paintOrder="stroke"
                textDecoration={state === 'revoked' ? 'line-through' : undefined}
              >
                {edge.labelLines[0]}
              </text>
              <text
                x={edge.labelX}
                y={edge.labelY + 10}
                textAnchor={edge.labelAnchor}
                fontSize={10.5}
                fill="var(--mantine-color-gray-7)"
                stroke="var(--mantine-color-white)"
                strokeWidth={4}
                paintOrder="stroke"
              >
                {edge.labelLines[1]}
              </text>
            </g>
          );
        })}
        {layout.nodes.map((node) => (
          <NodeBox key={node.key} node={node} href={node.teamId ? `/o/${org.slug}/teams/${node.teamId}?tab=rights` : null} />
        ))}
      </svg>
    </Box>
  );
}

function NodeBox({ node, href }: { node: FlowNode; href: string | null }) {
  const style = NODE_STYLE[node.kind];
  const isDark = node.kind === 'organization';
  const centre = node.y + node.h / 2;
  const hasSub = node.sublabel !== '' && node.sublabel !== node.label;
  const fullName = hasSub ? `${node.label} — ${node.sublabel}` : node.label;
  const body = (
    <g data-testid="flow-node" data-kind={node.kind} data-name={node.label}>
      {href ? null : <title>{fullName}</title>}
      <rect x={node.x} y={node.y} width={node.w} height={node.h} rx={8} fill={style.fill} stroke={style.stroke} strokeWidth={1.5} />
      <text
        x={node.x + 10}
        y={hasSub ? centre - 2 : centre + 4}
        fontSize={12}
        fontWeight={600}
        fill={isDark ? 'var(--mantine-color-white)' : 'var(--mantine-color-dark-7)'}
      >
        {clip(node.label, Math.floor((node.w - 16) / 7.2))}
      </text>
      {hasSub ? (
        <text x={node.x + 10} y={centre + 13} fontSize={10.5} fill="var(--mantine-color-gray-6)">
          {clip(node.sublabel, Math.floor((node.w - 16) / 5.8))}
        </text>
      ) : null}
    </g>
  );
  return href ? (
    // Named by its title (the labels on the box may be clipped), not by aria-label: no name that hides what is shown.
    <Link to={href}>
      <title>{fullName}</title>
      {body}
    </Link>
  ) : (
    body
  );
}
