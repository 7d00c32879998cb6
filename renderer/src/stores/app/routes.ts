export const routeIds = [
  'prompts',
  'datasets',
  'runs',
  'review',
  'compare',
  'production',
  'scorecard',
  'settings',
] as const
export type RouteId = (typeof routeIds)[number]

export function isRouteId(value: unknown): value is RouteId {
  return typeof value === 'string' && (routeIds as readonly string[]).includes(value)
}
