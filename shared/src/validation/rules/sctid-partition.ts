/**
 * sctid-partition: Coding.code holds a concept id (partition 00/10); the coding-sctdescid extension holds a description id (01/11).
 * Source: https://docs.snomed.org/snomed-ct-specifications/snomed-ct-release-file-specification/snomed-ct-identifiers/6.5-partition-identifier
 */
import { sctidHooks } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const sctidPartition = defineRule({
  id: 'sctid-partition',
  severity: 'error',
  description:
    'Coding.code holds a concept id (partition 00/10); the coding-sctdescid extension holds a description id (01/11).',
  elements: sctidHooks('sctid-partition'),
});
