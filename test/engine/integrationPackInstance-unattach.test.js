// Unattach through the real n8n engine (n8n-core WorkflowExecute) against the
// Boomi Spaces simulator over HTTP: credentials' authenticate and
// preAuthentication run as in n8n, and the node is loaded from dist/ through
// the package.json `n8n` attribute.
const { document } = require('../../dist/nodes/BoomiSpaces/actions/integrationPackInstance/unattach.operation');
const { encodeAttachmentId } = require('../simulator');
const { simulatorCredential, unattachWorkflow, useCredential } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const SAMPLE_RESPONSE =
	'QVRUQUNIX0lQQUNLX0VOVlNXNTBaV2R5WVhScGIyNVFZV05yU1c1emRHRnVZMlV6TkRRNE5nOjg2YjQxM2E4LTFlYmYtNGM5NS1iYzViLTEzOTU3M2I3NzkxMA';

const env = useSimulatorEngine();
let engine;
let sim;
beforeEach(() => ({ engine, sim } = env));

const { graphqlRequests, mintRequests } = env;
const attachmentIds = () => sim.state.attachments.map((attachment) => attachment.id);
/** The Unattach node with its Attachment locator as the editor stores it (e.g. a From List selection). */
const unattachNodeWith = (locator) => {
	const [node] = unattachWorkflow().nodes;
	return { ...node, parameters: { ...node.parameters, integrationPackInstanceId: locator } };
};
const run = (workflowOptions, items) =>
	engine.runWorkflow({ ...unattachWorkflow(workflowOptions), items: items.map((json) => ({ json })) });

/** Every string the engine kept for this run: items, errors, metadata. */
const everything = (result) => JSON.stringify(result.run, (_key, value) => (value instanceof Error ? { ...value, message: value.message, description: value.description, stack: value.stack } : value));

/** Secrets that must never appear in output or error text. */
function secrets() {
	const minted = mintRequests()
		.map((request) => request.responseBody)
		.filter(Boolean);
	const bearer = graphqlRequests()
		.map((request) => request.headers.authorization)
		.filter(Boolean);
	const basic = mintRequests()
		.map((request) => request.headers.authorization)
		.filter(Boolean);
	return [sim.demo.apiToken, ...minted, ...bearer, ...basic].filter((secret) => secret.length > 8);
}

function expectNoSecrets(result) {
	const text = everything(result);
	for (const secret of secrets()) expect(text).not.toContain(secret);
	expect(text).not.toMatch(/Bearer ey/);
	expect(text).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
}

