import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APIS, registry } from '../apis';
import { renderCheckCatalogue } from '../checks/catalogue';

const file = resolve(__dirname, '../docs/checks.md');
writeFileSync(file, renderCheckCatalogue(APIS, registry));
console.log(`wrote ${file}`);
