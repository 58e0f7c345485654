// Environment Extensions › Update through the n8n engine against the simulator.
const { seedIds } = require('../simulator');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
const { INSTANCE_ORDER_SYNC_EMEA: EMEA, ENV_PROD } = seedIds;

const update = (parameters, items = [{}], onError) =>
	env.runNode({ resource: 'environmentExtensions', operation: 'update', parameters, onError }, items);
const stored = () => env.sim.state.attachments.find((a) => a.integrationPackInstanceId === EMEA && a.environmentId === ENV_PROD).extensions;
const connectionId = (name) => stored().connections.find((c) => c.name === name).id;
const fieldOf = (doc, name, id) => doc.connections.connection.find((c) => c.name === name).field.find((f) => f.id === id);
/** An EnvironmentExtensions document setting fields of one connection. */
const setting = (name, fields, extra = {}) => ({
	connections: { connection: [{ id: connectionId(name), name, field: fields.map(([id, value]) => ({ id, value, useDefault: false })) }] },
	...extra,
});

describe('Update environment extensions through the n8n engine', () => {
	it('success: a partial update by default ("partial": "true" added), the updated document parsed', async () => {
		const { envExtensionId } = env.sim.demo;
		env.expectSuccess(await update({ envExtensionId, extensions: JSON.stringify(setting('NetSuite', [['account', 'TSTDRV1']])) }));
		const items = env.expectSuccess(await update({ envExtensionId, extensions: JSON.stringify(setting('Salesforce', [['user', 'ops@demo.example']])) }));

		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			envExtensionId,
			environmentId: ENV_PROD,
			extensionGroupId: expect.any(String),
			environmentExtensions: expect.objectContaining({ '@type': 'EnvironmentExtensions', id: envExtensionId }),
		});
		const doc = items[0].json.environmentExtensions;
		expect(fieldOf(doc, 'Salesforce', 'user')).toMatchObject({ value: 'ops@demo.example', useDefault: false });
		// Partial: the NetSuite account set before is kept.
		expect(fieldOf(doc, 'NetSuite', 'account')).toMatchObject({ value: 'TSTDRV1', useDefault: false });
		const request = env.graphqlRequests()[1];
		expect(request.json.operationName).toBe('UpdateEnvironmentExtensions');
		expect(request.json.variables.envExtensionId).toBe(envExtensionId);
		expect(JSON.parse(request.json.variables.extensions)).toEqual({ ...setting('Salesforce', [['user', 'ops@demo.example']]), partial: 'true' });
	});

	it('with Partial Update off, Boomi resets what the JSON does not give; a partial key in the JSON is sent as written', async () => {
		const { envExtensionId } = env.sim.demo;
		env.expectSuccess(await update({ envExtensionId, extensions: JSON.stringify(setting('NetSuite', [['account', 'TSTDRV1']])) }));
		const [item] = env.expectSuccess(await update({ envExtensionId, partial: false, extensions: JSON.stringify(setting('Salesforce', [['user', 'ops@demo.example']])) }));
		expect(fieldOf(item.json.environmentExtensions, 'NetSuite', 'account')).toMatchObject({ useDefault: true });
		expect(JSON.parse(env.graphqlRequests()[1].json.variables.extensions)).not.toHaveProperty('partial');

		env.expectSuccess(await update({ envExtensionId, extensions: JSON.stringify(setting('NetSuite', [['account', 'X']], { partial: 'false' })) }));
		expect(JSON.parse(env.graphqlRequests()[2].json.variables.extensions).partial).toBe('false');
	});

	it("takes the ID from the JSON's id when the field is empty, and the JSON as an object from an expression", async () => {
		const { envExtensionId } = env.sim.demo;
		const extensions = setting('Salesforce', [['user', 'a@b.example']], { id: envExtensionId });
		const [item] = env.expectSuccess(await update({ extensions: '={{ $json.doc }}' }, [{ doc: extensions }]));
		expect(item.json.envExtensionId).toBe(envExtensionId);
		expect(env.graphqlRequests()[0].json.variables.envExtensionId).toBe(envExtensionId);
	});

	it("Boomi error: an unknown environment extensions ID is Boomi's error", async () => {
		const result = await update({ envExtensionId: 'no-such-extensions', extensions: '{}' });
		env.expectBoomiError(result, /^PLATFORM_CALL_ERROR: EnvironmentExtensions 'no-such-extensions' was not found/);
	});

	it('bad input: extensions that are not JSON are refused before any request', async () => {
		const result = await update({ envExtensionId: env.sim.demo.envExtensionId, extensions: '{"connections": ' });
		const error = env.expectBadInput(result, 'Extensions is not valid JSON');
		expect(error.description).toMatch(/^Item 0: "Extensions" does not parse as JSON/);
	});

	it('bad input: no ID in the field nor in the JSON is refused before any request', async () => {
		const result = await update({ extensions: '{"connections": {}}' });
		const error = env.expectBadInput(result, 'The Environment Extensions ID is empty and the JSON has no "id"');
		expect(error.description).toMatch(/^Item 0: set "Environment Extensions ID"/);
	});

	it('with Continue (using error output) pairs each outcome with its item', async () => {
		const result = await update({ envExtensionId: '={{ $json.id }}', extensions: '{}' }, [{ id: 'no-such-extensions' }, { id: env.sim.demo.envExtensionId }], 'continueErrorOutput');
		expect(result.status).toBe('success');
		expect(result.output('Boomi Spaces', 0).map((item) => item.pairedItem.item)).toEqual([1]);
		expect(result.output('Boomi Spaces', 1).map((item) => item.pairedItem.item)).toEqual([0]);
	});
});
