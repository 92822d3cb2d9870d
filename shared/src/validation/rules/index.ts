import type { Rule } from '../rule.js';
import { cardinality } from './cardinality.js';
import { jsonArray } from './json-array.js';
import { jsonCompanion } from './json-companion.js';
import { jsonEmpty } from './json-empty.js';
import { jsonNull } from './json-null.js';
import { jsonType } from './json-type.js';
import { primitiveFormat } from './primitive-format.js';
import { resourceType } from './resource-type.js';
import { unknownProperty } from './unknown-property.js';
import { internalRuleError } from './internal-rule-error.js';
import { invariant } from './invariant.js';
import { jsonDuplicateKey } from './json-duplicate-key.js';
import { jsonSyntax } from './json-syntax.js';
import { xmlNotSupported } from './xml-not-supported.js';

/** The one list of rules (STYLE.md 2): a new rule is one file plus one line here. */
export const rules: readonly Rule[] = [
  jsonSyntax,
  jsonDuplicateKey,
  internalRuleError,
  xmlNotSupported,
  invariant,
  resourceType,
  unknownProperty,
  jsonNull,
  jsonEmpty,
  jsonArray,
  jsonType,
  jsonCompanion,
  cardinality,
  primitiveFormat,
];
