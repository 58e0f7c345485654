'use strict';
// The simulator's schema against Boomi's documented one, and the invariants that
// keep schema.graphql, schema.js and resolvers.js in step.
// Run alone: npx jest --globalSetup ./test/simulator/noop-setup.js test/simulator/schema.test.js

const fs = require('fs');
const path = require('path');
const {
	parse,
	visit,
	buildASTSchema,
	buildSchema,
	printSchema,
	lexicographicSortSchema,
	findBreakingChanges,
	findDangerousChanges,
} = require('graphql');
const { schema, schemaText, readGuidTags, deriveRootFacts, GUID_TAGS, MUTATION_FIELDS, SPACE_EXEMPT, ROOT_FIELDS } = require('./schema');
const { fields, makeRootValue } = require('./resolvers');
const { startSimulator } = require('./index');
const { gql } = require('./testkit');

// ../shared beside the repository (the project's research notes); absent in a user's clone.
// BOOMI_SPACES_SHARED_DIR points elsewhere (e.g. from a git worktree).
const REPO_ROOT = path.join(__dirname, '..', '..');
const SHARED_DIR = process.env.BOOMI_SPACES_SHARED_DIR || path.join(REPO_ROOT, '..', 'shared', 'boomi-spaces');
const SHARED_SCHEMA = path.join(SHARED_DIR, 'schema.graphql');

/** Types, fields, arguments, nullability, enums, deprecations; descriptions and order left out. */
function canonical(text) {
	const withoutDescriptions = visit(parse(text), {
		enter(node) {
			if (node.description) return { ...node, description: undefined };
			return undefined;
		},
	});
	return printSchema(lexicographicSortSchema(buildASTSchema(withoutDescriptions)));
}

describe('schema.graphql against ../shared/boomi-spaces/schema.graphql', () => {
	const present = fs.existsSync(SHARED_SCHEMA);

	test('same types, fields, arguments and nullability (skipped when ../shared is absent)', () => {
		if (!present) {
			console.log(`../shared not present: comparison skipped (looked for ${SHARED_SCHEMA})`);
			return;
		}
		const sharedText = fs.readFileSync(SHARED_SCHEMA, 'utf8');
		expect(canonical(schemaText)).toBe(canonical(sharedText));
		const shared = buildSchema(sharedText);
		for (const [from, to] of [
			[shared, schema],
			[schema, shared],
		]) {
			expect(findBreakingChanges(from, to)).toEqual([]);
			expect(findDangerousChanges(from, to)).toEqual([]);
		}
	});

	test('the comparison itself notices a difference', () => {
		expect(canonical(schemaText)).not.toBe(canonical(schemaText.replace('spaceDelete(id: ID!): Boolean', 'spaceDelete(id: ID!): String')));
		// Descriptions and comments do not count.
		expect(canonical('"d"\ntype Query { a: Int }')).toBe(canonical('# c\ntype Query { a: Int }'));
	});
});

