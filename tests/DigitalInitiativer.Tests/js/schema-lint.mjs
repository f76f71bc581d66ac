// Lints a schema file with graphql-eslint's schema rules (The Guild's conventions): the recommended set and the Relay
// rules, with the project's own choices stated below. Prints one line per problem and exits 1 when there are any.
import { ESLint } from 'eslint';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import path from 'node:path';

const schemaFile = path.resolve(process.argv[2]);
const eslint = new ESLint({
  cwd: path.dirname(schemaFile),
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.graphql'],
      languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: schemaFile } } },
      plugins: { '@graphql-eslint': graphqlPlugin },
      rules: {
        ...graphqlPlugin.configs['flat/schema-recommended'].rules,
        ...graphqlPlugin.configs['flat/schema-relay'].rules,
        // GraphQL.NET prints descriptions as "inline" strings; one style throughout is what the rule asks.
        '@graphql-eslint/description-style': ['error', { style: 'inline' }],
        // Lists of errors, cells and rows are plain lists; connections are for lists that grow.
        '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: true }],
        // Objects with an identity have an opaque ID; payloads, errors, connection parts and values that belong to
        // another object (a figure, a rule set, a row of a table) have none of their own.
        '@graphql-eslint/strict-id-in-types': ['error', {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: {
            suffixes: ['Payload', 'Error', 'Connection', 'Edge'],
            types: ['AttendanceEntry', 'CoAuthorInvitation', 'CompetitionRules', 'CompetitionSchedule', 'ImportProblem', 'ImportReport', 'LeaderboardEntry',
              'MovedUpDifference', 'PageInfo', 'ProfileDistribution', 'ProfileGroupCount', 'ProfileTransitions', 'ProposalAuthor',
              'ProposalVotesChanged', 'ReachCell', 'ReachMatrix', 'ReachRow', 'Realisation', 'TransitionCell', 'TransitionTable', 'Viewer'],
          },
        }],
        // Every element, arguments and enum values included, is documented.
        '@graphql-eslint/require-description': ['error', {
          types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true, DirectiveDefinition: true,
        }],
      },
    },
  ],
});

const [result] = await eslint.lintFiles([schemaFile]);
for (const message of result.messages)
  console.log(`${path.basename(schemaFile)}:${message.line}:${message.column} ${message.ruleId ?? 'parse'}: ${message.message}`);
console.log(`${result.messages.length} problem(s)`);
process.exit(result.messages.length === 0 ? 0 : 1);
