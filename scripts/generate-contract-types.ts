import { writeFileSync } from 'node:fs';
import { CONTRACT_TYPE_FILES, renderTypes, typesPath } from '../lib/contract/contractTypeFiles';

for (const { contract, types } of CONTRACT_TYPE_FILES) {
  writeFileSync(typesPath(types), renderTypes(contract));
  console.log(`wrote ${types} from ${contract}`);
}
