'use strict';
// Tests of the Boomi Spaces simulator itself, over real HTTP with Node's fetch.
// Run alone: npx jest test/simulator.test.js
// (or, while the package's TypeScript is mid-edit:
//  npx jest --globalSetup ./test/simulator/noop-setup.js test/simulator.test.js)

const {
	startSimulator,
	encodeInstanceId,
	encodeAttachmentId,
	decodeBase64Unpadded,
	decodeAttachmentId,
	seedIds: S,
} = require('./simulator');

// The Unattach page's sample response, byte for byte.
const SAMPLE_ATTACHMENT_ID =
	'QVRUQUNIX0lQQUNLX0VOVlNXNTBaV2R5WVhScGIyNVFZV05yU1c1emRHRnVZMlV6TkRRNE5nOjg2YjQxM2E4LTFlYmYtNGM5NS1iYzViLTEzOTU3M2I3NzkxMA';
const SAMPLE_INSTANCE_ID = 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng';
const SAMPLE_ENVIRONMENT_ID = '86b413a8-1ebf-4c95-bc5b-139573b77910';

const UNATTACH = 'mutation unattach($id: ID!) { integrationPackInstanceEnvironmentAttachmentUnattach(id: $id) }';
const UNAUTHORIZED_BODY = (field) =>
	JSON.stringify({
		data: null,
		errors: [{ message: 'Downstream Execution Error: Unauthorized', path: [field], extensions: {} }],
	});

