// `npm run docs:api`: rewrites docs/openapi.json and docs/api.md from the routes' descriptions.
import { writeFileSync } from 'node:fs';
import { apiReferenceFiles } from './api-reference';

for (const file of apiReferenceFiles()) {
  writeFileSync(file.path, file.text);
  console.info(`${file.path}: written.`);
}
