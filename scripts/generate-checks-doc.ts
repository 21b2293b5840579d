import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderCheckCatalogue } from '../checks/catalogue';

const file = resolve(__dirname, '../docs/checks.md');
writeFileSync(file, renderCheckCatalogue());
console.log(`wrote ${file}`);
