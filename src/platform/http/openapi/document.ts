import { errorStatus } from '../errors';
import { errorCodesOf, errorEnvelopeSchema, errorResponses } from './errors';
import { jsonSchemaOf, withoutProperties, type JsonSchema } from './json-schema';
import { usesSessionCookie, type Auth, type OperationSpec } from './operation';

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  /** Set when the portal is served under a base path: the paths below are relative to it. */
  servers?: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: { securitySchemes: Record<string, JsonSchema>; responses: Record<string, JsonSchema> };
};

export type DocumentInput = {
  info: OpenApiDocument['info'];
  tags: OpenApiDocument['tags'];
  operations: readonly OperationSpec[];
};

const securitySchemes: Record<string, JsonSchema> = {
  serverSecret: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <PORTAL_SERVER_SECRET>`: the host product’s backend. No cookie is accepted.' },
  apiKey: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer dfl_…`: a customer’s API key holding the scope named, for its own organization only.' },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'deflect.session_token',
    description: 'The portal’s session cookie (builtin sign-in or host handoff). A write (POST, PUT, PATCH, DELETE) must also send `Origin` equal to `PORTAL_URL`, else 403.',
  },
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: 'deflect-staff.session_token',
    description: 'The staff console’s session cookie (staff sign-in or the host’s staff handoff), never a customer’s. A staff role without the permission answers 403. A write must also send `Origin` equal to `PORTAL_URL`, else 403.',
  },
  stripeSignature: { type: 'apiKey', in: 'header', name: 'Stripe-Signature', description: 'Verified with `STRIPE_WEBHOOK_SECRET` over the raw body, 300 s tolerance.' },
};

function securityOf(auth: Auth): Record<string, string[]>[] {
  switch (auth.type) {
    case 'serverSecret':
      return [{ serverSecret: [] }];
    case 'serverSecretOrApiKey':
      return [{ serverSecret: [] }, { apiKey: [auth.scope] }];
    case 'session':
      return [{ session: [] }];
    case 'staffSession':
      return [{ staffSession: [] }];
    case 'stripeSignature':
      return [{ stripeSignature: [] }];
    case 'public':
      return [];
  }
}

function parametersOf(operation: OperationSpec): JsonSchema[] {
  const path = Object.entries(operation.pathParams ?? {}).map(([name, param]) => ({
    name,
    in: 'path',
    required: true,
    description: param.description,
    schema: param.schema ? jsonSchemaOf(param.schema, 'input') : { type: 'string' },
  }));
  const querySchema = operation.query ? jsonSchemaOf(operation.query, 'input') : { properties: {} };
  const required = new Set((querySchema.required as string[] | undefined) ?? []);
  const query = Object.entries(querySchema.properties as Record<string, JsonSchema>).map(([name, schema]) => ({ name, in: 'query', required: required.has(name), schema }));
  const origin =
    usesSessionCookie(operation.auth) && operation.method !== 'get'
      ? [{ name: 'Origin', in: 'header', required: true, description: 'The portal’s own origin (`PORTAL_URL`); any other answers 403.', schema: { type: 'string', format: 'uri' } }]
      : [];
  return [...path, ...query, ...origin];
}

function requestBodyOf(operation: OperationSpec): JsonSchema | undefined {
  if (operation.rawBody) {
    return { required: true, description: operation.rawBody.description, content: { [operation.rawBody.mediaType]: { schema: {} } } };
  }
  if (!operation.body) return undefined;
  const fromPath = operation.body.fromPath ?? [];
  const schema = withoutProperties(jsonSchemaOf(operation.body.schema, 'input'), fromPath);
  // An absent body reads as `{}`: it may be left out where `{}` is valid.
  const required = fromPath.length > 0 ? Boolean(schema.required) : !operation.body.schema.safeParse({}).success;
  return { required, content: { 'application/json': { schema } } };
}

function successOf(operation: OperationSpec): [string, JsonSchema] {
  const { success } = operation;
  if ('data' in success) {
    const schema = { type: 'object', required: ['success', 'data'], properties: { success: { const: true }, data: jsonSchemaOf(success.data, 'output') } };
    return [String(success.status), { description: success.description, content: { 'application/json': { schema } } }];
  }
  if (!('mediaType' in success)) return [String(success.status), { description: success.description }];
  return [String(success.status), { description: success.description, content: { [success.mediaType]: { schema: success.schema ? jsonSchemaOf(success.schema, 'output') : {} } } }];
}

function responsesOf(operation: OperationSpec): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = Object.fromEntries([successOf(operation)]);
  for (const extra of operation.extraResponses ?? []) {
    responses[String(extra.status)] = { description: extra.description, ...(extra.schema ? { content: { 'application/json': { schema: jsonSchemaOf(extra.schema, 'output') } } } : {}) };
  }
  for (const custom of operation.customErrors ?? []) {
    responses[String(custom.status)] = { description: custom.description, content: { 'application/json': { schema: errorEnvelopeSchema(custom.code, false) } } };
  }
  for (const code of errorCodesOf(operation)) responses[String(errorStatus[code])] ??= { $ref: `#/components/responses/${code}` };
  return responses;
}

function operationObject(operation: OperationSpec): JsonSchema {
  const parameters = parametersOf(operation);
  const requestBody = requestBodyOf(operation);
  return {
    operationId: `${operation.method}${operation.path.replace(/[{}]/g, '').replace(/(^|[/.-])(\w)/g, (_m, _sep, c: string) => c.toUpperCase())}`,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: securityOf(operation.auth),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(operation),
  };
}

/** The OpenAPI 3.1 document of the operations, in their order. */
export function buildOpenApiDocument(input: DocumentInput): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of input.operations) {
    const item = (paths[operation.path] ??= {});
    if (item[operation.method]) throw new Error(`${operation.method.toUpperCase()} ${operation.path} is described twice.`);
    item[operation.method] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: input.info,
    tags: input.tags,
    paths,
    components: { securitySchemes, responses: errorResponses() },
  };
}
