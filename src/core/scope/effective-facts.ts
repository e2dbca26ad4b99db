// Reduces a report's facts to the values a rule is checked against. What the reporter describes in
// words outranks the CVSS vector they attached (slop often claims PR:N while the text says "as
// root"), what it states outranks what it speculates ("could lead to RCE"), and among several
// stated preconditions the most demanding one holds: an attack that needs root needs root. What
// the severity model infers counts only where the report says nothing of the kind at all.

import type { Fact, FactKind } from '../model/fact.js';

const ordinalScales: Partial<Record<FactKind, readonly string[]>> = {
  'attack-vector': ['network', 'adjacent', 'local', 'physical'],
  'privileges-required': ['none', 'low', 'high'],
  'user-interaction': ['none', 'passive', 'active'],
};

/** A fact whose span lies inside a CVSS vector was read off the vector, not the prose. */
function isFromCvssVector(fact: Fact, vectors: readonly Fact[]): boolean {
  if (fact.kind === 'cvss-vector') return false;
  return vectors.some(
    (vector) => fact.span.start >= vector.span.start && fact.span.end <= vector.span.end,
  );
}

export interface EffectiveValue {
  values: string[];
  facts: Fact[];
  /** True when only the reporter's CVSS vector says so. */
  isFromVectorOnly: boolean;
  /** True when only the severity model's inferred facts say so (`origin: 'inferred'`). */
  isInferredOnly: boolean;
}

/** The values of one fact kind that a rule sees; empty values when the report says nothing. */
export function findEffectiveValues(facts: readonly Fact[], kind: FactKind): EffectiveValue {
  const ofKindAll = facts.filter((fact) => fact.kind === kind);
  const read = ofKindAll.filter((fact) => fact.origin !== 'inferred');
  const isInferredOnly = read.length === 0 && ofKindAll.length > 0;
  const ofKind = isInferredOnly ? ofKindAll : read;
  // Vectors are few (usually one); comparing each fact with them alone keeps this linear.
  const vectors = facts.filter((fact) => fact.kind === 'cvss-vector');
  const described = ofKind.filter((fact) => !isFromCvssVector(fact, vectors));
  const stated = described.filter((fact) => fact.isSpeculative !== true);
  const chosen = stated.length > 0 ? stated : described.length > 0 ? described : ofKind;
  const scale = ordinalScales[kind];
  if (!scale || chosen.length === 0) {
    return {
      values: [...new Set(chosen.map((fact) => fact.value))],
      facts: chosen,
      isFromVectorOnly: described.length === 0 && chosen.length > 0,
      isInferredOnly,
    };
  }
  const strictest = chosen.reduce((best, fact) =>
    scale.indexOf(fact.value) > scale.indexOf(best.value) ? fact : best,
  );
  return {
    values: [strictest.value],
    facts: chosen.filter((fact) => fact.value === strictest.value),
    isFromVectorOnly: described.length === 0,
    isInferredOnly,
  };
}
