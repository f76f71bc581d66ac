// What a front-end tool sees of the live endpoint: GraphQL.js's standard introspection query with every option set it
// offers, rebuilt with buildClientSchema and compared with the contract (schema/schema.graphql); then codegen's typed
// operations generated from the URL, compared with those generated from the file.
// usage: node introspection.mjs <graphql url> <bearer token> <schema file>
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { GraphQLSchema, buildASTSchema, buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, parse, printSchema, visit } from 'graphql';

const [url, token, schemaFile] = process.argv.slice(2);
const contractDocument = parse(readFileSync(schemaFile, 'utf8'));
// Deprecated arguments and input fields are part of the answer only when the query asks for input-value deprecation.
const withoutDeprecatedInputs = visit(contractDocument, {
  InputValueDefinition: node => (node.directives ?? []).some(d => d.name.value === 'deprecated') ? null : undefined,
});
// The schema's own description is part of the answer only when the query asks for it.
const contractFor = options => {
  const schema = buildASTSchema(options.inputValueDeprecation ? contractDocument : withoutDeprecatedInputs);
  return printSchema(lexicographicSortSchema(options.schemaDescription ? schema : new GraphQLSchema({ ...schema.toConfig(), description: undefined })));
};
const optionSets = {
  'default': {},
  'descriptions, directiveIsRepeatable, schemaDescription, specifiedByUrl': { descriptions: true, directiveIsRepeatable: true, schemaDescription: true, specifiedByUrl: true },
  'inputValueDeprecation': { inputValueDeprecation: true },
  'oneOf': { oneOf: true },
};

let failed = false;
for (const [name, options] of Object.entries(optionSets)) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: getIntrospectionQuery(options) }),
  });
  const body = await response.json();
  if (body.errors) {
    console.error(`${name}: refused: ${JSON.stringify(body.errors)}`);
    failed = true;
    continue;
  }
  const served = printSchema(lexicographicSortSchema(buildClientSchema(body.data)));
  const contract = contractFor(options);
  if (served !== contract) {
    const servedLines = served.split('\n'), contractLines = contract.split('\n');
    const at = servedLines.findIndex((line, i) => line !== contractLines[i]);
    console.error(`${name}: differs from ${schemaFile} at line ${at + 1}:\n  served:   ${servedLines[at]}\n  contract: ${contractLines[at]}`);
    failed = true;
    continue;
  }
  console.log(`${name}: same as the contract`);
}

// codegen from the URL, the way a front-end team points it at a running server.
const work = mkdtempSync(join(tmpdir(), 'codegen-'));
const generate = (schema, output) => {
  const config = join(work, `${output}.json`);
  writeFileSync(config, JSON.stringify({
    schema, documents: '../../../docs/operations/*.graphql', silent: true,
    generates: { [join(work, `${output}.ts`)]: { plugins: ['typescript-operations'], config: { scalars: { Date: 'string' }, enumsAsTypes: true } } },
  }));
  execFileSync(process.execPath, ['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', config], { stdio: 'inherit' });
  return readFileSync(join(work, `${output}.ts`), 'utf8');
};
const fromUrl = generate([{ [url]: { headers: { Authorization: `Bearer ${token}` } } }], 'from-url');
const fromFile = generate(schemaFile, 'from-file');
if (fromUrl !== fromFile) {
  console.error('codegen: the types generated from the URL differ from those generated from the file');
  failed = true;
} else console.log(`codegen: ${fromUrl.split('\n').length} lines of types generated from the URL, the same as from the file`);

process.exit(failed ? 1 : 0);