describe('Unattach through the n8n engine', () => {
	it('success: detaches one attachment and returns Boomi’s string with the decoded ids', async () => {
		const id = sim.demo.attachmentId;
		const result = await run({}, [{ id }]);

		expect(env.expectSuccess(result)).toEqual([
			{
				json: {
					detached: true,
					id,
					result: id,
					integrationPackInstanceId: sim.demo.instanceId,
					environmentId: sim.demo.environmentId,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(attachmentIds()).not.toContain(id);

		const [request] = graphqlRequests();
		expect(request.method).toBe('POST');
		expect(request.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
		expect(request.headers.space_guid).toBe(sim.demo.spaceGuid);
		expect(request.headers.accept).toMatch(/application\/json/);
		expect(request.json).toEqual({
			query: document.query,
			variables: { id },
			operationName: document.operationName,
		});
		expectNoSecrets(result);
	});

	it('says the attachment chosen in the list may no longer exist, and names what the list showed', async () => {
		const label = 'Inventory - US Stores → Development';
		const node = unattachNodeWith({ __rl: true, mode: 'list', value: 'no-longer-there', cachedResultName: label });
		const result = await env.engine.runWorkflow({ nodes: [node], items: [{ json: {} }] });
		const error = env.expectBoomiError(result, /^IPACK_INSTANCE_ID_INVALID/);
		expect(error.description).toMatch(/The attachment chosen in the list \("Inventory - US Stores → Development"\) may no longer exist/);
	});

	it('outputs the names the picker stored with the selection, first', async () => {
		const node = unattachNodeWith({ __rl: true, mode: 'list', value: sim.demo.attachmentId, cachedResultName: 'Inventory - US Stores → Development' });
		const result = await env.engine.runWorkflow({ nodes: [node], items: [{ json: {} }] });
		const [item] = env.expectSuccess(result);
		expect(Object.keys(item.json).slice(0, 5)).toEqual(['detached', 'integrationPackInstanceId', 'environmentId', 'instanceName', 'environmentName']);
		expect(item.json).toEqual(expect.objectContaining({ instanceName: 'Inventory - US Stores', environmentName: 'Development' }));
	});

	it('returns the sample response of Boomi’s page for the instance id the page describes', async () => {
		const result = await run({}, [{ id: 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng' }]);

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces')[0].json).toEqual({
			detached: true,
			id: 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng',
			result: SAMPLE_RESPONSE,
			integrationPackInstanceId: 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng',
			environmentId: '86b413a8-1ebf-4c95-bc5b-139573b77910',
		});
		expect(attachmentIds()).not.toContain(SAMPLE_RESPONSE);
	});

	it('handles many items with per-item expressions, in order, minting the JWT once', async () => {
		const ids = attachmentIds().slice(0, 4);
		expect(ids).toHaveLength(4);
		const result = await run({ id: '={{ $json.attachment.id }}' }, ids.map((id) => ({ attachment: { id } })));

		expect(result.status).toBe('success');
		const output = result.output('Boomi Spaces');
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(output.map((item) => item.json.result)).toEqual(ids);
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_id, item) => ({ item })));
		expect(graphqlRequests()).toHaveLength(4);
		expect(mintRequests()).toHaveLength(1);
		expect(new Set(graphqlRequests().map((request) => request.headers.authorization)).size).toBe(1);
		expect(sim.mutations).toHaveLength(4);
	});

	it('reuses the stored JWT across executions and re-mints it once after it expires mid-run', async () => {
		const [first, ...rest] = attachmentIds();
		await run({}, [{ id: first }]);
		expect(mintRequests()).toHaveLength(1);

		// Every JWT expires once the 2nd GraphQL request of the run has been answered.
		const ids = rest.slice(0, 3);
		let seen = 0;
		sim.setOptions({
			onRequest: (record) => {
				if (record.path === '/graphql' && ++seen === 2) sim.expireJwts();
			},
		});
		const result = await run({}, ids.map((id) => ({ id })));
		sim.setOptions({ onRequest: undefined });

		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces').map((item) => item.json.result)).toEqual(ids);
		// One mint before, one re-mint after the 401: never one per item.
		expect(mintRequests()).toHaveLength(2);
		const statuses = graphqlRequests().map((request) => request.status);
		expect(statuses.filter((status) => status === 401)).toHaveLength(1);
		// The 401 was not applied, so each attachment was detached exactly once.
		expect(sim.mutations.map((mutation) => mutation.result)).toEqual([first, ...ids]);
		// The re-minted JWT was stored for the next execution.
		expect(engine.credentials.get('boomi-cred-1').sessionJwt).toBe(mintRequests()[1].responseBody.trim());
	});

	it('re-mints when the stored JWT has expired between executions', async () => {
		const [first, second] = attachmentIds();
		await run({}, [{ id: first }]);
		sim.expireJwts();
		const result = await run({}, [{ id: second }]);

		expect(result.status).toBe('success');
		expect(mintRequests()).toHaveLength(2);
		expect(sim.mutations).toHaveLength(2);
	});

	it('fails clearly on a bad API token, without leaking it', async () => {
		useCredential(engine, simulatorCredential(sim, { apiToken: 'wrong-token-0123456789' }));
		const result = await run({}, [{ id: sim.demo.attachmentId }]);

		expect(result.status).toBe('error');
		const error = result.nodeError('Boomi Spaces');
		expect(error.message).toMatch(/^Could not get a Boomi JWT: Boomi refused the API token/);
		expect(error.description).toMatch(/nothing was sent/);
		expect(error.message).toContain('HTTP 401');
		expect(graphqlRequests()).toHaveLength(0);
		expect(everything(result)).not.toContain('wrong-token-0123456789');
		expectNoSecrets(result);
	});

	it('uses a pasted JWT as is, and explains an expired one', async () => {
		const jwt = sim.mintJwt();
		useCredential(engine, simulatorCredential(sim, { authentication: 'jwt', jwt, apiToken: '' }));
		const ok = await run({}, [{ id: sim.demo.attachmentId }]);
		expect(ok.status).toBe('success');
		expect(graphqlRequests()[0].headers.authorization).toBe(`Bearer ${jwt}`);
		expect(mintRequests()).toHaveLength(0);

		sim.expireJwts();
		const expired = await run({}, [{ id: attachmentIds()[0] }]);
		expect(expired.status).toBe('error');
		const error = expired.nodeError('Boomi Spaces');
		expect(error.message).toBe('Downstream Execution Error: Unauthorized');
		expect(error.httpCode).toBe('401');
		expect(error.description).toMatch(/JWT/);
		expect(everything(expired)).not.toContain(jwt);
	});

	it('reports a wrong Space GUID with Boomi’s error', async () => {
		useCredential(engine, simulatorCredential(sim, { spaceGuid: '00000000-0000-0000-0000-000000000000' }));
		const result = await run({}, [{ id: sim.demo.attachmentId }]);

		expect(result.status).toBe('error');
		const error = result.nodeError('Boomi Spaces');
		expect(error.message).toMatch(/SPACE_NOT_FOUND/);
		expect(error.description).toMatch(/Space GUID/);
		expect(sim.mutations).toHaveLength(0);
	});

	it('Boomi error: reports an unknown id as Boomi’s GraphQL error in an HTTP 200', async () => {
		const result = await run({}, [{ id: 'no-such-attachment' }]);

		const error = env.expectBoomiError(result, /^IPACK_INSTANCE_ID_INVALID: .*no-such-attachment/);
		expect(graphqlRequests()).toHaveLength(1);
		expect(graphqlRequests()[0].status).toBe(200);
		expect(error.httpCode).toBe('IPACK_INSTANCE_ID_INVALID');
		expect(error.description).toMatch(/^Item 0: /);
		expect(result.output('Boomi Spaces')).toEqual([]);
	});

	it('fails the second Unattach of the same attachment', async () => {
		const id = sim.demo.attachmentId;
		expect((await run({}, [{ id }])).status).toBe('success');
		const again = await run({}, [{ id }]);

		expect(again.status).toBe('error');
		expect(again.nodeError('Boomi Spaces').message).toMatch(/IPACK_INSTANCE_ID_INVALID/);
		expect(sim.mutations).toHaveLength(1);
	});

	it('bad input: rejects an empty id before any request, naming the item', async () => {
		const result = await run({}, [{ id: '   ' }]);

		const error = env.expectBadInput(result, 'The Attachment ID is empty');
		expect(error.description).toMatch(/^Item 0: /);
	});

	it('keeps the status and Boomi’s message of an HTTP 500, and does not resend the mutation', async () => {
		sim.injectFault({ status: 500 });
		const result = await run({}, [{ id: sim.demo.attachmentId }]);

		expect(result.status).toBe('error');
		const error = result.nodeError('Boomi Spaces');
		expect(error.httpCode).toBe('500');
		expect(error.message).toBe('Downstream Execution Error: Server Error');
		expect(error.description).toMatch(/may or may not have been applied/);
		expect(graphqlRequests()).toHaveLength(1);
	});

	it('sends an id with quotes, braces and # byte-for-byte as a variable', async () => {
		const id = 'x" } mutation { integrationPackInstanceUninstall(id: "1") } #\u00e9\\n';
		const result = await run({}, [{ id }]);

		expect(result.status).toBe('error');
		const [request] = graphqlRequests();
		expect(request.json.variables).toEqual({ id });
		expect(request.json.query).toBe(document.query);
		expect(request.body).toContain(JSON.stringify(id));
		expect(sim.mutations).toHaveLength(0);
		expect(result.nodeError('Boomi Spaces').message).toContain(id);
	});

	describe.each([
		['continueRegularOutput', 0],
		['continueErrorOutput', 1],
	])('with onError %s', (onError, errorOutput) => {
		it('gives exactly one item per input, errors routed with their pairedItem', async () => {
			const [good1, good2] = attachmentIds();
			const items = [{ id: good1 }, { id: 'missing-id' }, { id: '' }, { id: good2 }, { id: good1 }];
			const result = await run({ onError }, items);

			expect(result.status).toBe('success');
			const main = result.output('Boomi Spaces', 0);
			const errors = errorOutput === 0 ? main.filter((item) => item.json.error) : result.output('Boomi Spaces', 1);
			const successes = main.filter((item) => !item.json.error);

			expect(successes.map((item) => [item.pairedItem.item, item.json.result])).toEqual([
				[0, good1],
				[3, good2],
			]);
			expect(errors.map((item) => item.pairedItem.item)).toEqual([1, 2, 4]);
			expect(errors[0].json.error).toMatch(/IPACK_INSTANCE_ID_INVALID/);
			expect(errors[0].error).toEqual(expect.objectContaining({ httpCode: 'IPACK_INSTANCE_ID_INVALID', name: 'NodeApiError' }));
			expect(errors[0].error.description).toMatch(/^Item 1: /);
			expect(errors[1].json.error).toBe('The Attachment ID is empty');
			expect(errors[2].json.error).toMatch(/IPACK_INSTANCE_ID_INVALID/); // already detached by item 0
			expect(successes.length + errors.length).toBe(items.length);
			// The empty id sent nothing; four requests for four non-empty ids.
			expect(graphqlRequests()).toHaveLength(4);
			expectNoSecrets(result);
		});
	});

	it('keeps secrets out of every output and error of a failing run', async () => {
		sim.injectFault({ status: 500, times: 1 });
		const result = await run({ onError: 'continueErrorOutput' }, [
			{ id: sim.demo.attachmentId },
			{ id: 'missing' },
			{ id: attachmentIds()[1] },
		]);
		expect(result.status).toBe('success');
		// The API token, the one minted JWT, three Bearer headers and one Basic header.
		expect(secrets()).toHaveLength(6);
		expectNoSecrets(result);
	});
});

it('decodes attachment ids the simulator mints like Boomi does', () => {
	expect(encodeAttachmentId('SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng', '86b413a8-1ebf-4c95-bc5b-139573b77910')).toBe(
		SAMPLE_RESPONSE,
	);
});