function basic(user, password) {
	return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

async function fetchJwt(sim, { accountId = sim.demo.accountId, user = `BOOMI_TOKEN.${sim.demo.username}`, password = sim.demo.apiToken } = {}) {
	return fetch(`${sim.authUrl}/auth/jwt/generate/${encodeURIComponent(accountId)}`, { headers: { authorization: basic(user, password) } });
}

/**
 * POST a GraphQL document the way a well-behaved client would; `headers` override
 * (set one to undefined to drop it; space: null sends no SPACE_GUID). Returns { status, headers, text, json }.
 */
async function gql(sim, query, variables, { jwt, space = sim.demo.spaceGuid, headers = {}, operationName, rawBody } = {}) {
	const h = {
		'content-type': 'application/json',
		accept: 'application/json',
		authorization: jwt === null ? undefined : `Bearer ${jwt}`,
		SPACE_GUID: space === null ? undefined : space,
		...headers,
	};
	for (const k of Object.keys(h)) if (h[k] === undefined) delete h[k];
	const res = await fetch(sim.graphqlUrl, {
		method: 'POST',
		headers: h,
		body: rawBody !== undefined ? rawBody : JSON.stringify({ query, variables, operationName }),
	});
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

function attachmentIds(sim) {
	return sim.state.attachments.map((a) => a.id);
}

describe('id helpers', () => {
	test('encode the observed forms and round-trip the Unattach sample', () => {
		expect(encodeInstanceId(34486)).toBe(SAMPLE_INSTANCE_ID);
		expect(encodeAttachmentId(SAMPLE_INSTANCE_ID, SAMPLE_ENVIRONMENT_ID)).toBe(SAMPLE_ATTACHMENT_ID);
		expect(decodeBase64Unpadded(SAMPLE_ATTACHMENT_ID)).toBe(`ATTACH_IPACK_ENV${SAMPLE_INSTANCE_ID}:${SAMPLE_ENVIRONMENT_ID}`);
		expect(decodeBase64Unpadded(SAMPLE_INSTANCE_ID)).toBe('IntegrationPackInstance34486');
		expect(decodeAttachmentId(SAMPLE_ATTACHMENT_ID)).toEqual({ instanceId: SAMPLE_INSTANCE_ID, environmentId: SAMPLE_ENVIRONMENT_ID });
	});

	test('decodeBase64Unpadded is strict', () => {
		expect(decodeBase64Unpadded('not base64!')).toBeNull();
		expect(decodeBase64Unpadded(SAMPLE_INSTANCE_ID + '==')).toBeNull(); // padded is not the observed form
		expect(decodeBase64Unpadded('a')).toBeNull();
		expect(decodeBase64Unpadded('')).toBe('');
	});
});

describe('default simulator', () => {
	let sim;
	let jwt;

	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		jwt = sim.mintJwt();
	});

	test('restoreSeedData puts the seed data back and keeps logs and issued JWTs (one scenario, several steps)', async () => {
		const id = sim.demo.attachmentId;
		const query = 'mutation U($id: ID!) { integrationPackInstanceEnvironmentAttachmentUnattach(id: $id) }';
		expect((await gql(sim, query, { id }, { jwt })).status).toBe(200);
		expect(attachmentIds(sim)).not.toContain(id);

		sim.restoreSeedData();

		expect(attachmentIds(sim)).toContain(id);
		expect(sim.mutations).toHaveLength(1);
		expect(sim.requests).toHaveLength(1);
		expect((await gql(sim, query, { id }, { jwt })).status).toBe(200);
	});

	test('exposes urls and the demo ids of the seed', () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.graphqlUrl).toBe(`${sim.url}/graphql`);
		expect(sim.authUrl).toBe(sim.url);
		// toMatchObject: demoOf also names the ids of the other operations (test/simulator/api.test.js checks those).
		expect(sim.demo).toMatchObject({
			accountId: 'boomi-demo-A1B2C3',
			username: 'admin@example.com',
			apiToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
			spaceGuid: S.SPACE_MAIN,
			attachmentId: SAMPLE_ATTACHMENT_ID,
			instanceId: SAMPLE_INSTANCE_ID,
			environmentId: SAMPLE_ENVIRONMENT_ID,
		});
		const types = sim.state.integrationPacks.map((p) => p.installationType);
		expect(types).toEqual(expect.arrayContaining(['SINGLE', 'MULTI']));
		expect(sim.state.environments.map((e) => [e.name, e.classification])).toEqual([
			['Production', 'PROD'],
			['Test', 'TEST'],
			['Development', 'TEST'],
		]);
		// Every seeded attachment id has the observed encoding.
		for (const a of sim.state.attachments) expect(a.id).toBe(encodeAttachmentId(a.integrationPackInstanceId, a.environmentId));
	});

	describe('JWT endpoint', () => {
		test('good credentials → 200 text/plain JWT with sub, accountId, iat, exp, jti', async () => {
			const res = await fetchJwt(sim);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
			const token = await res.text();
			const parts = token.split('.');
			expect(parts).toHaveLength(3);
			const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
			const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
			expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
			expect(payload).toEqual({
				sub: 'admin@example.com',
				accountId: 'boomi-demo-A1B2C3',
				iat: expect.any(Number),
				exp: expect.any(Number),
				jti: expect.any(String),
			});
			expect(payload.exp - payload.iat).toBeGreaterThanOrEqual(299);
			expect(payload.exp - payload.iat).toBeLessThanOrEqual(300);
			// and it works as a bearer
			const r = await gql(sim, '{ spaces { id } }', undefined, { jwt: token });
			expect(r.status).toBe(200);
		});

		test.each([
			['wrong password', { password: 'nope' }],
			['username without the BOOMI_TOKEN. prefix', { user: 'admin@example.com' }],
			['another user', { user: 'BOOMI_TOKEN.someone@example.com' }],
			['unknown account', { accountId: 'boomi-other-ZZZ' }],
		])('%s → 401 {"message":"Unauthorized"}', async (_name, opts) => {
			const res = await fetchJwt(sim, opts);
			expect(res.status).toBe(401);
			expect(res.headers.get('content-type')).toMatch(/^application\/json/);
			expect(await res.text()).toBe('{"message":"Unauthorized"}');
		});

		test('missing or non-Basic auth → 401; POST → 405', async () => {
			const url = `${sim.authUrl}/auth/jwt/generate/${sim.demo.accountId}`;
			expect((await fetch(url)).status).toBe(401);
			expect((await fetch(url, { headers: { authorization: `Bearer ${jwt}` } })).status).toBe(401);
			expect((await fetch(url, { method: 'POST', headers: { authorization: basic(`BOOMI_TOKEN.${sim.demo.username}`, sim.demo.apiToken) } })).status).toBe(405);
		});

		test('unknown paths → 404', async () => {
			expect((await fetch(`${sim.url}/api/rest/v1/whatever`)).status).toBe(404);
		});
	});

	describe('GraphQL transport', () => {
		test('GET and PUT on /graphql → 405', async () => {
			expect((await fetch(`${sim.graphqlUrl}?query={spaces{id}}`)).status).toBe(405);
			const put = await fetch(sim.graphqlUrl, { method: 'PUT', body: '{}' });
			expect(put.status).toBe(405);
			expect(put.headers.get('allow')).toBe('POST');
		});

		test('non-JSON body, non-object body and missing query → 400', async () => {
			for (const rawBody of ['query { spaces { id } }', '[1,2]', '{"variables":{}}', '{"query":""}']) {
				const r = await gql(sim, null, null, { jwt, rawBody });
				expect(r.status).toBe(400);
				expect(r.json.data).toBeNull();
				expect(r.json.errors[0].message).toEqual(expect.any(String));
			}
			const r = await gql(sim, '{ spaces { id } }', [1], { jwt });
			expect(r.status).toBe(400);
		});

		test('Accept must allow application/json → else 406', async () => {
			expect((await gql(sim, '{ spaces { id } }', undefined, { jwt, headers: { accept: 'text/html' } })).status).toBe(406);
			expect((await gql(sim, '{ spaces { id } }', undefined, { jwt, headers: { accept: '*/*' } })).status).toBe(200);
			expect((await gql(sim, '{ spaces { id } }', undefined, { jwt, headers: { accept: 'text/html, application/json;q=0.9' } })).status).toBe(200);
		});

		test('missing, malformed, unknown or expired bearer → 401 with Boomi body naming the first field', async () => {
			let r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt: null });
			expect(r.status).toBe(401);
			expect(r.text).toBe(UNAUTHORIZED_BODY('integrationPackInstanceEnvironmentAttachmentUnattach'));

			r = await gql(sim, '{ first: spaces { id } environments { id } }', undefined, { jwt: 'not.a.jwt' });
			expect(r.status).toBe(401);
			expect(r.text).toBe(UNAUTHORIZED_BODY('first'));

			// The doc's "Bearer<Token>" without a space is not accepted.
			r = await gql(sim, '{ spaces { id } }', undefined, { jwt: null, headers: { authorization: `Bearer${jwt}` } });
			expect(r.status).toBe(401);

			// An unparseable document has no first field.
			r = await gql(sim, '{ spaces { id }', undefined, { jwt: 'x' });
			expect(r.status).toBe(401);
			expect(r.text).toBe(UNAUTHORIZED_BODY(null));

			sim.expireJwts();
			r = await gql(sim, '{ spaces { id } }', undefined, { jwt });
			expect(r.status).toBe(401);
			expect(r.text).toBe(UNAUTHORIZED_BODY('spaces'));
			// A fresh token works again.
			r = await gql(sim, '{ spaces { id } }', undefined, { jwt: sim.mintJwt() });
			expect(r.status).toBe(200);
			expect(sim.state.attachments).toHaveLength(4); // nothing applied by 401s
		});

		test('syntax error → 400 with graphql-js message and locations', async () => {
			const r = await gql(sim, 'mutation { integrationPackInstanceEnvironmentAttachmentUnattach(id: "x" }', undefined, { jwt });
			expect(r.status).toBe(400);
			expect(r.json).toEqual({
				data: null,
				errors: [{ message: expect.stringMatching(/^Syntax Error: /), locations: [{ line: 1, column: expect.any(Number) }], extensions: {} }],
			});
		});

		test('validation, operation and variable errors → 400', async () => {
			let r = await gql(sim, '{ integrationPackInstances { id nope } }', undefined, { jwt });
			expect(r.status).toBe(400);
			expect(r.json.errors[0]).toEqual({
				message: 'Cannot query field "nope" on type "IntegrationPackInstance".',
				locations: [{ line: 1, column: 33 }],
				extensions: {},
			});
			r = await gql(sim, UNATTACH, {}, { jwt });
			expect(r.status).toBe(400);
			expect(r.json.errors[0].message).toMatch(/Variable "\$id" of required type "ID!" was not provided/);
			r = await gql(sim, 'query a { spaces { id } } query b { spaces { name } }', undefined, { jwt });
			expect(r.status).toBe(400);
			r = await gql(sim, 'query a { spaces { id } } query b { spaces { name } }', undefined, { jwt, operationName: 'b' });
			expect(r.status).toBe(200);
			expect(r.json.data.spaces[0]).toEqual({ name: 'Customer Integrations' });
		});

		test('SPACE_GUID: missing or unknown → SPACE_NOT_FOUND for fields that need it (HTTP 200); exempt fields work without', async () => {
			let r = await gql(sim, '{ spaces { id } integrationPackInstances { id } }', undefined, { jwt, space: null });
			expect(r.status).toBe(200);
			expect(r.json.data.spaces).toHaveLength(2);
			expect(r.json.data.integrationPackInstances).toBeNull();
			expect(r.json.errors).toEqual([
				{
					message: 'SPACE_NOT_FOUND: The SPACE_GUID header is required for integrationPackInstances',
					locations: [{ line: 1, column: 17 }],
					path: ['integrationPackInstances'],
					extensions: {},
				},
			]);
			r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt, space: '00000000-0000-0000-0000-000000000000' });
			expect(r.json.errors[0].message).toBe("SPACE_NOT_FOUND: Space '00000000-0000-0000-0000-000000000000' was not found");
			expect(attachmentIds(sim)).toContain(SAMPLE_ATTACHMENT_ID);
			r = await gql(sim, `{ space(id: "${S.SPACE_PARTNER}") { id name } }`, undefined, { jwt, space: null });
			expect(r.json).toEqual({ data: { space: { id: S.SPACE_PARTNER, name: 'Partner Sandbox' } } });
			r = await gql(
				sim,
				`mutation { integrationPackInstanceInstall(input: {integrationPackId: "${S.PACK_INVENTORY}", integrationPackOverrideName: "Inventory - EU"}) { id } }`,
				undefined,
				{ jwt, space: null },
			);
			expect(r.json.errors).toBeUndefined();
		});
	});

	describe('Unattach', () => {
		test('by attachment id: removes it, returns the id, then IPACK_INSTANCE_ID_INVALID naming the id', async () => {
			let r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt });
			expect(r.status).toBe(200);
			expect(r.text).toBe(`{"data":{"integrationPackInstanceEnvironmentAttachmentUnattach":"${SAMPLE_ATTACHMENT_ID}"}}`);
			expect(attachmentIds(sim)).not.toContain(SAMPLE_ATTACHMENT_ID);
			expect(sim.mutations).toEqual([
				expect.objectContaining({
					field: 'integrationPackInstanceEnvironmentAttachmentUnattach',
					args: { id: SAMPLE_ATTACHMENT_ID },
					result: SAMPLE_ATTACHMENT_ID,
					at: expect.any(Number),
					operationName: 'unattach',
				}),
			]);
			r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt });
			expect(r.status).toBe(200);
			expect(r.json).toEqual({
				data: { integrationPackInstanceEnvironmentAttachmentUnattach: null },
				errors: [
					{
						message: `IPACK_INSTANCE_ID_INVALID: Integration pack environment attachment '${SAMPLE_ATTACHMENT_ID}' was not found`,
						locations: [{ line: 1, column: 31 }],
						path: ['integrationPackInstanceEnvironmentAttachmentUnattach'],
						extensions: {},
					},
				],
			});
			expect(sim.mutations).toHaveLength(1);
		});

		test('by instance id with exactly one attachment: returns the sample response byte for byte', async () => {
			const r = await gql(sim, UNATTACH, { id: SAMPLE_INSTANCE_ID }, { jwt });
			expect(r.text).toBe(`{"data":{"integrationPackInstanceEnvironmentAttachmentUnattach":"${SAMPLE_ATTACHMENT_ID}"}}`);
			expect(attachmentIds(sim)).not.toContain(SAMPLE_ATTACHMENT_ID);
			// Now the instance is attached nowhere.
			const again = await gql(sim, UNATTACH, { id: SAMPLE_INSTANCE_ID }, { jwt });
			expect(again.json.errors[0].message).toBe(
				`PLATFORM_CALL_ERROR: Integration pack instance '${SAMPLE_INSTANCE_ID}' is not attached to any environment`,
			);
		});

		test('by instance id with two attachments → PLATFORM_CALL_ERROR, nothing removed', async () => {
			const r = await gql(sim, UNATTACH, { id: S.INSTANCE_HR }, { jwt });
			expect(r.json.data.integrationPackInstanceEnvironmentAttachmentUnattach).toBeNull();
			expect(r.json.errors[0].message).toBe(
				`PLATFORM_CALL_ERROR: Integration pack instance '${S.INSTANCE_HR}' is attached to 2 environments; ` +
					'unattach by environment attachment id (see integrationPackEnvironmentAttachments)',
			);
			expect(sim.state.attachments).toHaveLength(4);
			// Each of its attachments can be removed by attachment id.
			const second = encodeAttachmentId(S.INSTANCE_HR, S.ENV_TEST);
			const ok = await gql(sim, UNATTACH, { id: second }, { jwt });
			expect(ok.json.data.integrationPackInstanceEnvironmentAttachmentUnattach).toBe(second);
		});

		test('by id of an instance never attached → not attached to any environment', async () => {
			const r = await gql(sim, UNATTACH, { id: S.INSTANCE_ORDER_SYNC_APAC }, { jwt });
			expect(r.json.errors[0].message).toBe(
				`PLATFORM_CALL_ERROR: Integration pack instance '${S.INSTANCE_ORDER_SYNC_APAC}' is not attached to any environment`,
			);
		});

		const oddIds = [
			'a"b',
			'{"id":"x"}',
			'#fragment?x=1&y=%20',
			'ünïcødé ✓ 😀 \u2028',
			'back\\slash\nnew line\ttab',
			` ${SAMPLE_ATTACHMENT_ID}`,
			`${SAMPLE_ATTACHMENT_ID} `,
			`${SAMPLE_ATTACHMENT_ID}==`,
			SAMPLE_ATTACHMENT_ID.toLowerCase(),
			'',
		];
		test.each(oddIds)('odd id %j arrives intact (variables and literal) and is simply not found', async (id) => {
			const viaVariables = await gql(sim, UNATTACH, { id }, { jwt });
			const viaLiteral = await gql(sim, `mutation { integrationPackInstanceEnvironmentAttachmentUnattach(id: ${JSON.stringify(id)}) }`, undefined, { jwt });
			for (const r of [viaVariables, viaLiteral]) {
				expect(r.status).toBe(200);
				expect(r.json.data.integrationPackInstanceEnvironmentAttachmentUnattach).toBeNull();
				expect(r.json.errors[0].message).toBe(`IPACK_INSTANCE_ID_INVALID: Integration pack environment attachment '${id}' was not found`);
			}
			expect(sim.requests.at(-2).json.variables.id).toBe(id);
			expect(sim.state.attachments).toHaveLength(4);
			expect(sim.mutations).toHaveLength(0);
		});

		test('aliased fields are separate calls: partial success, serial execution, error path = alias', async () => {
			const r = await gql(
				sim,
				`mutation two($a: ID!, $b: ID!) {
					first: integrationPackInstanceEnvironmentAttachmentUnattach(id: $a)
					again: integrationPackInstanceEnvironmentAttachmentUnattach(id: $a)
					other: integrationPackInstanceEnvironmentAttachmentUnattach(id: $b)
				}`,
				{ a: SAMPLE_ATTACHMENT_ID, b: encodeAttachmentId(S.INSTANCE_INVENTORY_US, S.ENV_DEV) },
				{ jwt },
			);
			expect(r.status).toBe(200);
			expect(r.json.data).toEqual({
				first: SAMPLE_ATTACHMENT_ID,
				again: null,
				other: encodeAttachmentId(S.INSTANCE_INVENTORY_US, S.ENV_DEV),
			});
			expect(r.json.errors).toHaveLength(1);
			expect(r.json.errors[0].path).toEqual(['again']);
			expect(r.json.errors[0].message).toMatch(/^IPACK_INSTANCE_ID_INVALID: /);
			expect(sim.mutations.map((m) => m.responseKey)).toEqual(['first', 'other']);
			expect(sim.state.attachments).toHaveLength(2);
		});

		test('respects the Space: pack or environment outside it', async () => {
			let r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt, space: S.SPACE_PARTNER });
			expect(r.json.errors[0].message).toBe(
				`IPACK_NOT_FOUND_IN_SPACE: Integration pack '${S.PACK_ORDER_SYNC}' of instance '${SAMPLE_INSTANCE_ID}' is not available in space '${S.SPACE_PARTNER}'`,
			);
			r = await gql(sim, UNATTACH, { id: encodeAttachmentId(S.INSTANCE_HR, S.ENV_PROD) }, { jwt, space: S.SPACE_PARTNER });
			expect(r.json.errors[0].message).toBe(`ARTIFACT_NOT_IN_SPACE: Environment '${S.ENV_PROD}' is not available in space '${S.SPACE_PARTNER}'`);
			r = await gql(sim, UNATTACH, { id: encodeAttachmentId(S.INSTANCE_HR, S.ENV_TEST) }, { jwt, space: S.SPACE_PARTNER });
			expect(r.json.errors).toBeUndefined();
			expect(sim.state.attachments).toHaveLength(3);
		});
	});

	describe('Attach, Install, Uninstall', () => {
		const ATTACH = `mutation attach($input: IntegrationPackEnvironmentAttachmentInput!) {
			integrationPackInstanceEnvironmentAttachmentAttach(input: $input) { id environmentId integrationPackInstanceId environmentExtensions }
		}`;
		const INSTALL = `mutation install($input: IntegrationPackInstanceInput!) {
			integrationPackInstanceInstall(input: $input) { id integrationPackId integrationPackOverrideName integrationPack { name installationType } }
		}`;
		const UNINSTALL = 'mutation uninstall($id: ID!) { integrationPackInstanceUninstall(id: $id) }';

		test('attach creates attachments with the observed ids; duplicates and unknowns fail without changes', async () => {
			const input = { integrationPackInstanceId: S.INSTANCE_ORDER_SYNC_APAC, environmentIds: [S.ENV_PROD, S.ENV_TEST] };
			let r = await gql(sim, ATTACH, { input }, { jwt });
			expect(r.json).toEqual({
				data: {
					integrationPackInstanceEnvironmentAttachmentAttach: [S.ENV_PROD, S.ENV_TEST].map((env) => ({
						id: encodeAttachmentId(S.INSTANCE_ORDER_SYNC_APAC, env),
						environmentId: env,
						integrationPackInstanceId: S.INSTANCE_ORDER_SYNC_APAC,
						environmentExtensions: null,
					})),
				},
			});
			expect(sim.state.attachments).toHaveLength(6);

			r = await gql(sim, ATTACH, { input: { ...input, environmentIds: [S.ENV_DEV, S.ENV_TEST] } }, { jwt });
			expect(r.json.errors[0].message).toBe(
				`PLATFORM_CALL_ERROR: Integration pack instance '${S.INSTANCE_ORDER_SYNC_APAC}' is already attached to environment '${S.ENV_TEST}'`,
			);
			r = await gql(sim, ATTACH, { input: { ...input, environmentIds: ['nope'] } }, { jwt });
			expect(r.json.errors[0].message).toBe("PLATFORM_CALL_ERROR: Environment 'nope' was not found");
			r = await gql(sim, ATTACH, { input: { integrationPackInstanceId: 'nope', environmentIds: [S.ENV_DEV] } }, { jwt });
			expect(r.json.errors[0].message).toBe("IPACK_INSTANCE_ID_INVALID: Integration pack instance 'nope' was not found");
			expect(sim.state.attachments).toHaveLength(6);

			// The environments query reflects it, and the instance now needs an attachment id to unattach.
			r = await gql(sim, '{ environments { id integrationPackEnvironmentAttachment { id integrationPackInstanceId } } }', undefined, { jwt });
			const prod = r.json.data.environments.find((e) => e.id === S.ENV_PROD);
			expect(prod.integrationPackEnvironmentAttachment.map((a) => a.integrationPackInstanceId)).toContain(S.INSTANCE_ORDER_SYNC_APAC);
			r = await gql(sim, UNATTACH, { id: S.INSTANCE_ORDER_SYNC_APAC }, { jwt });
			expect(r.json.errors[0].message).toMatch(/attached to 2 environments/);
		});

		test('install: MULTI needs an override name, SINGLE only once, ids are minted in sequence', async () => {
			let r = await gql(sim, INSTALL, { input: { integrationPackId: S.PACK_INVENTORY } }, { jwt });
			expect(r.json.errors[0].message).toBe(
				`PLATFORM_CALL_ERROR: integrationPackOverrideName is required to install multi-install integration pack '${S.PACK_INVENTORY}'`,
			);
			r = await gql(sim, INSTALL, { input: { integrationPackId: S.PACK_INVENTORY, integrationPackOverrideName: 'Inventory - EU Stores' } }, { jwt });
			expect(r.json.data.integrationPackInstanceInstall).toEqual({
				id: encodeInstanceId(34493),
				integrationPackId: S.PACK_INVENTORY,
				integrationPackOverrideName: 'Inventory - EU Stores',
				integrationPack: { name: 'Shopify Inventory Replication', installationType: 'MULTI' },
			});
			r = await gql(sim, INSTALL, { input: { integrationPackId: S.PACK_INVENTORY, integrationPackOverrideName: 'Inventory - EU Stores' } }, { jwt });
			expect(r.json.errors[0].message).toMatch(/^PLATFORM_CALL_ERROR: An instance of integration pack '10789' named 'Inventory - EU Stores' is already installed$/);
			r = await gql(sim, INSTALL, { input: { integrationPackId: S.PACK_HR_ONBOARDING } }, { jwt });
			expect(r.json.errors[0].message).toBe(
				`PLATFORM_CALL_ERROR: Integration pack '${S.PACK_HR_ONBOARDING}' is single-install and is already installed as instance '${S.INSTANCE_HR}'`,
			);
			r = await gql(sim, INSTALL, { input: { integrationPackId: '99999' } }, { jwt });
			expect(r.json.errors[0].message).toBe("PLATFORM_CALL_ERROR: Integration pack '99999' was not found");
			expect(sim.state.instances).toHaveLength(5);
		});

		test('uninstall removes the instance and its attachments; SINGLE can be installed again', async () => {
			let r = await gql(sim, UNINSTALL, { id: S.INSTANCE_HR }, { jwt, space: null });
			expect(r.json).toEqual({ data: { integrationPackInstanceUninstall: S.INSTANCE_HR } });
			expect(sim.state.instances.map((i) => i.id)).not.toContain(S.INSTANCE_HR);
			expect(sim.state.attachments.filter((a) => a.integrationPackInstanceId === S.INSTANCE_HR)).toHaveLength(0);
			r = await gql(sim, UNINSTALL, { id: S.INSTANCE_HR }, { jwt });
			expect(r.json.errors[0].message).toBe(`IPACK_INSTANCE_ID_INVALID: Integration pack instance '${S.INSTANCE_HR}' was not found`);
			r = await gql(sim, INSTALL, { input: { integrationPackId: S.PACK_HR_ONBOARDING } }, { jwt });
			expect(r.json.data.integrationPackInstanceInstall).toMatchObject({ id: encodeInstanceId(34493), integrationPackOverrideName: null });
		});
	});

	describe('queries', () => {
		test('integrationPackInstances, environments (attachments + atoms) and Space scoping', async () => {
			let r = await gql(sim, '{ integrationPackInstances { id integrationPackOverrideName integrationPack { id name description installationType } } }', undefined, { jwt });
			expect(r.json.data.integrationPackInstances).toHaveLength(4);
			expect(r.json.data.integrationPackInstances[0]).toEqual({
				id: SAMPLE_INSTANCE_ID,
				integrationPackOverrideName: 'Order Sync - EMEA',
				integrationPack: {
					id: S.PACK_ORDER_SYNC,
					name: 'Salesforce to NetSuite Order Sync',
					description: expect.any(String),
					installationType: 'MULTI',
				},
			});
			r = await gql(sim, '{ environments { id name classification integrationPackEnvironmentAttachment { id environmentId integrationPackInstanceId } atoms { id name } } }', undefined, { jwt });
			const envs = r.json.data.environments;
			expect(envs.map((e) => e.integrationPackEnvironmentAttachment.length)).toEqual([2, 1, 1]);
			expect(envs[0].integrationPackEnvironmentAttachment[0]).toEqual({
				id: SAMPLE_ATTACHMENT_ID,
				environmentId: SAMPLE_ENVIRONMENT_ID,
				integrationPackInstanceId: SAMPLE_INSTANCE_ID,
			});
			expect(envs[0].atoms).toEqual([{ id: expect.any(String), name: 'Prod Atom Cloud Node' }]);

			// The partner Space sees one pack and one environment.
			r = await gql(sim, '{ integrationPackInstances { id } environments { name integrationPackEnvironmentAttachment { id } } }', undefined, { jwt, space: S.SPACE_PARTNER });
			expect(r.json.data).toEqual({
				integrationPackInstances: [{ id: S.INSTANCE_HR }],
				environments: [{ name: 'Test', integrationPackEnvironmentAttachment: [{ id: encodeAttachmentId(S.INSTANCE_HR, S.ENV_TEST) }] }],
			});
		});

		test('integrationPackEnvironmentAttachments with and without environmentIds', async () => {
			const q = 'query a($i: String!, $e: [String!]) { integrationPackEnvironmentAttachments(ipackInstanceId: $i, environmentIds: $e) { id environmentId } }';
			let r = await gql(sim, q, { i: S.INSTANCE_HR }, { jwt });
			expect(r.json.data.integrationPackEnvironmentAttachments.map((a) => a.environmentId)).toEqual([S.ENV_PROD, S.ENV_TEST]);
			r = await gql(sim, q, { i: S.INSTANCE_HR, e: [S.ENV_TEST] }, { jwt });
			expect(r.json.data.integrationPackEnvironmentAttachments).toEqual([{ id: encodeAttachmentId(S.INSTANCE_HR, S.ENV_TEST), environmentId: S.ENV_TEST }]);
			r = await gql(sim, q, { i: 'nope' }, { jwt });
			expect(r.json.errors[0].message).toBe("IPACK_INSTANCE_ID_INVALID: Integration pack instance 'nope' was not found");
		});

		test('spaces, space(id), spaceAccounts(criteria)', async () => {
			let r = await gql(sim, '{ spaces { id name description url accountGroup { name } } }', undefined, { jwt });
			expect(r.json.data.spaces.map((s) => s.id)).toEqual([S.SPACE_MAIN, S.SPACE_PARTNER]);
			r = await gql(sim, '{ space(id: "nope") { id } }', undefined, { jwt });
			expect(r.json.errors[0].message).toBe("SPACE_NOT_FOUND: Space 'nope' was not found");
			r = await gql(sim, '{ all: spaceAccounts { id name } acme: spaceAccounts(criteria: {operator: STARTSWITH, argument: "acme"}) { name } lo: spaceAccounts(criteria: {operator: CONTAINS, argument: "LO"}) { name } }', undefined, { jwt });
			expect(r.json.data.all).toHaveLength(4);
			expect(r.json.data.acme).toEqual([{ name: 'Acme Retail' }, { name: 'Acme Wholesale' }]);
			expect(r.json.data.lo).toEqual([{ name: 'Globex Logistics' }]);
		});
	});

	describe('faults', () => {
		test('default fault: 500 Boomi body before applying, once', async () => {
			const fault = sim.injectFault({});
			let r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt });
			expect(r.status).toBe(500);
			expect(r.text).toBe('{"data":null,"errors":[{"message":"Downstream Execution Error: Server Error","extensions":{}}]}');
			expect(attachmentIds(sim)).toContain(SAMPLE_ATTACHMENT_ID);
			expect(sim.mutations).toHaveLength(0);
			expect(sim.requests.at(-1)).toMatchObject({ status: 500, fault: true });
			expect(fault).toMatchObject({ remaining: 0, hits: 1 });
			r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt });
			expect(r.status).toBe(200);
			expect(sim.requests.at(-1).fault).toBe(false);
		});

		test('operationName and field filters, times', async () => {
			sim.injectFault({ operationName: 'unattach', times: 2, status: 502 });
			sim.injectFault({ field: 'environments', status: 504 });
			expect((await gql(sim, '{ spaces { id } }', undefined, { jwt })).status).toBe(200);
			expect((await gql(sim, '{ e: environments { id } }', undefined, { jwt })).status).toBe(504);
			expect((await gql(sim, '{ environments { id } }', undefined, { jwt })).status).toBe(200);
			expect((await gql(sim, UNATTACH, { id: 'x' }, { jwt })).status).toBe(502);
			expect((await gql(sim, UNATTACH, { id: 'x' }, { jwt })).status).toBe(502);
			expect((await gql(sim, UNATTACH, { id: 'x' }, { jwt })).status).toBe(200);
		});

		test('afterApply: state changes, the client sees the error; a retry then finds nothing', async () => {
			sim.injectFault({ afterApply: true });
			let r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt });
			expect(r.status).toBe(500);
			expect(attachmentIds(sim)).not.toContain(SAMPLE_ATTACHMENT_ID);
			expect(sim.mutations).toHaveLength(1);
			r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt });
			expect(r.json.errors[0].message).toMatch(/^IPACK_INSTANCE_ID_INVALID: /);
		});

		test('destroySocket: no response at all, before or after applying', async () => {
			sim.injectFault({ destroySocket: true });
			await expect(gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt })).rejects.toThrow();
			expect(attachmentIds(sim)).toContain(SAMPLE_ATTACHMENT_ID);
			expect(sim.requests.at(-1)).toMatchObject({ status: null, responseBody: null, fault: true });

			sim.injectFault({ destroySocket: true, afterApply: true });
			await expect(gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt })).rejects.toThrow();
			expect(attachmentIds(sim)).not.toContain(SAMPLE_ATTACHMENT_ID);
			expect(sim.mutations).toHaveLength(1);
		});

		test('custom status, body, headers and delay', async () => {
			sim.injectFault({ status: 502, body: '<html>Bad Gateway</html>', headers: { 'Retry-After': 2 }, delayMs: 120 });
			let r = await gql(sim, '{ spaces { id } }', undefined, { jwt });
			// The simulator's own timestamps: it held the answer for the fault's delay.
			const delayed = sim.requests.at(-1);
			expect(delayed.respondedAt - delayed.at).toBeGreaterThanOrEqual(119);
			expect(r.status).toBe(502);
			expect(r.text).toBe('<html>Bad Gateway</html>');
			expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
			expect(r.headers.get('retry-after')).toBe('2');
			sim.injectFault({ status: 503, body: { errors: [{ message: 'busy' }] } });
			r = await gql(sim, '{ spaces { id } }', undefined, { jwt });
			expect(r.json).toEqual({ errors: [{ message: 'busy' }] });
		});

		test('fieldError: one field fails like a domain error, the rest resolves', async () => {
			sim.injectFault({ field: 'environments', fieldError: { code: 'GENERIC_SYSTEM_ERROR', message: 'Transient backend failure' } });
			const r = await gql(sim, '{ spaces { id } environments { id } }', undefined, { jwt });
			expect(r.status).toBe(200);
			expect(r.json.data.spaces).toHaveLength(2);
			expect(r.json.data.environments).toBeNull();
			expect(r.json.errors[0]).toMatchObject({ message: 'GENERIC_SYSTEM_ERROR: Transient backend failure', path: ['environments'] });
		});

		test('auth faults', async () => {
			sim.injectFault({ target: 'auth', status: 500 });
			expect((await fetchJwt(sim)).status).toBe(500);
			expect((await fetchJwt(sim)).status).toBe(200);
		});

		test('reset clears pending faults', async () => {
			sim.injectFault({ times: 5 });
			sim.reset();
			expect((await gql(sim, '{ spaces { id } }', undefined, { jwt: sim.mintJwt() })).status).toBe(200);
		});
	});

	describe('recording', () => {
		test('requests keep method, path, lower-cased headers, raw body, parsed json, status, response', async () => {
			const body = JSON.stringify({ query: UNATTACH, variables: { id: SAMPLE_ATTACHMENT_ID }, operationName: 'unattach' });
			const r = await gql(sim, null, null, { jwt, rawBody: body, headers: { 'X-Trace': 'abc' } });
			const rec = sim.requests.at(-1);
			expect(rec).toEqual({
				at: expect.any(Number),
				respondedAt: expect.any(Number),
				method: 'POST',
				path: '/graphql',
				headers: expect.objectContaining({
					authorization: `Bearer ${jwt}`,
					space_guid: S.SPACE_MAIN,
					accept: 'application/json',
					'content-type': 'application/json',
					'x-trace': 'abc',
				}),
				body,
				json: JSON.parse(body),
				operationName: 'unattach',
				variables: { id: SAMPLE_ATTACHMENT_ID },
				status: 200,
				responseBody: r.text,
				throttled: false,
				fault: false,
			});
			await fetchJwt(sim);
			expect(sim.requests.at(-1)).toMatchObject({ method: 'GET', path: `/auth/jwt/generate/${sim.demo.accountId}`, status: 200 });
			// Anonymous operations are recorded with operationName null.
			await gql(sim, '{ spaces { id } }', undefined, { jwt });
			expect(sim.requests.at(-1).operationName).toBeNull();
		});

		test('reset restores the seed and clears requests, mutations and issued JWTs', async () => {
			const state = sim.state;
			const attachments = sim.state.attachments;
			await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt });
			expect(sim.state.attachments).toHaveLength(3);
			sim.reset();
			expect(sim.state).toBe(state);
			expect(sim.state.attachments).toHaveLength(4);
			expect(attachments).toHaveLength(3); // old array reference is left alone; use sim.state.attachments
			expect(sim.requests).toHaveLength(0);
			expect(sim.mutations).toHaveLength(0);
			expect((await gql(sim, '{ spaces { id } }', undefined, { jwt })).status).toBe(401);
		});
	});

	test('mintJwt rejects unknown accounts', () => {
		expect(() => sim.mintJwt({ accountId: 'nope' })).toThrow(/unknown account/);
	});

	// How fast is the benchmark's business (bench/); this checks that every request is answered and logged.
	test('answers and logs thousands of requests, sequential and parallel', async () => {
		for (let i = 0; i < 1500; i++) {
			const r = await gql(sim, UNATTACH, { id: `missing-${i}` }, { jwt });
			if (r.status !== 200) throw new Error(`unexpected ${r.status}`);
		}
		const parallel = await Promise.all(Array.from({ length: 500 }, (_, i) => gql(sim, UNATTACH, { id: `parallel-${i}` }, { jwt })));
		expect(parallel.map((r) => r.status)).toEqual(Array(500).fill(200));
		expect(sim.requests).toHaveLength(2000);
		expect(sim.requests.map((r) => r.status)).toEqual(Array(2000).fill(200));
	});
});

