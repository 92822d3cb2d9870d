// The floor for `pnpm bench`: a Node process that only reads and JSON.parses the file.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) process.exit(2);
JSON.parse(readFileSync(file, 'utf8'));
