import { ok } from '@/platform/http/envelope';
import { route } from '@/platform/http/route';
import { readReport } from './read-report';

export const GET = route(async (request) => ok(await readReport(request)));