describe('options', () => {
	let sim;
	afterEach(() => sim && sim.close());

	test('jwtFormat json', async () => {
		sim = await startSimulator({ jwtFormat: 'json' });
		const res = await fetchJwt(sim);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		const { token } = await res.json();
		expect((await gql(sim, '{ spaces { id } }', undefined, { jwt: token })).status).toBe(200);
	});

	test('jwtLifetimeMs: tokens expire by time', async () => {
		sim = await startSimulator({ jwtLifetimeMs: 150 });
		const token = await (await fetchJwt(sim)).text();
		expect((await gql(sim, '{ spaces { id } }', undefined, { jwt: token })).status).toBe(200);
		await new Promise((r) => setTimeout(r, 200));
		expect((await gql(sim, '{ spaces { id } }', undefined, { jwt: token })).status).toBe(401);
		sim.setOptions({ jwtLifetimeMs: 60000 });
		expect((await gql(sim, '{ spaces { id } }', undefined, { jwt: sim.mintJwt() })).status).toBe(200);
	});

	test('requireAccept false', async () => {
		sim = await startSimulator({ requireAccept: false });
		expect((await gql(sim, '{ spaces { id } }', undefined, { jwt: sim.mintJwt(), headers: { accept: 'text/html' } })).status).toBe(200);
	});

	test('requireJsonContentType → 415 without it', async () => {
		sim = await startSimulator({ requireJsonContentType: true });
		expect((await gql(sim, '{ spaces { id } }', undefined, { jwt: sim.mintJwt(), headers: { 'content-type': 'text/plain' } })).status).toBe(415);
	});

	test("errorCodeLocation 'extensions'", async () => {
		sim = await startSimulator({ errorCodeLocation: 'extensions' });
		const r = await gql(sim, UNATTACH, { id: 'nope' }, { jwt: sim.mintJwt() });
		expect(r.json.errors[0]).toEqual({
			message: "Integration pack environment attachment 'nope' was not found",
			locations: [{ line: 1, column: 31 }],
			path: ['integrationPackInstanceEnvironmentAttachmentUnattach'],
			extensions: { code: 'IPACK_INSTANCE_ID_INVALID' },
		});
	});

	test('latencyMs (also via setOptions) and fieldCostMs', async () => {
		// Asserted on the simulator's own timestamps (request `at` / `respondedAt`, mutation `at`), never a stopwatch.
		sim = await startSimulator({ latencyMs: 80 });
		const jwt = sim.mintJwt();
		await gql(sim, '{ spaces { id } }', undefined, { jwt });
		const [latent] = sim.requests;
		expect(latent.respondedAt - latent.at).toBeGreaterThanOrEqual(79);
		sim.setOptions({ latencyMs: 0, fieldCostMs: 40 });
		// Mutation root fields run serially (GraphQL spec): each waits for its cost after the previous one.
		const [a, b, c] = sim.state.attachments.map((attachment) => attachment.id);
		const r = await gql(
			sim,
			'mutation($a: ID!, $b: ID!, $c: ID!) { a: integrationPackInstanceEnvironmentAttachmentUnattach(id: $a) b: integrationPackInstanceEnvironmentAttachmentUnattach(id: $b) c: integrationPackInstanceEnvironmentAttachmentUnattach(id: $c) }',
			{ a, b, c },
			{ jwt },
		);
		expect(r.json.data).toEqual({ a, b, c });
		const [ma, mb, mc] = sim.mutations;
		expect(sim.mutations.map((mutation) => mutation.responseKey)).toEqual(['a', 'b', 'c']);
		expect(mb.at - ma.at).toBeGreaterThanOrEqual(39);
		expect(mc.at - mb.at).toBeGreaterThanOrEqual(39);
		expect(ma.at - sim.requests.at(-1).at).toBeGreaterThanOrEqual(39);
		expect(() => sim.setOptions({ port: 1 })).toThrow(/cannot be changed/);
		expect(() => sim.setOptions({ latency: 1 })).toThrow(/Unknown simulator option/);
	});

	test('custom seed: ids computed, demo derived, accounts isolated', async () => {
		const i1 = encodeInstanceId(7);
		const i2 = encodeInstanceId(8);
		sim = await startSimulator({
			seed: {
				accounts: [
					{ accountId: 'acct-1', username: 'one@example.com', apiToken: 't1' },
					{ accountId: 'acct-2', username: 'two@example.com', apiToken: 't2' },
				],
				spaces: [{ id: 'space-1', name: 'One' }, { id: 'space-2', name: 'Two', accountId: 'acct-2' }],
				integrationPacks: [{ id: 'p', name: 'P', installationType: 'MULTI' }],
				instances: [{ id: i1, integrationPackId: 'p' }, { id: i2, integrationPackId: 'p', accountId: 'acct-2' }],
				environments: [{ id: 'e1', name: 'Production', classification: 'PROD' }, { id: 'e2', name: 'Production', classification: 'PROD', accountId: 'acct-2' }],
				attachments: [{ integrationPackInstanceId: i1, environmentId: 'e1' }, { integrationPackInstanceId: i2, environmentId: 'e2' }],
			},
		});
		expect(sim.demo).toMatchObject({ accountId: 'acct-1', spaceGuid: 'space-1', attachmentId: encodeAttachmentId(i1, 'e1') });
		const other = encodeAttachmentId(i2, 'e2');
		// Account 1 cannot see or detach account 2's attachment, nor use its Space.
		let r = await gql(sim, UNATTACH, { id: other }, { jwt: sim.mintJwt() });
		expect(r.json.errors[0].message).toMatch(/^IPACK_INSTANCE_ID_INVALID/);
		r = await gql(sim, UNATTACH, { id: other }, { jwt: sim.mintJwt(), space: 'space-2' });
		expect(r.json.errors[0].message).toMatch(/^SPACE_NOT_FOUND/);
		r = await gql(sim, UNATTACH, { id: other }, { jwt: sim.mintJwt({ accountId: 'acct-2' }), space: 'space-2' });
		expect(r.json.data.integrationPackInstanceEnvironmentAttachmentUnattach).toBe(other);
		// Install mints after the highest seeded instance number.
		r = await gql(sim, 'mutation { integrationPackInstanceInstall(input: {integrationPackId: "p", integrationPackOverrideName: "x"}) { id } }', undefined, { jwt: sim.mintJwt() });
		expect(r.json.data.integrationPackInstanceInstall.id).toBe(encodeInstanceId(9));
	});

	test('many attachments: detach 1000 one by one', async () => {
		const environments = [{ id: 'env-a', name: 'Production', classification: 'PROD' }];
		const instances = Array.from({ length: 1000 }, (_, i) => ({ id: encodeInstanceId(50000 + i), integrationPackId: 'p' }));
		sim = await startSimulator({
			seed: {
				accounts: [{ accountId: 'bulk', username: 'bulk@example.com', apiToken: 'tok' }],
				spaces: [{ id: 'bulk-space', name: 'Bulk' }],
				integrationPacks: [{ id: 'p', name: 'P', installationType: 'MULTI' }],
				instances,
				environments,
				attachments: instances.map((i) => ({ integrationPackInstanceId: i.id, environmentId: 'env-a' })),
			},
		});
		const jwt = sim.mintJwt();
		const ids = sim.state.attachments.map((a) => a.id);
		for (const id of ids) {
			const r = await gql(sim, UNATTACH, { id }, { jwt });
			if (r.json.data.integrationPackInstanceEnvironmentAttachmentUnattach !== id) throw new Error(r.text);
		}
		expect(sim.state.attachments).toHaveLength(0);
		expect(sim.mutations).toHaveLength(1000);
	});
});

