// Regenerates src/replay/fixtures/shift.json: `npx tsx scripts/generate-shift.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateShift } from '../src/replay/shift-generator';

const target = fileURLToPath(new URL('../src/replay/fixtures/shift.json', import.meta.url));
const recording = generateShift();
writeFileSync(target, `${JSON.stringify(recording, null, 2)}\n`);
console.log(`wrote ${recording.events.length} events to ${target}`);
