// `npm run inbox:evaluate -- labeled.csv [export.csv]`: the classifier's precision, recall and macro-F1 on a labeled file.
import { evaluateLabeledFile } from '@/modules/inbox-audit/classifier/evaluate-file';

const [labeledPath, exportPath] = process.argv.slice(2);
if (!labeledPath) {
  console.error('usage: npm run inbox:evaluate -- labeled.csv [export.csv]');
  process.exit(2);
}
evaluateLabeledFile(labeledPath, exportPath).then(
  (table) => console.info(table),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