describe('rate limiting', () => {
	let sim;
	afterEach(() => sim && sim.close());
	const Q = '{ spaces { id } }';

	test("mode 'http' (503): whole request rejected, no Retry-After unless configured, recorded as throttled", async () => {
		sim = await startSimulator({ rateLimit: { requestsPerSecond: 0.01, burst: 3 } });
		const jwt = sim.mintJwt();
		for (let i = 0; i < 3; i++) expect((await gql(sim, Q, undefined, { jwt })).status).toBe(200);
		const r = await gql(sim, UNATTACH, { id: SAMPLE_ATTACHMENT_ID }, { jwt });
		expect(r.status).toBe(503);
		expect(r.headers.get('retry-after')).toBeNull();
		expect(r.text).toBe(
			'{"data":null,"errors":[{"message":"PLATFORM_CALL_ERROR: Platform API responded 503 Service Unavailable: rate limit exceeded","extensions":{}}]}',
		);
		expect(attachmentIds(sim)).toContain(SAMPLE_ATTACHMENT_ID);
		expect(sim.requests.at(-1)).toMatchObject({ status: 503, throttled: true });
		// The JWT endpoint is not rate limited.
		expect((await fetchJwt(sim)).status).toBe(200);
	});

	test('429 with Retry-After', async () => {
		sim = await startSimulator({ rateLimit: { requestsPerSecond: 0.01, burst: 1, status: 429, retryAfterSeconds: 2 } });
		const jwt = sim.mintJwt();
		expect((await gql(sim, Q, undefined, { jwt })).status).toBe(200);
		const r = await gql(sim, Q, undefined, { jwt });
		expect(r.status).toBe(429);
		expect(r.headers.get('retry-after')).toBe('2');
		expect(r.text).toBe('{"errors":[{"message":"Too Many Requests","extensions":{}}]}');
	});

	test('aliases count one token each; a request needing more than is left applies nothing', async () => {
		sim = await startSimulator({ rateLimit: { requestsPerSecond: 0.01, burst: 3 } });
		const jwt = sim.mintJwt();
		const two = 'mutation m($a: ID!, $b: ID!) { a: integrationPackInstanceEnvironmentAttachmentUnattach(id: $a) b: integrationPackInstanceEnvironmentAttachmentUnattach(id: $b) }';
		const vars = { a: SAMPLE_ATTACHMENT_ID, b: encodeAttachmentId(S.INSTANCE_INVENTORY_US, S.ENV_DEV) };
		expect((await gql(sim, '{ a: spaces { id } b: spaces { id } }', undefined, { jwt })).status).toBe(200);
		expect((await gql(sim, two, vars, { jwt })).status).toBe(503);
		expect(sim.state.attachments).toHaveLength(4);
		expect(sim.mutations).toHaveLength(0);
		expect((await gql(sim, Q, undefined, { jwt })).status).toBe(200);
	});

	test('tokens refill at requestsPerSecond; buckets are per account; setOptions changes it live', async () => {
		sim = await startSimulator({
			seed: {
				accounts: [
					{ accountId: 'a', username: 'a@example.com', apiToken: 'ta' },
					{ accountId: 'b', username: 'b@example.com', apiToken: 'tb' },
				],
				spaces: [{ id: 's' }],
			},
			rateLimit: { requestsPerSecond: 20, burst: 1 },
		});
		const a = sim.mintJwt({ accountId: 'a' });
		const b = sim.mintJwt({ accountId: 'b' });
		expect((await gql(sim, Q, undefined, { jwt: a })).status).toBe(200);
		expect((await gql(sim, Q, undefined, { jwt: a })).status).toBe(503);
		expect((await gql(sim, Q, undefined, { jwt: b })).status).toBe(200);
		await new Promise((r) => setTimeout(r, 80));
		expect((await gql(sim, Q, undefined, { jwt: a })).status).toBe(200);
		sim.setOptions({ rateLimit: null });
		for (let i = 0; i < 5; i++) expect((await gql(sim, Q, undefined, { jwt: a })).status).toBe(200);
	});

	test("mode 'field': fields with a token run, the others fail with PLATFORM_CALL_ERROR (HTTP 200)", async () => {
		sim = await startSimulator({ rateLimit: { requestsPerSecond: 0.01, burst: 2, mode: 'field' } });
		const jwt = sim.mintJwt();
		const r = await gql(
			sim,
			'mutation m($a: ID!, $b: ID!, $c: ID!) { a: integrationPackInstanceEnvironmentAttachmentUnattach(id: $a) b: integrationPackInstanceEnvironmentAttachmentUnattach(id: $b) c: integrationPackInstanceEnvironmentAttachmentUnattach(id: $c) }',
			{ a: SAMPLE_ATTACHMENT_ID, b: encodeAttachmentId(S.INSTANCE_INVENTORY_US, S.ENV_DEV), c: encodeAttachmentId(S.INSTANCE_HR, S.ENV_TEST) },
			{ jwt },
		);
		expect(r.status).toBe(200);
		expect(r.json.data.c).toBeNull();
		expect(r.json.data.a).toBe(SAMPLE_ATTACHMENT_ID);
		expect(r.json.errors).toEqual([
			{
				message: 'PLATFORM_CALL_ERROR: Platform API responded 503 Service Unavailable: rate limit exceeded',
				locations: expect.any(Array),
				path: ['c'],
				extensions: {},
			},
		]);
		expect(sim.state.attachments).toHaveLength(2); // c was not applied
		expect(sim.requests.at(-1).throttled).toBe(true);
	});
});

