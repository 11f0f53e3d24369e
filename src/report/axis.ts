/**
 * The study's comparison axis (`comparison.axis` of werkscan.yaml): the groups the line comparison and the
 * per-group columns of deelvragen.md show, and how a report names a group (label and noun from the schema,
 * else the value itself). Without a declared axis there are no groups.
 */
import { compareGroups, type GroupComparison } from '../core/count/compare.js';
import type { AttributeValue, Project, ProjectSettings } from '../core/model.js';
import type { CountOptions } from '../core/count/select.js';

/** The groups of the declared axis side by side, in cases; none without an axis. */
export function axisComparison(project: Project, options: CountOptions): GroupComparison {
  const axis = project.settings.comparison?.axis;
  if (axis === undefined) return { attribute: '', unit: 'case', groups: [], rows: [] };
  return compareGroups(project, axis, 'case', options, undefined, project.settings.comparison?.population);
}

/** The schema's entry for a value of the axis (cases first, then documents). */
function declared(settings: ProjectSettings, value: string): AttributeValue | undefined {
  const axis = settings.comparison?.axis;
  if (axis === undefined) return undefined;
  const { cases, documents } = settings.attributes;
  return (cases[axis]?.values ?? []).find((v) => v.value === value) ?? (documents[axis]?.values ?? []).find((v) => v.value === value);
}

/** The filter that makes a group's population: the axis value and what `comparison.population` adds. */
export function groupFilter(settings: ProjectSettings, value: string): Record<string, string> {
  const axis = settings.comparison?.axis;
  if (axis === undefined) return {};
  const population = settings.comparison?.population ?? {};
  return { ...(Object.hasOwn(population, value) ? population[value] : {}), [axis]: value };
}

/** How a column header names a group: its label, else the value. */
export const groupLabel = (settings: ProjectSettings, value: string) => declared(settings, value)?.label ?? value;

/** How a sentence names the cases of a group ("3 van 8 …"): its noun, else the value. */
export const groupNoun = (settings: ProjectSettings, value: string) => declared(settings, value)?.noun ?? value;
