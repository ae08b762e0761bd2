/**
 * URLs of before a rename keep answering: a request to one is routed as if made to its new URL,
 * before Fastify picks a route. The OpenAPI document, the route registry and the sweeps know only
 * the new URLs, so nothing is served twice under two names.
 */

/** A path a module answered at before a rename; `from` is anchored at the path's start and its groups fill `to`. */
export interface FormerUrl {
  from: RegExp;
  to: string;
}

/** The URL to route `url` to: rewritten by the first former URL its path matches (the query kept), else `url` itself. */
export function rewriteFormerUrl(rules: readonly FormerUrl[], url: string): string {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  for (const rule of rules) {
    if (rule.from.test(path)) return path.replace(rule.from, rule.to) + (query === -1 ? '' : url.slice(query));
  }
  return url;
}