describe('cli.js', () => {
	test('prints URLs and demo credentials, serves them, stops on SIGINT', async () => {
		const { spawn } = require('child_process');
		const path = require('path');
		const child = spawn(process.execPath, [path.join(__dirname, 'simulator', 'cli.js'), '--port', '0', '--rate', '5', '--retry-after', '1'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
		try {
			let out = '';
			await new Promise((resolve, reject) => {
				child.stdout.on('data', (chunk) => {
					out += chunk;
					if (out.includes('Ctrl-C to stop')) resolve();
				});
				child.on('exit', () => reject(new Error(`cli exited early: ${out}`)));
			});
			const field = (label) => new RegExp(`^\\s*${label}\\s+(\\S+)`, 'm').exec(out)[1];
			const graphqlUrl = field('GraphQL URL');
			const authUrl = field('auth URL');
			expect(field('base URL')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(graphqlUrl).toBe(`${field('base URL')}/graphql`);
			expect(field('spaceGuid')).toBe(S.SPACE_MAIN);
			expect(field('attachmentId')).toBe(SAMPLE_ATTACHMENT_ID);
			expect(out).toMatch(/5\/s, burst 5, HTTP 503, Retry-After 1, mode http/);
			const jwtRes = await fetch(`${authUrl}/auth/jwt/generate/${field('accountId')}`, {
				headers: { authorization: basic(`BOOMI_TOKEN.${field('username')}`, field('apiToken')) },
			});
			const jwt = await jwtRes.text();
			const res = await fetch(graphqlUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${jwt}`, SPACE_GUID: field('spaceGuid') },
				body: JSON.stringify({ query: UNATTACH, variables: { id: field('attachmentId') } }),
			});
			expect(await res.json()).toEqual({ data: { integrationPackInstanceEnvironmentAttachmentUnattach: SAMPLE_ATTACHMENT_ID } });
		} finally {
			child.kill('SIGINT');
		}
		expect(await exited).toBe(0);
	});
});