describe('invariants', () => {
	const queryFields = Object.keys(schema.getQueryType().getFields());
	const mutationFields = Object.keys(schema.getMutationType().getFields());

	test('all 22 documented operations (plus the deprecated Space alias) are in the schema', () => {
		expect(queryFields).toHaveLength(11);
		expect(mutationFields).toHaveLength(12);
		expect(ROOT_FIELDS.sort()).toEqual([...queryFields, ...mutationFields].sort());
		expect(schema.getQueryType().getFields().Space.deprecationReason).toMatch(/space/);
	});

	test('every Query/Mutation field has a resolver, and every resolver a field', () => {
		expect(Object.keys(fields).sort()).toEqual([...queryFields, ...mutationFields].sort());
		const root = makeRootValue({});
		for (const name of [...queryFields, ...mutationFields]) expect(typeof root[name]).toBe('function');
	});

	test('mutation fields come from the Mutation type, Space-exempt fields from the guid tags', () => {
		expect([...MUTATION_FIELDS].sort()).toEqual([...mutationFields].sort());
		expect([...SPACE_EXEMPT].sort()).toEqual([...GUID_TAGS].filter(([, v]) => v === 'no').map(([k]) => k).sort());
		// The README's GUID column: Space-level operations, Install, Uninstall and spaceArtifactListings need none.
		expect([...SPACE_EXEMPT].sort()).toEqual(
			['Space', 'integrationPackInstanceInstall', 'integrationPackInstanceUninstall', 'space', 'spaceArtifactListings', 'spaceCreate', 'spaceDelete', 'spaceUpdate', 'spaces'].sort(),
		);
	});

	test('tags are read past comments and descriptions; a missing, doubled or unknown tag is refused', () => {
		const text = `type Query {
  # guid: no
  # some source note
  a: Int
  # guid: yes
  """
  A description with a: colon
  """
  b(x: Int): Int
}
type Mutation {
  # guid: yes
  m: Int
}`;
		expect([...readGuidTags(text)].map(([k, v]) => [k, v.tags, v.root])).toEqual([
			['a', ['no'], 'Query'],
			['b', ['yes'], 'Query'],
			['m', ['yes'], 'Mutation'],
		]);
		const facts = deriveRootFacts(buildSchema(text), text);
		expect([...facts.SPACE_EXEMPT]).toEqual(['a']);
		expect([...facts.MUTATION_FIELDS]).toEqual(['m']);
		for (const bad of [text.replace('  # guid: no\n', ''), text.replace('# guid: no', '# guid: no\n  # guid: yes'), text.replace('# guid: no', '# guid: maybe')]) {
			expect(() => deriveRootFacts(buildSchema(bad), bad)).toThrow(/guid tags/);
		}
	});

	describe('over HTTP', () => {
		let sim;
		beforeAll(async () => {
			sim = await startSimulator();
		});
		afterAll(() => sim.close());
		beforeEach(() => sim.reset());

		// One valid request per root field (read-only ones first, mutations on a fresh seed each).
		const requests = (d) => ({
			spaces: ['{ spaces { id } }'],
			space: [`{ space(id: "${d.spaceGuid}") { id } }`],
			Space: [`{ Space(id: "${d.spaceGuid}") { id } }`],
			integrationPackInstances: ['{ integrationPackInstances { id } }'],
			environments: ['{ environments { id } }'],
			integrationPackEnvironmentAttachments: [`{ integrationPackEnvironmentAttachments(ipackInstanceId: "${d.instanceId}") { id } }`],
			spaceAccounts: ['{ spaceAccounts { id } }'],
			executionHistory: [`{ executionHistory(input: {processId: "${d.processId}", executionTime: "2016-01-31T15:32:00Z", status: ERROR}) { executionId } }`],
			integrationPackInstanceProcesses: [`{ integrationPackInstanceProcesses(integrationPackInstanceId: "${d.instanceId}") { id } }`],
			IPackInstanceOAuthConnectorDetails: [
				'query($i: IPackInstanceOAuthConnectorDetailsInput!) { IPackInstanceOAuthConnectorDetails(input: $i) { id } }',
				{ i: d.oauth },
			],
			spaceArtifactListings: [`{ spaceArtifactListings(input: {spaceId: "${d.spaceGuid}"}) { numberOfResults } }`],
			integrationPackInstanceInstall: [`mutation { integrationPackInstanceInstall(input: {integrationPackId: "${d.multiIntegrationPackId}", integrationPackOverrideName: "X"}) { id } }`],
			integrationPackInstanceUninstall: [`mutation { integrationPackInstanceUninstall(id: "${d.instanceId}") }`],
			integrationPackInstanceEnvironmentAttachmentAttach: [
				`mutation { integrationPackInstanceEnvironmentAttachmentAttach(input: {integrationPackInstanceId: "${d.instanceId}", environmentIds: ["${sim.state.environments[1].id}"]}) { id } }`,
			],
			integrationPackInstanceEnvironmentAttachmentUnattach: [`mutation { integrationPackInstanceEnvironmentAttachmentUnattach(id: "${d.attachmentId}") }`],
			spaceCreate: [`mutation { spaceCreate(input: {name: "N", accountGroupId: "${d.freeAccountGroupId}"}) { id } }`],
			spaceUpdate: [`mutation { spaceUpdate(input: {id: "${d.spaceGuid}", name: "N"}) { id } }`],
			spaceDelete: [`mutation { spaceDelete(id: "${d.otherSpaceGuid}") }`],
			extensionsUpdate: ['mutation($i: [ExtensionInput!]!) { extensionsUpdate(input: $i) }', { i: [{ envExtensionId: d.envExtensionId, extensions: '{"partial":"true"}' }] }],
			extendedMappersUpdate: ['mutation($i: [ExtensionInput!]!) { extendedMappersUpdate(input: $i) }', { i: [{ envExtensionId: d.mapExtensionId, extensions: '{"Map":{}}' }] }],
			processExecute: [`mutation { processExecute(input: {atomId: "${d.atomId}", processId: "${d.processId}"}) }`],
			processSchedulesUpdate: ['mutation($s: String!, $id: String!) { processSchedulesUpdate(processSchedules: $s, processSchedulesId: $id) { id } }', { s: '{"Schedule":[]}', id: d.processSchedulesId }],
			saveIPackInstanceOauthConnectorDetails: [
				'mutation($i: SaveIPackInstanceOauthConnectorDetailsInput!) { saveIPackInstanceOauthConnectorDetails(input: $i) { id } }',
				{ i: { ...d.oauth, isTokenGenerated: false, oauthConnectorDetails: '{}', clientId: 'c', clientSecret: 's' } },
			],
		});

		test('a request table covers every root field', () => {
			expect(Object.keys(requests(sim.demo)).sort()).toEqual([...ROOT_FIELDS].sort());
		});

		test.each(ROOT_FIELDS.map((f) => [f]))('%s answers data with its SPACE_GUID, and the guid tag decides whether it needs one', async (field) => {
			const [query, variables] = requests(sim.demo)[field];
			const withGuid = await gql(sim, query, variables);
			expect(withGuid.errors).toEqual([]);
			expect(withGuid.data[field]).not.toBeUndefined();
			expect(withGuid.data[field]).not.toBeNull();
			sim.reset();
			const without = await gql(sim, query, variables, { space: null });
			if (GUID_TAGS.get(field) === 'yes') {
				expect(without.codes).toEqual(['SPACE_NOT_FOUND']);
				expect(without.errors[0].message).toBe(`SPACE_NOT_FOUND: The SPACE_GUID header is required for ${field}`);
			} else {
				expect(without.errors).toEqual([]);
			}
			expect(sim.mutations.length).toBe(MUTATION_FIELDS.has(field) && GUID_TAGS.get(field) === 'no' ? 1 : 0);
		});
	});
});
